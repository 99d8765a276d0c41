#!/usr/bin/env bash
# Runs every test suite: domain and architecture unit tests, and the API integration tests against a real
# PostgreSQL cluster this script starts (and removes) from the machine's server binaries.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh
. deploy/lib/packages.sh

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

# The rate limits shared by replicas are tested on a throwaway Redis (RateLimitReplicaTests).
ensure_packages redis-server redis-server

echo "== Build (Release)"
dotnet build KeyAccount.sln -c Release -nologo -clp:ErrorsOnly

echo "== .NET tests"
results="$work/results"
status=0
dotnet test KeyAccount.sln -c Release --no-build --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  | awk '/^[[:space:]]*(Passed|Failed|Skipped) |Integration tests run|Contract|Passed!|Failed!|error|Total tests|^Test Run/ { print; fflush() }
         /Error Message:/ { n = 8 } n > 0 { print; fflush(); n-- }' || true
[ "${PIPESTATUS[0]}" = "0" ] || status=1

echo "== OpenAPI contract drift check (and the event contracts)"
bash deploy/openapi.sh --check || status=1

echo "== OpenAPI lint (Spectral with OWASP, Redocly)"
bash deploy/openapi-lint.sh || status=1

echo "== Kubernetes manifests (deploy/k8s: schemas, unknown fields, references)"
bash deploy/k8s-check.sh || status=1

echo "== Fuzz: malformed and hostile requests over every operation; no 5xx, no valid request broken by a bad one"
FUZZ_REQUESTS=${FUZZ_REQUESTS:-2500} bash deploy/fuzz.sh > "$work/fuzz.log" 2>&1 || { status=1; echo "FUZZ FAILED:"; tail -n 60 "$work/fuzz.log"; }
grep -E "^   (5xx|valid probes|distinct causes|non-problem)|^\{" "$work/fuzz.log" | tail -n 5

echo "== Browser client: type check, Vitest, build, bundle budget"
(cd client && npm ci --no-audit --no-fund --loglevel=error)
client_log="$work/client.log"
(cd client && npx tsc -b && npx vitest run --reporter=default) 2>&1 | tee "$client_log" || status=1
# Built whatever the unit tests said, so that a failing unit test does not also hide the end-to-end results.
(cd client && npx vite build --logLevel warn && node scripts/initial-js-size.mjs && node scripts/survey-js-size.mjs) 2>&1 | tee -a "$client_log" || status=1

echo "== Browser end-to-end (Playwright driving the system Chromium)"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qiE "wqy|noto.*cjk"; then
  echo "Installing Chromium and a CJK font (Debian packages)…"
  (apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; })
fi
e2e_port=$(pg_free_port)
e2e_db="${PG_CONNECTION/Database=keyaccount/Database=keyaccount_e2e}"
PGPASSWORD=$(cat "$work/postgres/pg-password") psql -h 127.0.0.1 -p "$(echo "$PG_CONNECTION" | sed 's/.*Port=\([0-9]*\).*/\1/')" -U keyaccount -d postgres -qc "CREATE DATABASE keyaccount_e2e"
ConnectionStrings__KeyAccount="$e2e_db" Auth__SigningKey="e2e-signing-key-0123456789-abcdefghijklmnop" \
KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword='E2e-Password!1' \
KeyAccount__SpaPath="$repo/client/dist" Mail__PickupDirectory="$work/mail" ASPNETCORE_URLS="http://127.0.0.1:$e2e_port" Logging__LogLevel__Default=Warning RateLimits__AnonymousRequestsPerMinutePerAddress=100000 \
App__PublicBaseUrl="http://127.0.0.1:$e2e_port" Jobs__SurveyCampaign__Cron="0/5 * * * * ?" \
  dotnet src/KeyAccount.Api/bin/Release/net10.0/KeyAccount.Api.dll > "$work/e2e-api.log" 2>&1 &
e2e_api=$!
for _ in $(seq 1 90); do curl -fsS -o /dev/null "http://127.0.0.1:$e2e_port/health/ready" 2>/dev/null && break; sleep 1; done
shots="$repo/client/e2e-screenshots"
rm -rf "$shots"
(cd client && E2E_BASE_URL="http://127.0.0.1:$e2e_port" E2E_PASSWORD='E2e-Password!1' E2E_SCREENSHOTS="$shots" E2E_MAIL_DIR="$work/mail" \
  node --test --test-reporter=spec e2e/) 2>&1 | tee -a "$client_log" || status=1
kill "$e2e_api" 2>/dev/null || true
wait "$e2e_api" 2>/dev/null || true
echo "Screenshots of each page: $shots"

python3 - "$results" "$status" "$client_log" <<'PY'
import glob, re, sys
passed = failed = skipped = total = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(f, encoding="utf-8").read()
    m = re.search(r'<Counters total="(\d+)" executed="(\d+)" passed="(\d+)" failed="(\d+)"', text)
    if m:
        total += int(m.group(1)); passed += int(m.group(3)); failed += int(m.group(4))
        skipped += int(m.group(1)) - int(m.group(2))
# Vitest ("Tests  14 passed (14)") and node:test ("ℹ pass 3" / "ℹ fail 0") summaries.
log = re.sub(r"\x1b\[[0-9;]*m", "", open(sys.argv[3], encoding="utf-8", errors="replace").read())
for m in re.finditer(r"Tests\s+(?:(\d+) failed \| )?(\d+) passed", log):
    failed += int(m.group(1) or 0); passed += int(m.group(2)); total += int(m.group(2))
for m in re.finditer(r"ℹ pass (\d+)", log):
    passed += int(m.group(1)); total += int(m.group(1))
for m in re.finditer(r"ℹ fail (\d+)", log):
    failed += int(m.group(1))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
if total == 0:
    print("no tests ran", file=sys.stderr); sys.exit(1)
sys.exit(1 if failed or sys.argv[2] != "0" else 0)
PY
