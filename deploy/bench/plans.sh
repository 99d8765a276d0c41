#!/usr/bin/env bash
# deploy/bench.sh plans (sourced after deploy/bench/lib.sh).
#   plans    — 20,000 development plans with 5 objectives and 10 initiatives each (deploy/bench/seed-plans.sql, a
#              realistic mix of statuses, owners, due dates and metric sources) on the 100,000 accounts of
#              seed-accounts.sql, the published programme requiring a plan of Strategic and Key accounts. Under wrk
#              (director's token; 2 threads, interleaved slices, rotated order, warm-up first):
#                list_owner  GET /api/v1/development-plans?status=Active&ownerId=<a manager>&pageSize=50
#                list_overdue GET /api/v1/development-plans?overdue=true&pageSize=50
#                needing     GET /api/v1/development-plans/accounts-needing-plan?pageSize=50
#              next to the same pages written by hand in SQL in the same process and pool (GET /bench/raw/…, checked
#              to return the same page first): p50/p99, req/s and the ratio app ÷ raw of each (median over
#              repetitions; goal ≥ 0.60). Each application statement is captured from the server log and shown
#              under EXPLAIN (ANALYZE, BUFFERS). Then the metric refresh of every measure through the application
#              (POST /bench/plan-metric-refresh: the command the refresh job sends), wall and server time (goal < 10 s),
#              and a second run (nothing changed).
#              Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 3), BENCH_CONNECTIONS (default 16).
bench_plans() {
  local duration=${BENCH_DURATION:-8} reps=${BENCH_REPS:-3} conns=${BENCH_CONNECTIONS:-16}
  local facts="$work/facts"
  : > "$facts"
  fact() { printf '%s\t%s\n' "$1" "$2" >> "$facts"; }
  fact cpus "$(nproc)"
  fact loadAvg "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_wrk
  start_database
  start_api

  echo "== Seeding 100,000 accounts (seed-accounts.sql) and 20,000 plans (seed-plans.sql)"
  local t0=$SECONDS demo_plans
  # The demo data of the host's start (SeedDemo) has a few plans of its own, on its own accounts: counted apart.
  demo_plans=$(psql_ka -c "SELECT count(*) FROM development_plans")
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -f deploy/bench/seed-plans.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local plans objectives initiatives metric
  plans=$(psql_ka -c "SELECT count(*) FROM development_plans p JOIN accounts a ON a.id = p.account_id WHERE a.registration_number LIKE 'BENCH%'")
  objectives=$(psql_ka -c "SELECT count(*) FROM plan_objectives o JOIN development_plans p ON p.id = o.plan_id JOIN accounts a ON a.id = p.account_id WHERE a.registration_number LIKE 'BENCH%'")
  initiatives=$(psql_ka -c "SELECT count(*) FROM plan_initiatives i JOIN development_plans p ON p.id = i.plan_id JOIN accounts a ON a.id = p.account_id WHERE a.registration_number LIKE 'BENCH%'")
  metric=$(psql_ka -c "SELECT count(*) FROM plan_objectives WHERE measure_source <> 'Manual'")
  fact plans "$plans"; fact objectives "$objectives"; fact initiatives "$initiatives"; fact metricMeasures "$metric"
  fact seedSeconds $((SECONDS - t0)); fact demoPlans "$demo_plans"
  echo "plans: $plans (and $demo_plans of the demo data), objectives: $objectives ($metric metric-sourced), initiatives: $initiatives ($((SECONDS - t0)) s with VACUUM ANALYZE); by status:"
  psql_ka -F ' ' -c "SELECT '  ' || status, count(*), count(*) FILTER (WHERE earliest_open_due_date < current_date) || ' with overdue initiatives', count(*) FILTER (WHERE next_review_due <= current_date) || ' review due' FROM development_plans GROUP BY status ORDER BY 2 DESC"
  if [ "$plans" != 20000 ] || [ "$objectives" != 100000 ] || [ "$initiatives" != 200000 ]; then
    echo "the seed must give 20,000 plans, 100,000 objectives and 200,000 initiatives" >&2; exit 1
  fi

  login_director
  local manager
  manager=$(psql_ka -c "SELECT id FROM users WHERE email = 'accountmanager@demo.keyaccount.local'")
  declare -A url hdr
  url[list_owner]="$base/api/v1/development-plans?status=Active&ownerId=$manager&pageSize=50";   hdr[list_owner]="$auth"
  url[raw_owner]="$base/bench/raw/development-plans?status=Active&ownerId=$manager&pageSize=50"; hdr[raw_owner]="X-Bench: raw"
  url[list_overdue]="$base/api/v1/development-plans?overdue=true&pageSize=50";                  hdr[list_overdue]="$auth"
  url[raw_overdue]="$base/bench/raw/development-plans?overdue=true&pageSize=50";                hdr[raw_overdue]="X-Bench: raw"
  url[needing]="$base/api/v1/development-plans/accounts-needing-plan?pageSize=50";             hdr[needing]="$auth"
  url[raw_needing]="$base/bench/raw/accounts-needing-plan?pageSize=50";                         hdr[raw_needing]="X-Bench: raw"
  local slices=(list_owner raw_owner list_overdue raw_overdue needing raw_needing) s code from_line

  echo "== The application's statements (one request each, from the server log), EXPLAIN (ANALYZE, BUFFERS)"
  for s in list_owner list_overdue needing; do
    from_line=$(statement_log on)
    code=$(curl -s -o "$work/$s.json" -w '%{http_code}' -H "${hdr[$s]}" "${url[$s]}")
    statement_log off
    [ "$code" = "200" ] || { echo "$s answered $code: $(head -c 500 "$work/$s.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
    if [ "$s" = needing ]; then
      # One statement: the page of accounts needing a plan carries its total (a CTE), no separate count.
      echo "  -- $s: the page with its total"
      explain_captured "$from_line" '^WITH plan_required.*LIMIT' | sed 's/^/    /' | tee "$work/$s-page-plan.txt" || echo "    (not captured)"
      continue
    fi
    echo "  -- $s: the count"
    explain_captured "$from_line" '^SELECT count\(' | sed 's/^/    /' | tee "$work/$s-count-plan.txt" || echo "    (not captured)"
    echo "  -- $s: the page"
    explain_captured "$from_line" '^SELECT .*LIMIT' | sed 's/^/    /' | tee "$work/$s-page-plan.txt" || echo "    (not captured)"
  done
  for s in raw_owner raw_overdue raw_needing; do
    code=$(curl -s -o "$work/$s.json" -w '%{http_code}' -H "${hdr[$s]}" "${url[$s]}")
    [ "$code" = "200" ] || { echo "$s answered $code: $(head -c 500 "$work/$s.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
  done
  # Each hand-written page must be the application's: the same rows in the same order, the same count.
  python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for app, raw, key in (("list_owner", "raw_owner", "id"), ("list_overdue", "raw_overdue", "id"), ("needing", "raw_needing", "accountId")):
    a, r = (json.load(open(f"{work}/{n}.json")) for n in (app, raw))
    assert a["totalCount"] == r["totalCount"], f"{app}: totalCount {a['totalCount']} vs the hand-written {r['totalCount']}"
    assert len(a["items"]) == 50, f"{app}: 50 items expected, got {len(a['items'])}"
    ids = lambda d: [i[key] for i in d["items"]]
    assert ids(a) == ids(r), f"{app}: the hand-written page differs from the application's"
    print(f"  {raw}: the same {len(r['items'])} rows of {r['totalCount']} as {app}")
PY
  local owner_total overdue_total needing_total
  owner_total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalCount"])' "$work/list_owner.json")
  overdue_total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalCount"])' "$work/list_overdue.json")
  needing_total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalCount"])' "$work/needing.json")
  fact ownerActiveTotal "$owner_total"; fact overdueTotal "$overdue_total"; fact needingTotal "$needing_total"

  echo "== Warm-up (3 s per slice)"
  wrk_warmup 3 "$conns" 30s "${slices[@]}"

  echo "== $reps repetitions × ${#slices[@]} slices of ${duration}s, $conns connections (2 threads), rotated order"
  local results="$work/results.tsv"
  : > "$results"
  wrk_slices "$results" "$reps" "$duration" "$conns" 30s "${slices[@]}"
  fact connections "$conns"; fact repetitions "$reps"; fact sliceSeconds "$duration"
  fact loadAvgAfterWrk "$(cut -d' ' -f1-3 /proc/loadavg)"

  echo "== Metric refresh of every measure through the application (POST /bench/plan-metric-refresh)"
  local out
  for s in first second; do
    out=$(curl -sS -o "$work/refresh-$s.json" -w '%{http_code} %{time_total}' -X POST "$base/bench/plan-metric-refresh")
    [ "${out%% *}" = "200" ] || { echo "POST /bench/plan-metric-refresh answered ${out%% *}: $(head -c 500 "$work/refresh-$s.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
    fact "refresh_${s}_wall" "${out#* }"
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(f"  {sys.argv[2]} run: {d}, wall {float(sys.argv[3]):.3f} s")' "$work/refresh-$s.json" "$s" "${out#* }"
  done
  local refreshed
  refreshed=$(psql_ka -c "SELECT count(*) FROM plan_objectives WHERE measure_source <> 'Manual' AND actual_at >= now() - interval '10 minutes'")
  fact refreshedMeasures "$refreshed"
  echo "  metric-sourced measures with a fresh actual: $refreshed of $metric"

  python3 - "$results" "$facts" "$work" <<'PY'
import json, statistics, sys
results, facts_path, work = sys.argv[1:]
facts = dict(line.rstrip("\n").split("\t", 1) for line in open(facts_path) if "\t" in line)
from stats import read_slices
runs = read_slices(results)
med = lambda xs: round(statistics.median(xs), 3)
def slice_stats(s):
    return {"p50Ms": med([runs[r][s]["p50"] for r in runs]), "p99Ms": med([runs[r][s]["p99"] for r in runs]),
            "rps": med([runs[r][s]["rps"] for r in runs]), "requests": sum(runs[r][s]["requests"] for r in runs),
            "timeouts": sum(runs[r][s]["timeouts"] for r in runs)}
def ratio(s, base, key="rps"):  # median over repetitions of slice ÷ base, measured side by side; 4 significant digits
    return float(f"{statistics.median([runs[r][s][key] / runs[r][base][key] for r in runs]):.4g}")
refresh = {s: json.load(open(f"{work}/refresh-{s}.json")) for s in ("first", "second")}
def secs(s):
    d = refresh[s]
    return round(float(d.get("seconds", facts[f"refresh_{s}_wall"])), 3)
pairs = (("list_owner", "raw_owner"), ("list_overdue", "raw_overdue"), ("needing", "raw_needing"))
out = {"benchmark": "plans", "plans": int(facts["plans"]), "objectives": int(facts["objectives"]), "initiatives": int(facts["initiatives"]),
       "metricMeasures": int(facts["metricMeasures"]),
       "totals": {"activeOfOwner": int(facts["ownerActiveTotal"]), "overdue": int(facts["overdueTotal"]), "accountsNeedingPlan": int(facts["needingTotal"])},
       "connections": int(facts["connections"]), "threads": 2, "repetitions": int(facts["repetitions"]), "sliceSeconds": int(facts["sliceSeconds"]),
       **{s: slice_stats(s) for pair in pairs for s in pair},
       "ratios": {app: {"rps": ratio(app, raw), "p50": ratio(raw, app, "p50"), "p99": ratio(raw, app, "p99")} for app, raw in pairs},
       "metricRefresh": {"first": refresh["first"], "firstWallSeconds": round(float(facts["refresh_first_wall"]), 3), "firstSeconds": secs("first"),
                         "second": refresh["second"], "secondWallSeconds": round(float(facts["refresh_second_wall"]), 3),
                         "freshActuals": int(facts["refreshedMeasures"])},
       "seedSeconds": int(facts["seedSeconds"]), "cpus": int(facts["cpus"]), "loadAvgAtStart": facts["loadAvg"], "loadAvgAfterWrk": facts["loadAvgAfterWrk"]}
out["goals"] = {"ratioAtLeast": 0.60, "refreshUnderSeconds": 10,
                "met": all(v["rps"] >= 0.60 for v in out["ratios"].values()) and out["metricRefresh"]["firstWallSeconds"] < 10}
print(f"\n== Per repetition (application ÷ hand-written SQL, req/s)")
for r in sorted(runs):
    x = runs[r]
    print("  rep %d: " % r + "   ".join(f"{a} {x[a]['rps'] / x[b]['rps']:.3f}" for a, b in pairs))
print(f"\n== Summary ({out['plans']:,} plans, {out['objectives']:,} objectives, {out['initiatives']:,} initiatives; {out['cpus']} CPUs, load at start {out['loadAvgAtStart']}, after wrk {out['loadAvgAfterWrk']})")
print(f"  under {out['connections']} connections, median of {out['repetitions']} × {out['sliceSeconds']} s slices:")
for s in (s for pair in pairs for s in pair):
    x = out[s]
    print(f"    {s:<13} p50 {x['p50Ms']:8.2f} ms  p99 {x['p99Ms']:8.2f} ms  {x['rps']:9.1f} req/s  ({x['requests']} requests, {x['timeouts']} timeouts)")
for app, raw in pairs:
    r = out["ratios"][app]
    print(f"  {app} vs {raw}: throughput {r['rps']:.3f} (goal ≥ 0.60), p50 {r['p50']:.3f}, p99 {r['p99']:.3f}")
m = out["metricRefresh"]
print(f"  metric refresh: {m['first']} in {m['firstWallSeconds']:.3f} s wall (goal < 10 s); second run {m['second']} in {m['secondWallSeconds']:.3f} s")
print(json.dumps(out, ensure_ascii=False))
PY
}
