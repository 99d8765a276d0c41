#!/usr/bin/env bash
# Runs every test suite: domain and architecture unit tests, and the API integration tests against a real
# PostgreSQL cluster this script starts (and removes) from the machine's server binaries.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

work=$(mktemp -d /tmp/keyaccount-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

echo "== PostgreSQL for the integration tests"
pg_start_cluster "$work/postgres" "$(pg_free_port)"
export KEYACCOUNT_TEST_CONNECTION="${PG_CONNECTION/Database=keyaccount/Database=postgres}"
psql --version

echo "== Build (Release)"
dotnet build KeyAccount.sln -c Release -nologo -clp:ErrorsOnly

echo "== .NET tests"
results="$work/results"
status=0
dotnet test KeyAccount.sln -c Release --no-build --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  | grep -E --line-buffered "^\s*(Passed|Failed|Skipped) |Integration tests run|Passed!|Failed!|error|Total tests|^Test Run" || true
[ "${PIPESTATUS[0]}" = "0" ] || status=1

# --- Browser client (added by the SPA issue): npm ci, Vitest, Playwright, OpenAPI drift check go here. ---

python3 - "$results" "$status" <<'PY'
import glob, re, sys
passed = failed = skipped = total = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters total="(\d+)" executed="(\d+)" passed="(\d+)" failed="(\d+)"', text)
    if m:
        total += int(m.group(1)); passed += int(m.group(3)); failed += int(m.group(4))
        skipped += int(m.group(1)) - int(m.group(2))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
if total == 0:
    print("no tests ran", file=sys.stderr); sys.exit(1)
sys.exit(1 if failed or sys.argv[2] != "0" else 0)
PY
