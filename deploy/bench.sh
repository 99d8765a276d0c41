#!/usr/bin/env bash
# Benchmarks on a fresh local database; each prints, last, one JSON line with its figures and the baseline
# measured in the same run. Usage: deploy/bench.sh api|tiering|complaints
#   api      — GET /api/v1/accounts/{id} and the accounts list through the full stack (auth, mediator pipeline,
#              validation, pooled DbContext, projection) vs raw-Npgsql endpoints in the same process and pool,
#              over 100,000 accounts, with wrk (interleaved slices, rotated order, warm-up first).
#              Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 5), BENCH_CONNECTIONS (default 32).
#              Every benchmark honours BENCH_KEEP_LOG=<file> (a copy of the API's log of the run).
#   tiering  — a tiering run (POST /api/v1/tiering/runs, the published default policy v1) over 100,000 Active
#              accounts with 24 months of revenue each (2.4M revenue rows), wall time measured by the client — the
#              application's SQL gathers the facts and percentile ranks, the domain scores and decides in memory, the
#              history and the moves are written back in bulk — vs
#              one hand-written SQL statement doing the same work (deploy/bench/tiering-baseline.sql: aggregation,
#              percentile normalisation, weighted score, cut-offs with hysteresis and overrides, history rows into a
#              table shaped like tier_assignments, accounts.tier), timed inside BEGIN … ROLLBACK with jit off and
#              work_mem 128MB for its transaction (the API keeps the server defaults). One warm-up run (the Initial
#              run for every account), then BENCH_REPS rounds (default 3) alternating which goes first, each step
#              from the same settled state (VACUUM ANALYZE, CHECKPOINT; untimed); medians reported. Then two
#              agreement checks, exit 1 on any difference: the baseline committed once vs the last run (per-tier
#              counts and per account), and both after a change to the data (revenue, fit, overrides; exercises
#              promotion, demotion, hysteresis and overrides): the domain's decisions against the hand-written SQL's.
#              The baseline's history table has no foreign keys, tier_assignments has two (run, account): the
#              application pays their per-row checks. Targets: app ≤ 1.5 × baseline and ≤ 10 s.
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
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

name=${1:-}
case "$name" in
  api|tiering|complaints) ;;
  *) echo "usage: deploy/bench.sh api|tiering|complaints" >&2; exit 2 ;;
esac

work=$(mktemp -d /tmp/keyaccount-bench.XXXXXX)
chmod 755 "$work"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  # BENCH_KEEP_LOG=<file> keeps the API's log of the run.
  if [ -n "${BENCH_KEEP_LOG:-}" ] && [ -f "$work/api.log" ]; then cp "$work/api.log" "$BENCH_KEEP_LOG"; fi
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

psql_ka() { psql -h 127.0.0.1 -p "$port" -U keyaccount -d keyaccount -v ON_ERROR_STOP=1 -Atq "$@"; }

# A fresh cluster of our own; sets port and PGPASSWORD for psql_ka.
start_database() {
  echo "== Fresh PostgreSQL cluster (fsync=off, synchronous_commit=off: a benchmark, not a durability test)"
  pg_start_cluster "$work/postgres" "$(pg_free_port)"
  password=$(cat "$work/postgres/pg-password")
  port=$(echo "$PG_CONNECTION" | sed 's/.*Port=\([0-9]*\).*/\1/')
  export PGPASSWORD="$password"
  psql_ka -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >/dev/null
}

# The bench host (bench/KeyAccount.Bench.Host: the API as in production plus the /bench endpoints) in Release on
# loopback, migrating the database (and publishing the default tier policy v1) and seeding the demo users on start;
# sets base.
start_api() {
  echo "== Build (Release)"
  dotnet build bench/KeyAccount.Bench.Host -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
  api_port=$(pg_free_port)
  ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  ConnectionStrings__KeyAccount="$PG_CONNECTION" Auth__SigningKey="benchmark-signing-key-0123456789-abcdefghijklmnop" \
  KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword='Bench!2026' \
  Jobs__Enabled=false RateLimits__RequestsPerMinutePerUser=1000000000 RateLimits__AnonymousRequestsPerMinutePerAddress=1000000000 Logging__LogLevel__Default=Warning \
    dotnet bench/KeyAccount.Bench.Host/bin/Release/net10.0/KeyAccount.Bench.Host.dll > "$work/api.log" 2>&1 &
  api_pid=$!
  base="http://127.0.0.1:$api_port"
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break; sleep 1; done
  curl -fsS -o /dev/null "$base/health/ready" || { tail -n 30 "$work/api.log"; exit 1; }
}

