#!/usr/bin/env bash
# deploy/bench.sh complaints (sourced after deploy/bench/lib.sh).
#              Env: BENCH_REPS (default 3).
#   complaints — 100,000 complaints over two years (10,000 open, 2,000 of them due for escalation steps, 300 resolved
#              ones due for the automatic close; deploy/bench/seed-complaints.sql on the 100,000 accounts of
#              seed-accounts.sql), their SLA fields checked against an independent SQL computation
#              (deploy/bench/check-complaints.sql). One escalation scan through the application
#              (POST /bench/escalation-scan, after a warm-up scan with nothing due): steps, client wall time and server
#              time, then a second scan at the same instant (idempotent: 0 steps) and the check again; the scan's due
#              query as EF Core issues it (captured from the server's statement log) under EXPLAIN (ANALYZE, BUFFERS),
#              which must use ix_complaints_due_escalation. Then GET /api/v1/complaints?openOnly=true&pageSize=50 and
#              the unfiltered first page (director's token; their statements captured and explained the same way) vs
#              the same open first page written by hand in SQL (GET /bench/raw/complaints: same count, order, index,
#              joins and columns, raw Npgsql; checked to return the same page) and the raw single-row baseline
#              GET /bench/raw/accounts/{id}, with wrk (2 threads, interleaved slices, rotated order, warm-up first,
#              30 s timeout): p50/p99 and req/s, and their ratios; queueVsRawSql = the queue's throughput ÷ the
#              hand-written page's (median over repetitions; goal ≥ 0.60). Targets: the catch-up scan of the 2,000 due
#              complaints under 2 s, its due query on its index under 50 ms.
#              Exit 1 if a consistency check or the scan's bookkeeping fails.
#              Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 5), BENCH_CONNECTIONS (default 16).
# POST /bench/escalation-scan?at=AT (one scan through the application: the command the Quartz job sends); prints
# "steps server_seconds client_seconds" (client: curl's time_total).
escalation_scan() {
  local out code
  out=$(curl -sS -o "$work/scan.json" -w '%{http_code} %{time_total}' -X POST "$base/bench/escalation-scan?at=$1")
  code=${out%% *}
  if [ "$code" != "200" ]; then
    echo "POST /bench/escalation-scan answered $code: $(head -c 500 "$work/scan.json")" >&2; tail -n 30 "$work/api.log" >&2; return 1
  fi
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["steps"], d["seconds"], sys.argv[2])' "$work/scan.json" "${out#* }"
}

