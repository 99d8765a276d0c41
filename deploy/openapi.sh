#!/usr/bin/env bash
# The OpenAPI contract and the browser client's types, generated from the API:
#   deploy/openapi.sh          regenerate client/openapi/keyaccount.v1.json and client/src/api/schema.d.ts
#   deploy/openapi.sh --check  regenerate into a temporary folder and fail if the committed files differ (drift check)
# Both check the event contracts (deploy/event-contracts.mjs): an event keeps its shape for its version.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

out_json=client/openapi/keyaccount.v1.json
out_types=client/src/api/schema.d.ts
check=""
[ "${1:-}" = "--check" ] && check=1

dotnet tool restore >/dev/null
dotnet build src/KeyAccount.Api -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The document is read from the app's service provider; nothing connects to a database or serves requests.
ConnectionStrings__KeyAccount="Host=127.0.0.1;Database=openapi-export" \
Auth__SigningKey="openapi-export-only-signing-key-0123456789" \
Jobs__Enabled=false ASPNETCORE_ENVIRONMENT=Production \
  dotnet swagger tofile --openapiversion 3.1 --output "$tmp/keyaccount.v1.json" src/KeyAccount.Api/bin/Release/net10.0/KeyAccount.Api.dll v1 >/dev/null

(cd client && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
(cd client && npx --no-install openapi-typescript "$tmp/keyaccount.v1.json" -o "$tmp/schema.d.ts" >/dev/null)

# Events keep their shape per version (contracts/events/): checked in both modes, new versions recorded when writing.
node deploy/event-contracts.mjs "$tmp/keyaccount.v1.json" ${check:+--check}

if [ -n "$check" ]; then
  status=0
  diff -u "$out_json" "$tmp/keyaccount.v1.json" > "$tmp/json.diff" || status=1
  diff -u "$out_types" "$tmp/schema.d.ts" > "$tmp/types.diff" || status=1
  if [ "$status" != 0 ]; then
    echo "OpenAPI drift: the API's contract differs from the committed client/openapi and client/src/api files." >&2
    head -n 40 "$tmp/json.diff" "$tmp/types.diff" >&2
    echo "Run deploy/openapi.sh and commit the result." >&2
    exit 1
  fi
  echo "OpenAPI contract and generated client types are in sync."
else
  mkdir -p "$(dirname "$out_types")"
  cp "$tmp/keyaccount.v1.json" "$out_json"
  cp "$tmp/schema.d.ts" "$out_types"
  echo "Wrote $out_json and $out_types"
fi
