#!/usr/bin/env bash
# The login page's weight on the wire: builds the browser client and the API, starts the API on a throwaway
# PostgreSQL cluster with the built SPA, loads /login in headless Chromium (empty cache) and prints what was
# transferred, uncompressed and compressed; the last line is one JSON object (client/scripts/page-weight.mjs).
# Usage: deploy/page-weight.sh [path=/login]
# Env: CHROMIUM_PATH (default /usr/bin/chromium).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

path=${1:-/login}
work=$(mktemp -d /tmp/keyaccount-weight.XXXXXX)
chmod 755 "$work"
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

echo "== Build the browser client (npm run build)"
(cd client && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build >/dev/null)

echo "== Build the API (Release)"
dotnet build src/KeyAccount.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

echo "== Throwaway PostgreSQL and the API"
pg_start_cluster "$work/postgres" "$(pg_free_port)"
api_port=$(pg_free_port)
base="http://127.0.0.1:$api_port"
ConnectionStrings__KeyAccount="$PG_CONNECTION" Auth__SigningKey="page-weight-signing-key-0123456789-abcdefghijklmn" \
KeyAccount__MigrateOnStartup=true KeyAccount__SpaPath="$repo/client/dist" Jobs__Enabled=false \
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Logging__LogLevel__Default=Warning \
  dotnet src/KeyAccount.Api/bin/Release/net10.0/KeyAccount.Api.dll > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "$base/health/ready" || { tail -n 30 "$work/api.log"; exit 1; }

echo "== $path in Chromium (decoded → on the wire, per response)"
(cd client && node scripts/page-weight.mjs "$base" "$path")