bench_complaints() {
  local duration=${BENCH_DURATION:-8} reps=${BENCH_REPS:-5} conns=${BENCH_CONNECTIONS:-16}
  local facts="$work/facts"
  : > "$facts"
  fact() { printf '%s\t%s\n' "$1" "$2" >> "$facts"; }
  fact cpus "$(nproc)"
  fact loadAvg "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_wrk
  start_database
  start_api

  echo "== Seeding 100,000 accounts (seed-accounts.sql) and 100,000 complaints on 6,000 of them (seed-complaints.sql)"
  local t0=$SECONDS
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -f deploy/bench/seed-complaints.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local total open timeline
  total=$(psql_ka -c "SELECT count(*) FROM complaints")
  open=$(psql_ka -c "SELECT count(*) FROM complaints WHERE status NOT IN ('Resolved', 'Closed')")
  timeline=$(psql_ka -c "SELECT count(*) FROM complaint_timeline")
  fact complaints "$total"; fact open "$open"; fact timelineRows "$timeline"; fact seedSeconds $((SECONDS - t0))
  echo "complaints: $total, open: $open, timeline rows: $timeline ($((SECONDS - t0)) s with VACUUM ANALYZE); by status:"
  psql_ka -F ' ' -c "SELECT '  ' || status, count(*), count(*) FILTER (WHERE next_escalation_at <= now()) || ' due now' FROM complaints GROUP BY status ORDER BY min(CASE status WHEN 'New' THEN 1 WHEN 'Acknowledged' THEN 2 WHEN 'InProgress' THEN 3 WHEN 'AwaitingCustomer' THEN 4 WHEN 'Reopened' THEN 5 WHEN 'Resolved' THEN 6 ELSE 7 END)"
  if [ "$total" != 100000 ] || [ "$open" != 10000 ]; then echo "the seed must give 100,000 complaints of which 10,000 open" >&2; exit 1; fi
  local check_seed
  check_seed=$(psql_ka -F ' ' -f deploy/bench/check-complaints.sql)
  fact checkSeed "$check_seed"
  echo "seed consistency (deploy/bench/check-complaints.sql; failing complaints per check: flags, next escalation, due instants, breaches, state, workflow): $check_seed"

  # The scan's instant, and what is due at it.
  local at warm_at due closes
  at=$(psql_ka -c "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
  warm_at=$(psql_ka -c "SELECT to_char((timestamptz '$at' - interval '30 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
  due=$(psql_ka -c "SELECT count(*) FROM complaints WHERE next_escalation_at <= '$at'")
  closes=$(psql_ka -c "SELECT count(*) FROM complaints WHERE status = 'Resolved' AND resolved_at <= timestamptz '$at' - interval '7 days'")
  fact at "$at"; fact due "$due"; fact dueForAutoClose "$closes"

  echo "== Warm-up scan at $warm_at (30 days earlier: nothing due), its statements logged by the server"
  local from_line line steps server_secs wall_secs
  from_line=$(statement_log on)
  line=$(escalation_scan "$warm_at")
  statement_log off
  read -r steps server_secs wall_secs <<<"$line"
  fact warmupSteps "$steps"; fact warmupServerSeconds "$server_secs"; fact warmupWallSeconds "$wall_secs"
  printf '  steps %s, server %.3f s, wall %.3f s\n' "$steps" "$server_secs" "$wall_secs"

  echo "== The scan's due query as the application issues it (from the server log), EXPLAIN (ANALYZE, BUFFERS) at $at"
  local plan
  plan=$(explain_captured "$from_line" 'next_escalation_at <= \$1' "$at")
  echo "$plan" | sed 's/^/  /'
  echo "$plan" > "$work/due-plan.txt"
  if grep -q 'ix_complaints_due_escalation' <<<"$plan"; then fact dueQueryUsesIndex true; else fact dueQueryUsesIndex false; fi
  fact dueQueryMs "$(sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' <<<"$plan")"

  echo "== One escalation scan through the application (POST /bench/escalation-scan) at $at: $due complaints due, $closes resolved > 7 days ago"
  local escalated_before resolved_before reminders_before
  escalated_before=$(psql_ka -c "SELECT count(*) FROM complaint_timeline WHERE kind IN ('AtRisk', 'Escalated')")
  resolved_before=$(psql_ka -c "SELECT count(*) FROM complaints WHERE status = 'Resolved'")
  reminders_before=$(psql_ka -c "SELECT count(*) FROM reminders")
  line=$(escalation_scan "$at")
  read -r steps server_secs wall_secs <<<"$line"
  fact steps "$steps"; fact serverSeconds "$server_secs"; fact wallSeconds "$wall_secs"
  local escalation_steps escalated_complaints auto_closed notices
  escalation_steps=$(( $(psql_ka -c "SELECT count(*) FROM complaint_timeline WHERE kind IN ('AtRisk', 'Escalated')") - escalated_before ))
  escalated_complaints=$(psql_ka -c "SELECT count(DISTINCT complaint_id) FROM complaint_timeline WHERE kind IN ('AtRisk', 'Escalated') AND at = '$at'")
  auto_closed=$(( resolved_before - $(psql_ka -c "SELECT count(*) FROM complaints WHERE status = 'Resolved'") ))
  notices=$(( $(psql_ka -c "SELECT count(*) FROM reminders") - reminders_before ))
  fact escalationSteps "$escalation_steps"; fact complaintsEscalated "$escalated_complaints"; fact autoClosed "$auto_closed"; fact notifications "$notices"
  printf '  steps %s (escalation steps %s on %s complaints, automatic closes %s; %s notifications): server %.3f s, wall %.3f s\n' \
    "$steps" "$escalation_steps" "$escalated_complaints" "$auto_closed" "$notices" "$server_secs" "$wall_secs"
  line=$(escalation_scan "$at")
  read -r steps server_secs wall_secs <<<"$line"
  fact secondRunSteps "$steps"; fact secondRunServerSeconds "$server_secs"; fact secondRunWallSeconds "$wall_secs"
  printf '  second scan at the same instant: steps %s, server %.3f s, wall %.3f s\n' "$steps" "$server_secs" "$wall_secs"
  local check_after
  check_after=$(psql_ka -F ' ' -f deploy/bench/check-complaints.sql)
  fact checkAfterScan "$check_after"
  echo "  consistency after the scan (the application's clocks, state and next thresholds vs the independent SQL): $check_after"
  psql_ka -c "VACUUM ANALYZE complaints, complaint_timeline, reminders" >/dev/null

  login_director
  local id
  id=$(psql_ka -c "SELECT id FROM accounts WHERE registration_number = 'BENCH000050000'")
  declare -A url hdr
  url[list_open]="$base/api/v1/complaints?openOnly=true&pageSize=50";   hdr[list_open]="$auth"
  url[list_all]="$base/api/v1/complaints?pageSize=50";                  hdr[list_all]="$auth"
  url[baseline]="$base/bench/raw/accounts/$id";                         hdr[baseline]="X-Bench: raw"
  url[raw_queue]="$base/bench/raw/complaints?pageSize=50";              hdr[raw_queue]="X-Bench: raw"
  local slices=(list_open list_all baseline raw_queue) s code

  echo "== The list's statements as the application issues them (one request each, from the server log), EXPLAIN (ANALYZE, BUFFERS)"
  for s in list_open list_all; do
    from_line=$(statement_log on)
    code=$(curl -s -o "$work/$s.json" -w '%{http_code}' -H "${hdr[$s]}" "${url[$s]}")
    statement_log off
    [ "$code" = "200" ] || { echo "$s answered $code: $(head -c 500 "$work/$s.json")" >&2; exit 1; }
    python3 - "$work/$s.json" "$s" "$open" "$total" <<'PY'
import json, sys
d, s, open_, total = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
assert len(d["items"]) == 50, f"{s}: 50 items expected, got {len(d['items'])}"
assert d["totalCount"] == (open_ if s == "list_open" else total), f"{s}: totalCount {d['totalCount']}"
assert all(i["status"] not in ("Resolved", "Closed") for i in d["items"]), f"{s}: the first page must be open complaints"
print(f"  {s}: {len(d['items'])} items of {d['totalCount']}; first: {d['items'][0]['reference']} {d['items'][0]['status']} due {d['items'][0]['dueAt']} {d['items'][0]['slaState']}")
PY
    echo "  -- $s: the count"
    explain_captured "$from_line" '^SELECT count\(.*FROM complaints' | sed 's/^/    /' || echo "    (not captured)"
    echo "  -- $s: the page"
    explain_captured "$from_line" '^SELECT .*FROM complaints AS c.*LIMIT' | sed 's/^/    /' || echo "    (not captured)"
  done
  code=$(curl -s -o "$work/baseline.json" -w '%{http_code}' -H "${hdr[baseline]}" "${url[baseline]}")
  [ "$code" = "200" ] || { echo "baseline answered $code" >&2; exit 1; }
  code=$(curl -s -o "$work/raw_queue.json" -w '%{http_code}' -H "${hdr[raw_queue]}" "${url[raw_queue]}")
  [ "$code" = "200" ] || { echo "raw queue answered $code" >&2; exit 1; }
  # The hand-written page must be the queue's page: same complaints in the same order, same count and SLA fields.
  python3 - "$work/list_open.json" "$work/raw_queue.json" <<'PY'
import json, sys
from datetime import datetime
app, raw = (json.load(open(p)) for p in sys.argv[1:3])
def norm(v):
    if isinstance(v, dict): return {k: norm(x) for k, x in v.items()}
    if isinstance(v, str) and len(v) >= 20 and v[4] == "-" and v[10] == "T":
        return datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp()
    return v
assert app["totalCount"] == raw["totalCount"], f"totalCount {app['totalCount']} vs {raw['totalCount']}"
assert [norm(i) for i in app["items"]] == [norm(i) for i in raw["items"]], "the hand-written page differs from the queue's"
print(f"  raw_queue: the same {len(raw['items'])} items of {raw['totalCount']} as the queue's first open page")
PY

  echo "== Warm-up (3 s per slice)"
  wrk_warmup 3 "$conns" 30s "${slices[@]}"

  echo "== $reps repetitions × ${#slices[@]} slices of ${duration}s, $conns connections (2 threads), rotated order"
  local results="$work/results.tsv"
  : > "$results"
  wrk_slices "$results" "$reps" "$duration" "$conns" 30s "${slices[@]}"
  fact connections "$conns"; fact repetitions "$reps"; fact sliceSeconds "$duration"

  python3 - "$results" "$facts" "$work/due-plan.txt" <<'PY'
import json, statistics, sys
from collections import defaultdict
results, facts_path, plan_path = sys.argv[1:]
facts = dict(line.rstrip("\n").split("\t", 1) for line in open(facts_path) if "\t" in line)
from stats import read_slices
runs = read_slices(results)
med = lambda xs: round(statistics.median(xs), 3)
def slice_stats(s):
    return {"p50Ms": med([runs[r][s]["p50"] for r in runs]), "p99Ms": med([runs[r][s]["p99"] for r in runs]),
            "rps": med([runs[r][s]["rps"] for r in runs]), "requests": sum(runs[r][s]["requests"] for r in runs),
            "timeouts": sum(runs[r][s]["timeouts"] for r in runs)}
def ratio(s, key, base="baseline"):  # median over repetitions of slice ÷ base, measured side by side; 4 significant digits
    return float(f"{statistics.median([runs[r][s][key] / runs[r][base][key] for r in runs]):.4g}")
num = lambda k, t=float: t(facts[k])
checks = lambda k: [int(x) for x in facts[k].split()]
scan = {"at": facts["at"], "due": num("due", int), "dueForAutoClose": num("dueForAutoClose", int),
        "steps": num("steps", int), "escalationSteps": num("escalationSteps", int), "complaintsEscalated": num("complaintsEscalated", int),
        "autoClosed": num("autoClosed", int), "notifications": num("notifications", int),
        "wallSeconds": round(num("wallSeconds"), 3), "serverSeconds": round(num("serverSeconds"), 3),
        "warmupWallSeconds": round(num("warmupWallSeconds"), 3),
        "secondRunSteps": num("secondRunSteps", int), "secondRunSeconds": round(num("secondRunServerSeconds"), 3),
        "secondRunWallSeconds": round(num("secondRunWallSeconds"), 3)}
out = {"benchmark": "complaints", "complaints": num("complaints", int), "open": num("open", int), "timelineRows": num("timelineRows", int),
       "escalationScan": scan,
       "dueQueryUsesIndex": facts["dueQueryUsesIndex"] == "true", "dueQueryMs": float(facts["dueQueryMs"]) if facts.get("dueQueryMs") else None,
       "connections": num("connections", int), "threads": 2, "repetitions": num("repetitions", int), "sliceSeconds": num("sliceSeconds", int),
       "list": slice_stats("list_open"), "listUnfiltered": slice_stats("list_all"), "rawQueue": slice_stats("raw_queue"), "baseline": slice_stats("baseline"),
       "queueVsRawSql": ratio("list_open", "rps", "raw_queue"), "queueVsRawSqlP50": ratio("raw_queue", "p50", "list_open"),
       "ratios": {"listP50": ratio("list_open", "p50"), "listP99": ratio("list_open", "p99"), "listRps": ratio("list_open", "rps"),
                  "listUnfilteredP50": ratio("list_all", "p50"), "listUnfilteredP99": ratio("list_all", "p99"), "listUnfilteredRps": ratio("list_all", "rps")},
       "consistent": {"seed": sum(checks("checkSeed")) == 0, "afterScan": sum(checks("checkAfterScan")) == 0},
       "seedSeconds": num("seedSeconds", int), "cpus": num("cpus", int), "loadAvgAtStart": facts["loadAvg"]}
ok = (out["consistent"]["seed"] and out["consistent"]["afterScan"] and scan["secondRunSteps"] == 0
      and scan["steps"] == scan["escalationSteps"] + scan["autoClosed"] and scan["autoClosed"] == scan["dueForAutoClose"]
      and scan["complaintsEscalated"] == scan["due"])

print(f"\n== Per repetition (slice ÷ baseline: p50, p99, req/s)")
for r in sorted(runs):
    x = runs[r]
    print(f"  rep {r}: open list {x['list_open']['p50'] / x['baseline']['p50']:.1f}× {x['list_open']['p99'] / x['baseline']['p99']:.1f}× {x['list_open']['rps'] / x['baseline']['rps']:.4f}   "
          f"unfiltered {x['list_all']['p50'] / x['baseline']['p50']:.1f}× {x['list_all']['p99'] / x['baseline']['p99']:.1f}× {x['list_all']['rps'] / x['baseline']['rps']:.4f}")
print(f"\n== Summary ({out['complaints']:,} complaints, {out['open']:,} open; {out['timelineRows']:,} timeline rows; {out['cpus']} CPUs, load at start {out['loadAvgAtStart']})")
print(f"  escalation scan at {scan['at']}: {scan['due']} complaints due + {scan['dueForAutoClose']} resolved > 7 days ago")
print(f"    {scan['steps']} steps ({scan['escalationSteps']} escalation steps on {scan['complaintsEscalated']} complaints, {scan['autoClosed']} automatic closes, "
      f"{scan['notifications']} notifications) in {scan['wallSeconds']:.3f} s wall ({scan['serverSeconds']:.3f} s in the server)")
print(f"    second scan at the same instant: {scan['secondRunSteps']} steps in {scan['secondRunSeconds']:.3f} s ({scan['secondRunWallSeconds']:.3f} s wall)"
      f"; warm-up scan (nothing due) {scan['warmupWallSeconds']:.3f} s wall")
print(f"    due query: {'uses ix_complaints_due_escalation' if out['dueQueryUsesIndex'] else 'does NOT use ix_complaints_due_escalation'}, {out['dueQueryMs']} ms (EXPLAIN ANALYZE)")
print(f"  under {out['connections']} connections, median of {out['repetitions']} × {out['sliceSeconds']} s slices:")
for name, key in (("GET /api/v1/complaints?openOnly=true&pageSize=50", "list"), ("GET /api/v1/complaints?pageSize=50", "listUnfiltered"),
                  ("GET /bench/raw/complaints (the open page in SQL)", "rawQueue"), ("GET /bench/raw/accounts/{id} (baseline)", "baseline")):
    x = out[key]
    print(f"    {name:<50} p50 {x['p50Ms']:9.2f} ms  p99 {x['p99Ms']:9.2f} ms  {x['rps']:9.1f} req/s  ({x['requests']} requests, {x['timeouts']} timeouts)")
rt = out["ratios"]
print(f"  ratios to the baseline: open list p50 {rt['listP50']:.1f}×, p99 {rt['listP99']:.1f}×, throughput {rt['listRps']:.4f}; "
      f"unfiltered p50 {rt['listUnfilteredP50']:.1f}×, p99 {rt['listUnfilteredP99']:.1f}×, throughput {rt['listUnfilteredRps']:.4f}")
print(f"  queue vs the same page in hand-written SQL: throughput {out['queueVsRawSql']:.3f} (goal ≥ 0.60), p50 {out['queueVsRawSqlP50']:.3f}; "
      f"catch-up scan {'under' if scan['wallSeconds'] < 2 else 'OVER'} 2 s, due query {'under' if (out['dueQueryMs'] or 99) < 50 else 'OVER'} 50 ms")
print(f"  consistency (SLA fields recomputed in SQL): seed {'OK' if out['consistent']['seed'] else 'FAILED ' + facts['checkSeed']}, "
      f"after the scan {'OK' if out['consistent']['afterScan'] else 'FAILED ' + facts['checkAfterScan']}; scan bookkeeping {'OK' if ok else 'FAILED'}")
print(json.dumps(out))
sys.exit(0 if ok else 1)
PY
}
