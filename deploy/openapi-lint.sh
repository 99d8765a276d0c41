#!/usr/bin/env bash
# Lints the committed OpenAPI document (client/openapi/keyaccount.v1.json) with Spectral (spectral:oas + the OWASP API
# Security ruleset, tools/openapi-lint/.spectral.yaml) and Redocly CLI (recommended, tools/openapi-lint/redocly.yaml).
# Exits non-zero on any error; warnings are printed. The linters come from tools/openapi-lint/package-lock.json (npm ci).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tools="$repo/tools/openapi-lint"
doc="$repo/client/openapi/keyaccount.v1.json"
cd "$tools"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
status=0
echo "-- Spectral (spectral:oas, OWASP API Security 2023)"
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity error --format stylish "$doc" || status=1
echo "-- Redocly (recommended)"
npx --no-install redocly lint --config redocly.yaml --format stylish "$doc" || status=1
[ "$status" = 0 ] && echo "OpenAPI lint: no errors." || echo "OpenAPI lint: errors above." >&2
exit "$status"