# Sets auth, the director's bearer header.
login_director() {
  token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"director@demo.keyaccount.local","password":"Bench!2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
  auth="Authorization: Bearer $token"
}

ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk…"
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; })
  fi
}

bench_api() {
  duration=${BENCH_DURATION:-8}
  reps=${BENCH_REPS:-5}
  conns=${BENCH_CONNECTIONS:-32}

  ensure_wrk
  start_database
  start_api

  echo "== Seeding 100,000 accounts (generate_series)"
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  accounts=$(psql_ka -c "SELECT count(*) FROM accounts")
  id=$(psql_ka -c "SELECT id FROM accounts WHERE registration_number = 'BENCH000050000'")
  echo "accounts: $accounts; single-row id: $id"

  login_director

  declare -A url hdr
  url[single_full]="$base/api/v1/accounts/$id";                          hdr[single_full]="$auth"
  url[single_raw]="$base/bench/raw/accounts/$id";                        hdr[single_raw]="X-Bench: raw"
  url[list_full]="$base/api/v1/accounts?tier=Key&sort=name&pageSize=50"; hdr[list_full]="$auth"
  url[list_raw]="$base/bench/raw/accounts?tier=Key&pageSize=50";         hdr[list_raw]="X-Bench: raw"
  slices=(single_full single_raw list_full list_raw)

  for s in "${slices[@]}"; do
    code=$(curl -s -o "$work/check.json" -w '%{http_code}' -H "${hdr[$s]}" "${url[$s]}")
    [ "$code" = "200" ] || { echo "$s answered $code: $(head -c 500 "$work/check.json")" >&2; exit 1; }
  done
  python3 - "$work/check.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["items"]) == 50, "the list baseline must return 50 rows"
PY
  full_items=$(curl -s -H "$auth" "${url[list_full]}" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(len(d["items"]), d["totalCount"])')
  echo "full-stack list: items/totalCount = $full_items"

  echo "== Warm-up"
  for s in "${slices[@]}"; do wrk -t2 -c"$conns" -d3s -H "${hdr[$s]}" "${url[$s]}" >/dev/null; done

  echo "== $reps repetitions × 4 slices of ${duration}s, $conns connections, rotated order"
  results="$work/results.tsv"
  : > "$results"
  for rep in $(seq 0 $((reps - 1))); do
    for k in 0 1 2 3; do
      s=${slices[$(( (k + rep) % 4 ))]}
      out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -H "${hdr[$s]}" "${url[$s]}")
      if echo "$out" | grep -q "Non-2xx"; then echo "$s: non-2xx responses" >&2; echo "$out" >&2; echo "-- last lines of the API log:" >&2; tail -n 40 "$work/api.log" >&2; exit 1; fi
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      printf '%s\t%s\t%s\t%s\n' "$rep" "$s" "$rps" "$p99" >> "$results"
      printf '  rep %d %-12s %10s req/s  p99 %s\n' "$rep" "$s" "$rps" "$p99"
    done
  done

  python3 - "$results" "$accounts" "$conns" "$reps" "$duration" <<'PY'
import json, statistics, sys
from collections import defaultdict
path, accounts, conns, reps, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if v.endswith(unit) and not (unit == "s" and (v.endswith("ms") or v.endswith("us"))):
            return float(v[: -len(unit)]) * f
    return float(v)
runs = defaultdict(dict)
for line in open(path):
    rep, s, rps, p99 = line.split("\t")
    runs[int(rep)][s] = (float(rps), ms(p99.strip()))
def med(xs): return round(statistics.median(xs), 3)
out = {"benchmark": "api", "accounts": accounts, "connections": conns, "repetitions": reps, "slice_seconds": duration}
print("\n== Per repetition (full ÷ raw)")
for r in sorted(runs):
    x = runs[r]
    print(f"  rep {r}: single {x['single_full'][0] / x['single_raw'][0]:.3f}  list {x['list_full'][0] / x['list_raw'][0]:.3f}  "
          f"p99 single {x['single_full'][1] / x['single_raw'][1]:.3f}  p99 list {x['list_full'][1] / x['list_raw'][1]:.3f}")
targets = {"single_ratio": 0.60, "list_ratio": 0.75, "p99_ratio": 1.5}
for kind in ("single", "list"):
    f = [runs[r][f"{kind}_full"] for r in runs]; w = [runs[r][f"{kind}_raw"] for r in runs]
    out[kind] = {
        "full_rps": med([a[0] for a in f]), "raw_rps": med([a[0] for a in w]),
        "ratio": med([runs[r][f"{kind}_full"][0] / runs[r][f"{kind}_raw"][0] for r in runs]),
        "p99_full_ms": med([a[1] for a in f]), "p99_raw_ms": med([a[1] for a in w]),
        "p99_ratio": med([runs[r][f"{kind}_full"][1] / runs[r][f"{kind}_raw"][1] for r in runs]),
    }
out["targets"] = targets
out["pass"] = (out["single"]["ratio"] >= targets["single_ratio"] and out["list"]["ratio"] >= targets["list_ratio"]
               and out["single"]["p99_ratio"] <= targets["p99_ratio"])
print("\n== Medians of per-repetition ratios")
print(f"  GET /api/v1/accounts/{{id}}: {out['single']['full_rps']:.0f} vs raw {out['single']['raw_rps']:.0f} req/s -> ratio {out['single']['ratio']:.3f} (target >= 0.60); "
      f"p99 {out['single']['p99_full_ms']:.2f} vs {out['single']['p99_raw_ms']:.2f} ms -> {out['single']['p99_ratio']:.3f} (target <= 1.5)")
print(f"  GET /api/v1/accounts (50 rows, tier filter, name sort): {out['list']['full_rps']:.0f} vs raw {out['list']['raw_rps']:.0f} req/s -> ratio {out['list']['ratio']:.3f} (target >= 0.75); "
      f"p99 {out['list']['p99_full_ms']:.2f} vs {out['list']['p99_raw_ms']:.2f} ms")
print(json.dumps(out))
PY
}

