#!/usr/bin/env bash
# Benchmarks on a fresh local database; each prints, last, one JSON line with its figures and the baseline
# measured in the same run. Usage: deploy/bench.sh api
#   api  — GET /api/v1/accounts/{id} and the accounts list through the full stack (auth, mediator pipeline,
#          validation, pooled DbContext, projection) vs raw-Npgsql endpoints in the same process and pool,
#          over 100,000 accounts, with wrk (interleaved slices, rotated order, warm-up first).
# Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 5), BENCH_CONNECTIONS (default 32).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

name=${1:-}
case "$name" in
  api) ;;
  *) echo "usage: deploy/bench.sh api" >&2; exit 2 ;;
esac

duration=${BENCH_DURATION:-8}
reps=${BENCH_REPS:-5}
conns=${BENCH_CONNECTIONS:-32}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk…"
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; })
fi

work=$(mktemp -d /tmp/keyaccount-bench.XXXXXX)
chmod 755 "$work"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

echo "== Fresh PostgreSQL cluster (fsync=off, synchronous_commit=off: a benchmark, not a durability test)"
pg_start_cluster "$work/postgres" "$(pg_free_port)"
password=$(cat "$work/postgres/pg-password")
port=$(echo "$PG_CONNECTION" | sed 's/.*Port=\([0-9]*\).*/\1/')
export PGPASSWORD="$password"
psql_ka() { psql -h 127.0.0.1 -p "$port" -U keyaccount -d keyaccount -v ON_ERROR_STOP=1 -Atq "$@"; }
psql_ka -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >/dev/null

echo "== Build (Release)"
dotnet build src/KeyAccount.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
api_port=$(pg_free_port)
ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
ConnectionStrings__KeyAccount="$PG_CONNECTION" Auth__SigningKey="benchmark-signing-key-0123456789-abcdefghijklmnop" \
KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword='Bench!2026' \
Jobs__Enabled=false RateLimits__RequestsPerMinutePerUser=1000000000 Logging__LogLevel__Default=Warning \
  dotnet src/KeyAccount.Api/bin/Release/net10.0/KeyAccount.Api.dll > "$work/api.log" 2>&1 &
api_pid=$!
base="http://127.0.0.1:$api_port"
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "$base/health/ready" || { tail -n 30 "$work/api.log"; exit 1; }

echo "== Seeding 100,000 accounts (generate_series)"
psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
psql_ka -c "VACUUM ANALYZE" >/dev/null
accounts=$(psql_ka -c "SELECT count(*) FROM accounts")
id=$(psql_ka -c "SELECT id FROM accounts WHERE registration_number = 'BENCH000050000'")
echo "accounts: $accounts; single-row id: $id"

token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"director@demo.keyaccount.local","password":"Bench!2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
auth="Authorization: Bearer $token"

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
    if echo "$out" | grep -q "Non-2xx"; then echo "$s: non-2xx responses" >&2; echo "$out" >&2; exit 1; fi
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
