#!/usr/bin/env bash
# deploy/bench.sh atrisk (sourced after deploy/bench/lib.sh).
#   atrisk   — the at-risk list (GET /api/v1/dashboard/at-risk, director's token: every account in scope) over
#              100,000 accounts (seed-accounts.sql, plus interactions from seed-health-inputs.sql so that the health
#              spreads over the bands). The list reads the stored health (account_health, written by the health
#              job's command, RecomputeHealthCommand): it is recomputed once through the application first
#              (POST /bench/recompute-health), timed. Then the list's first page (50 rows) vs the same page in
#              hand-written SQL on the same table (GET /bench/raw/at-risk: same joins, filter, order and total, raw
#              Npgsql; checked to return the same page), with wrk (2 threads, interleaved slices, rotated order,
#              warm-up first): p50/p99 and req/s, and atRiskVsRawSql = the list's throughput ÷ the hand-written page's
#              (median of per-repetition ratios).
#              Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 5), BENCH_CONNECTIONS (default 16).
bench_atrisk() {
  local duration=${BENCH_DURATION:-8} reps=${BENCH_REPS:-5} conns=${BENCH_CONNECTIONS:-16}
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_wrk
  start_database
  start_api

  echo "== Seeding 100,000 accounts (seed-accounts.sql) and their interactions (seed-health-inputs.sql)"
  local t0=$SECONDS
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -f deploy/bench/seed-health-inputs.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local accounts active interactions seed_secs=$((SECONDS - t0))
  accounts=$(psql_ka -c "SELECT count(*) FROM accounts")
  active=$(psql_ka -c "SELECT count(*) FROM accounts WHERE status = 'Active'")
  interactions=$(psql_ka -c "SELECT count(*) FROM interactions")
  echo "accounts: $accounts ($active Active), interactions: $interactions ($seed_secs s with VACUUM ANALYZE)"

  echo "== Health recompute through the application (POST /bench/recompute-health: RecomputeHealthCommand, as the job sends it)"
  local out code stored recompute_secs recompute_wall
  out=$(curl -sS -o "$work/recompute.json" -w '%{http_code} %{time_total}' -X POST "$base/bench/recompute-health")
  code=${out%% *}
  if [ "$code" != "200" ]; then echo "POST /bench/recompute-health answered $code: $(head -c 500 "$work/recompute.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; fi
  read -r stored recompute_secs <<<"$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["accounts"], d["seconds"])' "$work/recompute.json")"
  recompute_wall=${out#* }
  psql_ka -c "VACUUM ANALYZE account_health" >/dev/null
  local bands
  bands=$(psql_ka -F '=' -c "SELECT band, count(*) FROM account_health GROUP BY band ORDER BY band" | paste -sd' ')
  printf '  %s accounts assessed and stored in %.3f s (server), %.3f s wall; bands: %s\n' "$stored" "$recompute_secs" "$recompute_wall" "$bands"
  if [ "$stored" != "$active" ]; then echo "the recompute stored $stored rows for $active Active accounts" >&2; exit 1; fi

  login_director
  declare -A url hdr
  url[app]="$base/api/v1/dashboard/at-risk?pageSize=50"; hdr[app]="$auth"
  url[raw]="$base/bench/raw/at-risk?pageSize=50";        hdr[raw]="X-Bench: raw"
  local slices=(app raw) s

  echo "== The list's statement as the application issues it (one request, from the server log), EXPLAIN (ANALYZE, BUFFERS)"
  local from_line
  from_line=$(statement_log on)
  code=$(curl -s -o "$work/app.json" -w '%{http_code}' -H "${hdr[app]}" "${url[app]}")
  statement_log off
  [ "$code" = "200" ] || { echo "at-risk answered $code: $(head -c 500 "$work/app.json")" >&2; exit 1; }
  explain_captured "$from_line" 'FROM account_health h' | sed 's/^/  /' | tee "$work/plan.txt" || echo "  (not captured)"
  code=$(curl -s -o "$work/raw.json" -w '%{http_code}' -H "${hdr[raw]}" "${url[raw]}")
  [ "$code" = "200" ] || { echo "raw at-risk answered $code: $(head -c 500 "$work/raw.json")" >&2; exit 1; }
  # The hand-written page must be the application's page: same accounts in the same order, same scores and total.
  python3 - "$work/app.json" "$work/raw.json" <<'PY'
import json, sys
app, raw = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda i: (i["accountId"], i["score"], i["band"], i["tier"], len(i["warnings"]))
assert len(app["items"]) == 50, f"the list's first page must hold 50 rows, got {len(app['items'])}"
assert app["totalCount"] == raw["totalCount"], f"totalCount {app['totalCount']} vs {raw['totalCount']}"
assert [key(i) for i in app["items"]] == [key(i) for i in raw["items"]], "the hand-written page differs from the list's"
print(f"  the same {len(raw['items'])} rows of {raw['totalCount']} at risk; first: {app['items'][0]['name']} {app['items'][0]['band']} {app['items'][0]['score']}")
PY
  local total
  total=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["totalCount"])' "$work/app.json")

  echo "== Warm-up (3 s per slice)"
  wrk_warmup 3 "$conns" 30s "${slices[@]}"

  echo "== $reps repetitions × ${#slices[@]} slices of ${duration}s, $conns connections (2 threads), rotated order"
  local results="$work/results.tsv"
  : > "$results"
  wrk_slices "$results" "$reps" "$duration" "$conns" 30s "${slices[@]}"

  python3 - "$results" "$accounts" "$active" "$total" "$stored" "$recompute_secs" "$recompute_wall" "$bands" "$conns" "$reps" "$duration" "$(nproc)" "$work/plan.txt" <<'PY'
import json, statistics, sys
from stats import read_slices
results, accounts, active, total, stored, rsecs, rwall, bands, conns, reps, duration, cpus, plan_path = sys.argv[1:]
runs = read_slices(results)
med = lambda xs: round(statistics.median(xs), 3)
def slice_stats(s):
    return {"p50Ms": med([runs[r][s]["p50"] for r in runs]), "p99Ms": med([runs[r][s]["p99"] for r in runs]),
            "rps": med([runs[r][s]["rps"] for r in runs]), "requests": sum(runs[r][s]["requests"] for r in runs),
            "timeouts": sum(runs[r][s]["timeouts"] for r in runs)}
def ratio(a, b, key):
    return float(f"{statistics.median([runs[r][a][key] / runs[r][b][key] for r in runs]):.4g}")
plan = open(plan_path).read() if plan_path else ""
out = {"benchmark": "atrisk", "accounts": int(accounts), "activeAccounts": int(active), "atRisk": int(total),
       "bands": {k: int(v) for k, v in (b.split("=") for b in bands.split())},
       "recompute": {"accounts": int(stored), "serverSeconds": round(float(rsecs), 3), "wallSeconds": round(float(rwall), 3)},
       "connections": int(conns), "threads": 2, "repetitions": int(reps), "sliceSeconds": int(duration), "cpus": int(cpus),
       "list": slice_stats("app"), "rawSql": slice_stats("raw"),
       "atRiskVsRawSql": ratio("app", "raw", "rps"), "p50Ratio": ratio("app", "raw", "p50"), "p99Ratio": ratio("app", "raw", "p99"),
       "readsStoredHealth": "account_health" in plan}
print("\n== Per repetition (list ÷ hand-written SQL: req/s, p50, p99)")
for r in sorted(runs):
    x = runs[r]
    print(f"  rep {r}: {x['app']['rps'] / x['raw']['rps']:.3f}  {x['app']['p50'] / x['raw']['p50']:.2f}×  {x['app']['p99'] / x['raw']['p99']:.2f}×")
print(f"\n== Summary ({out['accounts']:,} accounts, {out['activeAccounts']:,} Active, {out['atRisk']:,} at risk; bands {out['bands']})")
print(f"  health recompute: {out['recompute']['accounts']:,} accounts in {out['recompute']['serverSeconds']:.3f} s (server), {out['recompute']['wallSeconds']:.3f} s wall")
for name, key in (("GET /api/v1/dashboard/at-risk?pageSize=50", "list"), ("GET /bench/raw/at-risk (the page in SQL)", "rawSql")):
    x = out[key]
    print(f"  {name:<45} p50 {x['p50Ms']:9.2f} ms  p99 {x['p99Ms']:9.2f} ms  {x['rps']:9.1f} req/s  ({x['requests']} requests, {x['timeouts']} timeouts)")
print(f"  list vs hand-written SQL: throughput {out['atRiskVsRawSql']:.3f}, p50 {out['p50Ratio']:.2f}×, p99 {out['p99Ratio']:.2f}×")
print(json.dumps(out))
PY
}