# POST /api/v1/tiering/runs; prints "seconds run_id strategic key growth standard changed" (seconds: curl's time_total).
tiering_app_run() {
  local out code
  out=$(curl -sS -o "$work/run.json" -w '%{http_code} %{time_total}' -X POST -H "$auth" "$base/api/v1/tiering/runs")
  code=${out%% *}
  if [ "$code" != "201" ]; then
    echo "POST /api/v1/tiering/runs answered $code: $(head -c 500 "$work/run.json")" >&2; tail -n 30 "$work/api.log" >&2; return 1
  fi
  python3 - "$work/run.json" "${out#* }" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(sys.argv[2], d["id"], d["strategicCount"], d["keyCount"], d["growthCount"], d["standardCount"], d["changedCount"])
PY
}

# The baseline statement alone in a transaction ending with $1 (ROLLBACK or COMMIT), psql's \timing around the
# statement only; $2, optional, runs before the end (inside the transaction). Prints "seconds run_id s k g st changed".
# The transaction first sets what a hand-written batch statement of this size would run with (untimed): no JIT (its
# compile time, seconds here, is not the work) and enough work_mem for the aggregation and the sorts to stay in memory.
# The application runs with the server's defaults (jit on, work_mem 4MB) unless it sets its own.
tiering_baseline_settings="SET LOCAL jit = off; SET LOCAL work_mem = '128MB';"
tiering_baseline_run() {
  local out ms row
  out=$(printf '%s\n' 'BEGIN;' "$tiering_baseline_settings" '\timing on' '\i deploy/bench/tiering-baseline.sql' '\timing off' "${2:-}" "$1;" \
    | psql -h 127.0.0.1 -p "$port" -U keyaccount -d keyaccount -v ON_ERROR_STOP=1 -Atq -F ' ')
  ms=$(echo "$out" | awk '/^Time: / {print $2; exit}')
  row=$(echo "$out" | grep -E '^[0-9a-f]{8}-[0-9a-f]{4}-' | head -n 1)
  if [ -z "$ms" ] || [ -z "$row" ]; then echo "the baseline printed no timing or no result: $out" >&2; return 1; fi
  echo "$(python3 -c 'import sys; print(float(sys.argv[1]) / 1000)' "$ms") $row"
}

# Untimed, before every timed step: the same starting point for both (fresh statistics, no vacuum debt left for
# autovacuum to pick up mid-step, no checkpoint due).
tiering_settle() {
  psql_ka -c "VACUUM ANALYZE accounts, tier_assignments, bench_assignments" -c "CHECKPOINT" >/dev/null
}

