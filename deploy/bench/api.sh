#!/usr/bin/env bash
# deploy/bench.sh api (sourced after deploy/bench/lib.sh).
#   api      — GET /api/v1/accounts/{id} and the accounts list through the full stack (auth, mediator pipeline,
#              validation, pooled DbContext, projection) vs raw-Npgsql endpoints in the same process and pool,
#              over 100,000 accounts, with wrk (interleaved slices, rotated order, warm-up first).
#              Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 5), BENCH_CONNECTIONS (default 32).
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
  wrk_warmup 3 "$conns" 2s "${slices[@]}"

  echo "== $reps repetitions × 4 slices of ${duration}s, $conns connections, rotated order"
  results="$work/results.tsv"
  : > "$results"
  wrk_slices "$results" "$reps" "$duration" "$conns" 2s "${slices[@]}"

  python3 - "$results" "$accounts" "$conns" "$reps" "$duration" <<'PY'
import json, statistics, sys
from collections import defaultdict
path, accounts, conns, reps, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
from stats import read_slices
runs = defaultdict(dict)
for rep, x in read_slices(path).items():
    for s, v in x.items():
        runs[rep][s] = (v["rps"], v["p99"])
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
