#!/usr/bin/env bash
# Runs the whole product on this machine: PostgreSQL (its own cluster unless a connection string is given),
# migrations, demo data, the browser client, API and Swagger on one port. Ctrl-C stops it all cleanly.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh
. deploy/lib/api.sh

port=${KEYACCOUNT_PORT:-5080}
data=${KEYACCOUNT_DATA:-$repo/.data}
demo_password=${KEYACCOUNT_DEMO_PASSWORD:-KeyAccount!2026}
mkdir -p "$data"
data=$(cd "$data" && pwd)

started_db=""
api_pid=""
follow_pid=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    echo; echo "Stopping KeyAccount…"
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [ -n "$follow_pid" ]; then kill "$follow_pid" 2>/dev/null || true; fi
  if [ -n "$started_db" ]; then
    echo "Stopping PostgreSQL…"
    pg_stop_cluster "$data/postgres"
  fi
}
trap cleanup INT TERM EXIT

# The terminal shows a few progress lines and then the banner; what the builds and the API print goes to files in
# the data folder, and only the API's warnings and errors are shown below the banner while it runs.
build_log="$data/build.log"
log="$data/api.log"
: > "$build_log"
if [ -s "$log" ]; then mv -f "$log" "$log.1"; fi  # the previous run's log is kept once

if [ -z "${ConnectionStrings__KeyAccount:-}" ]; then
  echo "Starting PostgreSQL in $data/postgres …"
  pg_start_cluster "$data/postgres" "${KEYACCOUNT_PG_PORT:-54329}"
  started_db=1
  export ConnectionStrings__KeyAccount="$PG_CONNECTION"
fi

api_signing_key "$data"

api_build_client "$build_log"

if pg_port_taken "$port"; then
  if [ -n "${KEYACCOUNT_PORT:-}" ]; then
    echo "Port $port (KEYACCOUNT_PORT) is taken by another program: choose another one." >&2; exit 1
  fi
  wanted=$port; port=$(pg_free_port)
  echo "note: port $wanted is taken; KeyAccount uses port $port (set KEYACCOUNT_PORT to choose)"
fi

api_build "$build_log"
# The content root is the build output, where appsettings.json (log levels, jobs) is: started from the repository
# root without it, the API would run on built-in defaults and log every SQL statement.
out="$api_out"
api_log_format
api_migrate "$build_log"
printf 'Starting KeyAccount (demo data; log: %s) …' "$log"
started=$(date +%s)
# Without SMTP settings (Mail__Smtp__Host), mail is written as .eml files here instead of being sent.
mail_dir="${Mail__PickupDirectory:-$data/mail}"
mkdir -p "$mail_dir"
ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
Mail__PickupDirectory="$mail_dir" App__PublicBaseUrl="${App__PublicBaseUrl:-http://127.0.0.1:$port}" \
KeyAccount__SeedDemo=true KeyAccount__DemoPassword="$demo_password" \
  dotnet "$out/KeyAccount.Api.dll" --contentRoot "$out" > "$log" 2>&1 &
api_pid=$!

api_wait_ready "http://127.0.0.1:$port" "$api_pid" "$log"
echo " ready in $(( $(date +%s) - started )) s."

# Warnings and errors (simple or JSON console format) are shown from here on; earlier ones are counted in the banner.
# (On a new database EF Core logs one "fail: Failed executing DbCommand … __ef_migrations_history": it looks for the
# history table before creating it, a known false alarm, dotnet/efcore#37328.)
is_problem='^([^ ]+ )?(warn|fail|crit): |"LogLevel":"(Warning|Error|Critical)"'
startup_problems=$(grep -cE "$is_problem" "$log" || true)
base="http://127.0.0.1:$port"
cat <<MSG

KeyAccount is running.
  App:        $base/
  Swagger:    $base/swagger
  Health:     $base/health/ready
  Database:   $( [ -n "$started_db" ] && echo "own cluster in $data/postgres" || echo "from ConnectionStrings__KeyAccount")
  Mail:       $( [ -n "${Mail__Smtp__Host:-}" ] && echo "SMTP $Mail__Smtp__Host" || echo "written as .eml files into $mail_dir (no SMTP configured)")
  Log:        $log$( [ "$startup_problems" -gt 0 ] && echo " ($startup_problems warning/error lines so far)")

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

Press Ctrl-C to stop. The API's warnings and errors appear below.
MSG
tail -n +"$(( $(wc -l < "$log") + 1 ))" -F --pid="$api_pid" "$log" 2>/dev/null | grep --line-buffered -E "$is_problem" &
follow_pid=$!
wait "$api_pid"