# tiering_compare APP_RUN_ID BASELINE_ROWS_SQL — the application's history rows of one run against the
# baseline's rows; prints, tab-separated, one line per tier (tier, app count, baseline count) and then one line
# "accounts" with the per-account differences: missing, tier, score, reason/previous tier, breakdown.
tiering_compare() {
  psql_ka -F $'\t' <<SQL
WITH app AS (SELECT * FROM tier_assignments WHERE run_id = '$1'),
     bl AS ($2),
     t (tier, ord) AS (VALUES ('Strategic', 0), ('Key', 1), ('Growth', 2), ('Standard', 3))
SELECT t.tier, (SELECT count(*) FROM app WHERE app.new_tier = t.tier), (SELECT count(*) FROM bl WHERE bl.new_tier = t.tier)
FROM t ORDER BY t.ord;
WITH app AS (SELECT * FROM tier_assignments WHERE run_id = '$1'),
     bl AS ($2)
SELECT 'accounts',
       count(*) FILTER (WHERE app.account_id IS NULL OR bl.account_id IS NULL),
       count(*) FILTER (WHERE app.new_tier IS DISTINCT FROM bl.new_tier),
       count(*) FILTER (WHERE app.score IS DISTINCT FROM bl.score),
       count(*) FILTER (WHERE app.reason IS DISTINCT FROM bl.reason OR app.previous_tier IS DISTINCT FROM bl.previous_tier),
       count(*) FILTER (WHERE (app.n_trailing_revenue, app.n_revenue_growth, app.n_gross_margin, app.n_strategic_fit,
                               app.n_potential_value, app.n_relationship_length, app.n_satisfaction)
                              IS DISTINCT FROM (bl.n_trailing_revenue, bl.n_revenue_growth, bl.n_gross_margin, bl.n_strategic_fit,
                               bl.n_potential_value, bl.n_relationship_length, bl.n_satisfaction))
FROM app FULL JOIN bl ON bl.account_id = app.account_id;
SQL
}

