# Sourced helpers shared by run.sh and replicas.sh: build the client and the API, the log format, readiness.
# Needs $repo. The API's build output (its content root, where appsettings.json is) is $api_out.

api_out="$repo/src/KeyAccount.Api/bin/Release/net10.0"

# fail LOG — stops with the end of a log.
fail() { echo " failed." >&2; tail -n 40 "$1" >&2; echo "(full output: $1)" >&2; exit 1; }

# api_signing_key DATA — the key signing the bearer tokens, unless Auth__SigningKey is set: generated once per data
# folder, so tokens survive a restart and every replica started from that folder checks the others' tokens.
api_signing_key() {
  if [ -z "${Auth__SigningKey:-}" ]; then
    if [ ! -s "$1/jwt-key" ]; then (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$1/jwt-key"); fi
    export Auth__SigningKey="$(cat "$1/jwt-key")"
  fi
}

# api_build_client LOG — builds the browser client (npm ci only when the lock file changed) and exports its path.
api_build_client() {
  [ -f "$repo/client/package.json" ] || return 0
  printf 'Building the browser client …'
  (cd "$repo/client" && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build) >> "$1" 2>&1 \
    || fail "$1"
  echo " done."
  export KeyAccount__SpaPath="$repo/client/dist"
}

# api_build LOG — builds the API (Release).
api_build() {
  printf 'Building the API …'
  dotnet build "$repo/src/KeyAccount.Api" -c Release -nologo -v q -clp:ErrorsOnly >> "$1" 2>&1 || fail "$1"
  echo " done."
}

# One line per log entry, with a UTC timestamp, unless the caller chose otherwise (Logging__Console__FormatterName=json
# for JSON lines). The formatter must be named for its options to apply.
api_log_format() {
  export Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}"
  export Logging__Console__FormatterOptions__SingleLine="${Logging__Console__FormatterOptions__SingleLine:-true}"
  local stamp="yyyy-MM-ddTHH:mm:ss.fffZ"; [ "$Logging__Console__FormatterName" = simple ] && stamp="$stamp "  # before the level
  export Logging__Console__FormatterOptions__TimestampFormat="${Logging__Console__FormatterOptions__TimestampFormat:-$stamp}"
  export Logging__Console__FormatterOptions__UseUtcTimestamp="${Logging__Console__FormatterOptions__UseUtcTimestamp:-true}"
}

# api_migrate LOG — the migration step before any replica starts (as the Kubernetes Job runs it).
api_migrate() {
  printf 'Migrating the database …'
  dotnet "$api_out/KeyAccount.Api.dll" migrate --contentRoot "$api_out" >> "$1" 2>&1 || fail "$1"
  echo " done."
}

# api_wait_ready URL PID LOG — waits up to 120 s for /health/ready; stops with the log when the process ends first.
api_wait_ready() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then fail "$log"; fi
    sleep 1
  done
  echo " not ready in 120 s." >&2; tail -n 40 "$log" >&2; exit 1
}
