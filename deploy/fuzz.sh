#!/usr/bin/env bash
# HTTP fuzzer on a fresh local database: how many malformed or hostile requests make the API answer 5xx, and why.
# Usage: deploy/fuzz.sh
#   Builds the API (Release), starts it in Production on loopback over a throwaway PostgreSQL cluster with the demo data
#   and rate limits out of the way, then runs deploy/fuzz/fuzz.mjs (Node 20, no packages): it reads the OpenAPI
#   document from the server, signs in as the demo users, creates seed resources, sends one valid request per
#   operation and caller, then mutated requests to every operation as every role and anonymously (classes: time,
#   strings, numbers, structure, http, concurrency). Valid probe requests as a user the mutations never use run after
#   every FUZZ_PROBE_EVERY requests, after every 5xx and after every accepted write, to catch a bad request that breaks
#   later good ones (a poisoned pooled connection, or a hostile value that was stored).
#   Prints the fuzzer's findings, the API log's unhandled exceptions grouped by exception type, message and top frame,
#   where the report went, and, last, one JSON line of figures. Exit 0 when no 5xx and no failed probe, 1 otherwise.
#   Env: FUZZ_SEED (default 1), FUZZ_REQUESTS (requests sent, baseline included; probes and setup not; default 4000),
#        FUZZ_PROBE_EVERY (default 50), FUZZ_TIMEOUT_MS (per request, default 15000), FUZZ_CONCURRENCY_ROUNDS
#        (default 3), FUZZ_HUGE (bodies above 1 MB, default 4), FUZZ_REPORT (report path; default report.json in a
#        kept folder under /tmp, next to a copy of the API log).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

command -v node >/dev/null 2>&1 || { echo "node (20+) is required" >&2; exit 2; }

work=$(mktemp -d /tmp/keyaccount-fuzz.XXXXXX)
chmod 755 "$work"
# The report and a copy of the API log outlive the run (the work folder with the database does not).
out=$(mktemp -d /tmp/keyaccount-fuzz-out.XXXXXX)
report=${FUZZ_REPORT:-$out/report.json}
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  if [ -f "$work/api.log" ]; then cp "$work/api.log" "$out/api.log" 2>/dev/null || true; fi
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

echo "== Fresh PostgreSQL cluster"
pg_start_cluster "$work/postgres" "$(pg_free_port)"

echo "== Build (Release)"
dotnet build src/KeyAccount.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

demo_password='Fuzz!2026-demo'
signing_key="fuzz-signing-key-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')-0123456789abcdef"
api_port=$(pg_free_port)
base="http://127.0.0.1:$api_port"
echo "== API on $base (Production, demo data, rate limits raised, jobs off)"
# Run from the build output, as the container image does (WORKDIR /app), so that appsettings.json is the content
# root's and its production settings (log levels among them) apply. JSON console logs with scopes: each entry is one
# line carrying the request's TraceId, which the 500 problem's traceId contains, so every 5xx can be joined to the
# exception the server logged for it.
bin_dir="$repo/src/KeyAccount.Api/bin/Release/net10.0"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
ConnectionStrings__KeyAccount="$PG_CONNECTION" Auth__SigningKey="$signing_key" \
KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword="$demo_password" Mail__PickupDirectory="$work/mail" \
Jobs__Enabled=false \
RateLimits__RequestsPerMinutePerUser=1000000000 RateLimits__LoginsPerMinutePerAddress=100000 \
RateLimits__AnonymousRequestsPerMinutePerAddress=1000000000 \
Logging__Console__FormatterName=json Logging__Console__FormatterOptions__IncludeScopes=true \
Logging__Console__FormatterOptions__TimestampFormat='yyyy-MM-ddTHH:mm:ss.fffZ' Logging__Console__FormatterOptions__UseUtcTimestamp=true \
  bash -c 'cd "$1" && exec dotnet KeyAccount.Api.dll' _ "$bin_dir" > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break
  kill -0 "$api_pid" 2>/dev/null || { echo "The API stopped:" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$base/health/ready" || { echo "The API did not become ready:" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }

echo "== Fuzzing (seed ${FUZZ_SEED:-1}, budget ${FUZZ_REQUESTS:-4000} requests)"
status=0
FUZZ_BASE_URL="$base" FUZZ_PASSWORD="$demo_password" FUZZ_SIGNING_KEY="$signing_key" FUZZ_REPORT="$report" \
FUZZ_API_LOG="$work/api.log" FUZZ_SUMMARY="$work/summary.json" \
  node deploy/fuzz/fuzz.mjs || status=$?

api_alive=true
kill -0 "$api_pid" 2>/dev/null || api_alive=false

echo
echo "== API log: errors grouped by exception type and top frame"
node deploy/fuzz/fuzz.mjs --log-summary "$work/api.log" || true
if [ "$api_alive" = false ]; then echo "!! the API process died during the run; last log lines:"; tail -n 20 "$work/api.log"; status=1; fi

echo
echo "Report: $report"
echo "API log (copied on exit): $out/api.log"
if [ -s "$work/summary.json" ]; then
  cat "$work/summary.json"
else
  echo "{\"error\":\"the fuzzer wrote no summary\",\"exitCode\":$status}"
  [ "$status" = 0 ] && status=2
fi
exit "$status"