bench_tiering() {
  local reps=${BENCH_REPS:-3}
  start_database
  start_api

  echo "== Seeding 100,000 Active accounts × 24 months of revenue (generate_series)"
  local t0=$SECONDS
  psql_ka -f deploy/bench/seed-tiering.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local seeded active revenue_rows
  seeded=$(psql_ka -c "SELECT count(*) FROM accounts WHERE registration_number LIKE 'TIER%' AND status = 'Active'")
  active=$(psql_ka -c "SELECT count(*) FROM accounts WHERE status = 'Active'")
  revenue_rows=$(psql_ka -c "SELECT count(*) FROM revenue_records r JOIN accounts a ON a.id = r.account_id WHERE a.registration_number LIKE 'TIER%'")
  echo "seeded: $seeded Active accounts, $revenue_rows revenue rows ($((SECONDS - t0)) s); scored per run (demo accounts included): $active"

  # The baseline hard-codes the default policy; it must be the one the application runs.
  local policy
  policy=$(psql_ka -F ' ' -c "SELECT number, cutoff_strategic, cutoff_key, cutoff_growth, hysteresis_margin, coalesce(strategic_cap::text, 'none'), criteria FROM tier_policies WHERE status = 'Published'")
  echo "published policy: $policy"
  python3 - "$policy" <<'PY'
import json, sys
number, cs, ck, cg, margin, cap, criteria = sys.argv[1].split(" ", 6)
weights = {c.get("Criterion", c.get("criterion")): c.get("Weight", c.get("weight")) for c in json.loads(criteria)}
expected = {"TrailingRevenue": 30, "RevenueGrowth": 15, "GrossMargin": 10, "StrategicFit": 15, "PotentialValue": 10, "RelationshipLength": 5, "Satisfaction": 15}
got = {str(k): v for k, v in weights.items()}
if (float(cs), float(ck), float(cg), float(margin), cap) != (80, 60, 40, 5, "none") or got != expected:
    sys.exit(f"the published policy is not the default the baseline hard-codes: {sys.argv[1]}")
PY
  psql_ka -c "CREATE TABLE bench_assignments (LIKE tier_assignments INCLUDING DEFAULTS INCLUDING INDEXES)" >/dev/null

  login_director

  local line secs run_id s k g st ch
  echo "== Warm-up: the first application run (Initial for every account)"
  tiering_settle
  line=$(tiering_app_run)
  read -r secs run_id s k g st ch <<<"$line"
  printf '  warm-up  app      %7.3f s  Strategic %s  Key %s  Growth %s  Standard %s  changed %s\n' "$secs" "$s" "$k" "$g" "$st" "$ch"

  echo "== $reps rounds: baseline (rolled back) and application run, alternating which goes first"
  local results="$work/tiering.tsv" rep kind order
  : > "$results"
  for rep in $(seq 1 "$reps"); do
    if [ $((rep % 2)) -eq 1 ]; then order="baseline app"; else order="app baseline"; fi
    for kind in $order; do
      tiering_settle
      if [ "$kind" = app ]; then line=$(tiering_app_run); else line=$(tiering_baseline_run ROLLBACK); fi
      read -r secs run_id s k g st ch <<<"$line"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$kind" "$secs" "$run_id" "$s" "$k" "$g" "$st" "$ch" >> "$results"
      printf '  round %d %-8s %7.3f s  Strategic %s  Key %s  Growth %s  Standard %s  changed %s\n' "$rep" "$kind" "$secs" "$s" "$k" "$g" "$st" "$ch"
    done
  done

  echo "== Agreement 1: the baseline committed once vs the last application run"
  local last_app bl_run
  last_app=$(awk -F'\t' '$2 == "app" {id = $4} END {print id}' "$results")
  tiering_settle
  line=$(tiering_baseline_run COMMIT)
  read -r secs bl_run s k g st ch <<<"$line"
  tiering_compare "$last_app" "SELECT * FROM bench_assignments WHERE run_id = '$bl_run'" > "$work/agree-steady.tsv"

  echo "== Agreement 2: after a change to the data (revenue, strategic fit, overrides), baseline then application run"
  psql_ka -f deploy/bench/tiering-perturb.sql >/dev/null
  psql_ka -c "TRUNCATE bench_assignments" >/dev/null
  tiering_settle
  line=$(tiering_baseline_run ROLLBACK "\\copy (SELECT * FROM bench_assignments) TO '$work/baseline-change.tsv'")
  local bl_change_secs=${line%% *}
  line=$(tiering_app_run)
  read -r secs run_id s k g st ch <<<"$line"
  local app_change_secs=$secs app_change_run=$run_id
  psql_ka -c "CREATE TABLE bench_check (LIKE bench_assignments)" -c "\\copy bench_check FROM '$work/baseline-change.tsv'" >/dev/null
  tiering_compare "$app_change_run" "SELECT * FROM bench_check" > "$work/agree-change.tsv"
  # What the change exercised, from the application's history: reasons, and hysteresis holds (kept a tier whose
  # cut-off the score no longer reaches).
  psql_ka -F $'\t' > "$work/change-reasons.tsv" <<SQL
SELECT reason, count(*) FROM tier_assignments WHERE run_id = '$app_change_run' GROUP BY reason
UNION ALL
SELECT 'HysteresisHold', count(*) FROM tier_assignments
WHERE run_id = '$app_change_run' AND reason = 'Unchanged'
  AND score < CASE new_tier WHEN 'Strategic' THEN 80 WHEN 'Key' THEN 60 WHEN 'Growth' THEN 40 ELSE 0 END;
SQL

  python3 - "$results" "$work/agree-steady.tsv" "$work/agree-change.tsv" "$work/change-reasons.tsv" \
    "$seeded" "$revenue_rows" "$active" "$reps" "$app_change_secs" "$bl_change_secs" "$tiering_baseline_settings" <<'PY'
import json, statistics, sys
(results, steady_path, change_path, reasons_path, seeded, revenue_rows, active, reps, app_change_secs, bl_change_secs,
 baseline_settings) = sys.argv[1:]
rounds = {}
for line in open(results):
    rep, kind, secs, run_id, s, k, g, st, ch = line.rstrip("\n").split("\t")
    rounds.setdefault(int(rep), {})[kind] = {"secs": float(secs), "counts": [int(s), int(k), int(g), int(st)], "changed": int(ch)}
tiers = ["Strategic", "Key", "Growth", "Standard"]

def agreement(path):
    counts, diffs = {}, None
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "accounts":
            diffs = dict(zip(["missing", "tier", "score", "reason", "breakdown"], map(int, f[1:])))
        else:
            counts[f[0]] = (int(f[1]), int(f[2]))
    tier_diff = sum(abs(a - b) for a, b in counts.values())
    return {"app": {t: counts[t][0] for t in tiers}, "baseline": {t: counts[t][1] for t in tiers},
            "tierCountDifference": tier_diff, "accountDifferences": diffs,
            "agree": tier_diff == 0 and all(v == 0 for v in diffs.values())}

steady, change = agreement(steady_path), agreement(change_path)
reasons = {l.split("\t")[0]: int(l.split("\t")[1]) for l in open(reasons_path) if l.strip()}
per_round_counts_agree = all(r["app"]["counts"] == r["baseline"]["counts"] for r in rounds.values())

app = [rounds[r]["app"]["secs"] for r in sorted(rounds)]
bl = [rounds[r]["baseline"]["secs"] for r in sorted(rounds)]
ratios = [a / b for a, b in zip(app, bl)]
med = lambda xs: round(statistics.median(xs), 3)
target = {"ratioMax": 1.5, "appRunSecondsMax": 10}
out = {"benchmark": "tiering", "accounts": int(seeded), "activeAccountsScored": int(active), "revenueRows": int(revenue_rows),
       "repetitions": int(reps), "appRunSeconds": med(app), "baselineSeconds": med(bl), "ratio": med(ratios),
       "appRuns": [round(x, 3) for x in app], "baselineRuns": [round(x, 3) for x in bl],
       "baselineSettings": baseline_settings, "target": target}
out["pass"] = out["ratio"] <= target["ratioMax"] and out["appRunSeconds"] <= target["appRunSecondsMax"]
out["agree"] = steady["agree"] and change["agree"] and per_round_counts_agree
out["tierCounts"] = {"app": steady["app"], "baseline": steady["baseline"]}
out["agreementUnderChange"] = {"tierCounts": {"app": change["app"], "baseline": change["baseline"]},
                               "accountDifferences": change["accountDifferences"], "reasons": reasons}

print("\n== Rounds (seconds; app = POST /api/v1/tiering/runs wall time at the client, baseline = the statement)")
for r in sorted(rounds):
    print(f"  round {r}: app {rounds[r]['app']['secs']:.3f}  baseline {rounds[r]['baseline']['secs']:.3f}  ratio {ratios[r - 1]:.3f}")
print(f"\n== Medians over {reps} rounds: app run {out['appRunSeconds']:.3f} s, baseline {out['baselineSeconds']:.3f} s, "
      f"ratio {out['ratio']:.3f} (targets: ratio <= {target['ratioMax']}, app <= {target['appRunSecondsMax']} s) -> {'PASS' if out['pass'] else 'FAIL'}")
def show(title, a):
    print(f"\n== {title}")
    print(f"  {'tier':<10} {'app':>8} {'baseline':>9}")
    for t in tiers:
        print(f"  {t:<10} {a['app'][t]:>8} {a['baseline'][t]:>9}")
    d = a["accountDifferences"]
    print(f"  per account: missing {d['missing']}, tier {d['tier']}, score {d['score']}, reason/previous tier {d['reason']}, "
          f"breakdown {d['breakdown']} -> {'AGREE' if a['agree'] else 'DISAGREE'}")
show("Agreement 1 (steady state): the last application run vs the baseline committed once", steady)
show("Agreement 2 (after a change to the data): application run vs baseline on the same state", change)
print("  exercised (application's history): " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
print(f"  (times of that run, not part of the figures: app {float(app_change_secs):.3f} s, baseline {float(bl_change_secs):.3f} s)")
print(f"  per-round tier counts, app vs rolled-back baseline: {'equal' if per_round_counts_agree else 'DIFFERENT'}")
print(json.dumps(out))
sys.exit(0 if out["agree"] else 1)
PY
}

# Statement logging on the cluster: `statement_log on` logs every statement with its duration and parameters and
# prints the log's line count (where a capture starts); `statement_log off` stops it. Untimed steps only.
statement_log() {
  if [ "$1" = on ]; then
    psql_ka -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  else
    psql_ka -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  sleep 1
  if [ "$1" = on ]; then wc -l < "$PG_CLUSTER_DIR/postgres.log"; fi
}

# explain_captured FROM_LINE REGEX [TIMESTAMP] — the last statement the API executed (in the cluster's log from line
# FROM_LINE on) whose SQL matches REGEX, prepared as it was sent (the server infers the parameter types) and run
# under EXPLAIN (ANALYZE, BUFFERS) with the parameters it ran with (timestamp parameters replaced by TIMESTAMP).
explain_captured() {
  local script
  script=$(python3 - "$PG_CLUSTER_DIR/postgres.log" "$1" "$2" "${3:-}" <<'PY'
import re, sys
path, start, pattern, ts = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
head = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] ([A-Z]+):  (.*)$')
entries, cur = [], None
with open(path, errors="replace") as f:
    for n, line in enumerate(f):
        if n < start:
            continue
        line = line.rstrip("\n")
        m = head.match(line)
        if m:
            level, msg = m.groups()
            if level == "LOG":
                cur = {"msg": msg, "params": ""}
                entries.append(cur)
            elif level == "DETAIL" and cur is not None and msg.startswith("parameters: "):
                cur["params"] = msg[len("parameters: "):]
            else:
                cur = None
        elif cur is not None and line.startswith("\t"):
            cur["msg"] += "\n" + line[1:]
found = None
for e in entries:
    m = re.match(r"duration: [\d.]+ ms  execute [^:]*: (.*)", e["msg"], re.S)
    if m and re.search(pattern, m.group(1), re.S):
        found = (m.group(1).strip().rstrip(";"), e["params"])
if found is None:
    sys.exit(f"no statement matching {pattern!r} in the server log")
sql, params = found
values = {int(k): v for k, v in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", params)}
args = []
for i in range(1, max(values, default=0) + 1):
    v = values.get(i, "NULL")
    if ts and re.match(r"'\d{4}-\d\d-\d\d \d\d:\d\d", v):
        v = "'" + ts + "'"
    args.append(v)
print(f"PREPARE bench_q AS {sql};")
print("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_q" + (f"({', '.join(args)})" if args else "") + ";")
print("DEALLOCATE bench_q;")
PY
  ) || return 1
  printf '%s\n' "$script" | psql_ka
}

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
  for s in "${slices[@]}"; do wrk -t2 -c"$conns" -d3s --timeout 30s -H "${hdr[$s]}" "${url[$s]}" >/dev/null; done

  echo "== $reps repetitions × ${#slices[@]} slices of ${duration}s, $conns connections (2 threads), rotated order"
  local results="$work/results.tsv" rep k out rps p50 p99 requests timeouts
  : > "$results"
  for rep in $(seq 0 $((reps - 1))); do
    for k in $(seq 0 $(( ${#slices[@]} - 1 ))); do
      s=${slices[$(( (k + rep) % ${#slices[@]} ))]}
      out=$(wrk -t2 -c"$conns" -d"${duration}s" --timeout 30s --latency -H "${hdr[$s]}" "${url[$s]}")
      if echo "$out" | grep -q "Non-2xx"; then echo "$s: non-2xx responses" >&2; echo "$out" >&2; echo "-- last lines of the API log:" >&2; tail -n 40 "$work/api.log" >&2; exit 1; fi
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      requests=$(echo "$out" | awk '/requests in/ {print $1}')
      timeouts=$(echo "$out" | sed -n 's/.*timeout \([0-9]*\).*/\1/p'); timeouts=${timeouts:-0}
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$s" "$rps" "$p50" "$p99" "$requests" "$timeouts" >> "$results"
      printf '  rep %d %-10s %9s req/s  p50 %-9s p99 %-9s (%s requests, %s timeouts)\n' "$rep" "$s" "$rps" "$p50" "$p99" "$requests" "$timeouts"
    done
  done
  fact connections "$conns"; fact repetitions "$reps"; fact sliceSeconds "$duration"

  python3 - "$results" "$facts" "$work/due-plan.txt" <<'PY'
import json, statistics, sys
from collections import defaultdict
results, facts_path, plan_path = sys.argv[1:]
facts = dict(line.rstrip("\n").split("\t", 1) for line in open(facts_path) if "\t" in line)
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if v.endswith(unit):
            return float(v[: -len(unit)]) * f
    return float(v)
runs = defaultdict(dict)
for line in open(results):
    rep, s, rps, p50, p99, requests, timeouts = line.rstrip("\n").split("\t")
    runs[int(rep)][s] = {"rps": float(rps), "p50": ms(p50), "p99": ms(p99), "requests": int(requests), "timeouts": int(timeouts)}
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

"bench_$name"
