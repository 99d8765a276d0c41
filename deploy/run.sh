#!/usr/bin/env bash
# Runs the whole product on this machine: PostgreSQL (its own cluster unless a connection string is given),
# migrations, demo data, the browser client, API and Swagger on one port. Ctrl-C stops it all cleanly.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

port=${KEYACCOUNT_PORT:-5080}
data=${KEYACCOUNT_DATA:-$repo/.data}
demo_password=${KEYACCOUNT_DEMO_PASSWORD:-KeyAccount!2026}
mkdir -p "$data"
data=$(cd "$data" && pwd)

started_db=""
api_pid=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    echo; echo "Stopping KeyAccount…"
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [ -n "$started_db" ]; then
    echo "Stopping PostgreSQL…"
    pg_stop_cluster "$data/postgres"
  fi
}
trap cleanup INT TERM EXIT

if [ -z "${ConnectionStrings__KeyAccount:-}" ]; then
  echo "Starting PostgreSQL in $data/postgres …"
  pg_start_cluster "$data/postgres" "${KEYACCOUNT_PG_PORT:-54329}"
  started_db=1
  export ConnectionStrings__KeyAccount="$PG_CONNECTION"
fi

if [ -z "${Auth__SigningKey:-}" ]; then
  if [ ! -s "$data/jwt-key" ]; then (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$data/jwt-key"); fi
  export Auth__SigningKey="$(cat "$data/jwt-key")"
fi

if [ -f client/package.json ]; then
  echo "Building the browser client…"
  (cd client && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build)
  export KeyAccount__SpaPath="$repo/client/dist"
fi

echo "Building the API…"
dotnet build src/KeyAccount.Api -c Release -nologo -v q -clp:ErrorsOnly
log="$data/api.log"
ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword="$demo_password" \
  dotnet src/KeyAccount.Api/bin/Release/net10.0/KeyAccount.Api.dll > >(trap '' INT; exec tee "$log") 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then break; fi
  if ! kill -0 "$api_pid" 2>/dev/null; then echo "The API stopped; see $log" >&2; exit 1; fi
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "The API did not become ready in 120 s; see $log" >&2; exit 1; }

base="http://127.0.0.1:$port"
cat <<MSG

KeyAccount is running.
  App:        $base/
  Swagger:    $base/swagger
  Health:     $base/health/ready
  Database:   $( [ -n "$started_db" ] && echo "own cluster in $data/postgres" || echo "from ConnectionStrings__KeyAccount")

Demo logins (password: $demo_password)
  admin@demo.keyaccount.local            Admin
  director@demo.keyaccount.local         Director
  accountmanager@demo.keyaccount.local   AccountManager
  accountmanager2@demo.keyaccount.local  AccountManager (a second one, to see object-level access)
  serviceagent@demo.keyaccount.local     ServiceAgent
  qualitymanager@demo.keyaccount.local   QualityManager
  marketing@demo.keyaccount.local        Marketing

Try:
  curl -s -X POST $base/api/v1/auth/login -H 'Content-Type: application/json' \\
    -d '{"email":"director@demo.keyaccount.local","password":"$demo_password"}'

Press Ctrl-C to stop.
MSG
wait "$api_pid"
