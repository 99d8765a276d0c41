#!/usr/bin/env bash
# Sourced by deploy/bench.sh: what every benchmark shares. A work folder (removed on exit, with the cluster and the
# host), a fresh PostgreSQL cluster of its own (start_database, psql_ka), the bench host in Release on loopback
# (start_api: bench/KeyAccount.Bench.Host, the API plus its /bench endpoints), the director's token (login_director),
# wrk (ensure_wrk, wrk_warmup, wrk_slices: interleaved slices in rotated order, their figures one TSV line each),
# the server's statement log (statement_log, explain_captured), and the JSON line's arithmetic (deploy/bench/stats.py).
# Every benchmark honours BENCH_KEEP_LOG=<file> (a copy of the host's log of the run).
. deploy/lib/pg.sh

work=$(mktemp -d /tmp/keyaccount-bench.XXXXXX)
chmod 755 "$work"
api_pid=""
export PYTHONPATH="$repo/deploy/bench${PYTHONPATH:+:$PYTHONPATH}"
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  # BENCH_KEEP_LOG=<file> keeps the API's log of the run.
  if [ -n "${BENCH_KEEP_LOG:-}" ] && [ -f "$work/api.log" ]; then cp "$work/api.log" "$BENCH_KEEP_LOG"; fi
  if [ -n "${BENCH_EXPLAIN_MS:-}" ] && [ -n "${PG_CLUSTER_DIR:-}" ] && [ -f "$PG_CLUSTER_DIR/postgres.log" ]; then
    cp "$PG_CLUSTER_DIR/postgres.log" "${BENCH_KEEP_PGLOG:-$work/../bench-postgres.log}"; echo "PostgreSQL's log with the slow statements' plans: ${BENCH_KEEP_PGLOG:-$work/../bench-postgres.log}"
  fi
  pg_stop_cluster "$work/postgres"
  rm -rf "$work" "${PG_CLUSTER_DIR:-/nonexistent}" 2>/dev/null || true
}
trap cleanup EXIT

psql_ka() { psql -h 127.0.0.1 -p "$port" -U keyaccount -d keyaccount -v ON_ERROR_STOP=1 -Atq "$@"; }

# A fresh cluster of our own; sets port and PGPASSWORD for psql_ka.
start_database() {
  echo "== Fresh PostgreSQL cluster (fsync=off, synchronous_commit=off: a benchmark, not a durability test)"
  pg_start_cluster "$work/postgres" "$(pg_free_port)"
  password=$(cat "$work/postgres/pg-password")
  port=$(echo "$PG_CONNECTION" | sed 's/.*Port=\([0-9]*\).*/\1/')
  export PGPASSWORD="$password"
  psql_ka -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >/dev/null
  # BENCH_EXPLAIN_MS=<ms>: PostgreSQL's auto_explain logs the plan (with actual times and buffers) of every statement
  # slower than that into the cluster's log, copied to BENCH_KEEP_PGLOG (default: $work/../bench-postgres.log) at the end.
  if [ -n "${BENCH_EXPLAIN_MS:-}" ]; then
    psql_ka -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" -c "LOAD 'auto_explain'" -c "ALTER SYSTEM SET auto_explain.log_min_duration = '${BENCH_EXPLAIN_MS}ms'" \
      -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_buffers = on" -c "SELECT pg_reload_conf()" >/dev/null
  fi
}

# The bench host (bench/KeyAccount.Bench.Host: the API as in production plus the /bench endpoints) in Release on
# loopback, migrating the database (and publishing the default tier policy v1) and seeding the demo users on start;
# sets base.
start_api() {
  echo "== Build (Release)"
  dotnet build bench/KeyAccount.Bench.Host -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
  api_port=$(pg_free_port)
  # BENCH_JOBS=true runs the scheduled jobs (a benchmark of one of them); BENCH_EXTRA_ENV adds NAME=value settings.
  # shellcheck disable=SC2086
  env ${BENCH_EXTRA_ENV:-} \
  ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  ConnectionStrings__KeyAccount="$PG_CONNECTION" Auth__SigningKey="benchmark-signing-key-0123456789-abcdefghijklmnop" \
  KeyAccount__MigrateOnStartup=true KeyAccount__SeedDemo=true KeyAccount__DemoPassword='Bench!2026' Mail__PickupDirectory="$work/mail" \
  Jobs__Enabled="${BENCH_JOBS:-false}" RateLimits__RequestsPerMinutePerUser=1000000000 RateLimits__AnonymousRequestsPerMinutePerAddress=1000000000 Logging__LogLevel__Default=Warning \
    dotnet bench/KeyAccount.Bench.Host/bin/Release/net10.0/KeyAccount.Bench.Host.dll > "$work/api.log" 2>&1 &
  api_pid=$!
  base="http://127.0.0.1:$api_port"
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break; sleep 1; done
  curl -fsS -o /dev/null "$base/health/ready" || { tail -n 30 "$work/api.log"; exit 1; }
}

# Sets auth, the director's bearer header.
login_director() {
  token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"director@demo.keyaccount.local","password":"Bench!2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
  auth="Authorization: Bearer $token"
}

ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk…"
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; })
  fi
}


# wrk_warmup SECONDS CONNECTIONS TIMEOUT SLICE... — each slice once, untimed. Slices name entries of the caller's
# associative arrays url and hdr (the URL and one request header).
wrk_warmup() {
  local secs=$1 conns=$2 timeout=$3 s
  shift 3
  for s in "$@"; do wrk -t2 -c"$conns" -d"${secs}s" --timeout "$timeout" -H "${hdr[$s]}" "${url[$s]}" >/dev/null; done
}

# wrk_slices RESULTS REPS SECONDS CONNECTIONS TIMEOUT SLICE... — REPS repetitions of every slice (2 threads), the
# order rotated by one each repetition, so that each slice runs early and late as often; appends one line per slice
# to RESULTS: "rep slice req/s p50 p99 requests timeouts" (tab-separated, wrk's units) and prints it. Exits 1 on any
# non-2xx answer, and on a slice that completed no request (no figure to report).
wrk_slices() {
  local results=$1 reps=$2 secs=$3 conns=$4 timeout=$5
  shift 5
  local slices=("$@") n=$# rep k s out rps p50 p99 requests timeouts
  for rep in $(seq 0 $((reps - 1))); do
    for k in $(seq 0 $((n - 1))); do
      s=${slices[$(( (k + rep) % n ))]}
      out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout "$timeout" --latency -H "${hdr[$s]}" "${url[$s]}")
      if echo "$out" | grep -q "Non-2xx"; then echo "$s: non-2xx responses" >&2; echo "$out" >&2; echo "-- last lines of the API log:" >&2; tail -n 40 "$work/api.log" >&2; exit 1; fi
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      requests=$(echo "$out" | awk '/requests in/ {print $1}')
      timeouts=$(echo "$out" | sed -n 's/.*timeout \([0-9]*\).*/\1/p'); timeouts=${timeouts:-0}
      if [ -z "$rps" ] || [ -z "$p50" ] || [ -z "$p99" ] || [ "${requests:-0}" = 0 ]; then
        echo "$s: the slice completed no request (${secs}s, $conns connections); wrk said:" >&2; echo "$out" >&2; exit 1
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$s" "$rps" "$p50" "$p99" "$requests" "$timeouts" >> "$results"
      printf '  rep %d %-12s %9s req/s  p50 %-9s p99 %-9s (%s requests, %s timeouts)\n' "$rep" "$s" "$rps" "$p50" "$p99" "$requests" "$timeouts"
    done
  done
}

# Statement logging on the cluster: `statement_log on` logs every statement with its duration and parameters and
# prints the log's line count (where a capture starts); `statement_log off` stops it. Untimed steps only.
statement_log() {
  if [ "$1" = on ]; then
    psql_ka -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  else
    psql_ka -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  sleep 1
  if [ "$1" = on ]; then wc -l < "$PG_CLUSTER_DIR/postgres.log"; fi
}

# explain_captured FROM_LINE REGEX [TIMESTAMP] — the last statement the API executed (in the cluster's log from line
# FROM_LINE on) whose SQL matches REGEX, prepared as it was sent (the server infers the parameter types) and run
# under EXPLAIN (ANALYZE, BUFFERS) with the parameters it ran with (timestamp parameters replaced by TIMESTAMP).
explain_captured() {
  local script
  script=$(python3 - "$PG_CLUSTER_DIR/postgres.log" "$1" "$2" "${3:-}" <<'PY'
import re, sys
path, start, pattern, ts = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
head = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] ([A-Z]+):  (.*)$')
entries, cur = [], None
with open(path, errors="replace") as f:
    for n, line in enumerate(f):
        if n < start:
            continue
        line = line.rstrip("\n")
        m = head.match(line)
        if m:
            level, msg = m.groups()
            if level == "LOG":
                cur = {"msg": msg, "params": ""}
                entries.append(cur)
            elif level == "DETAIL" and cur is not None and msg.startswith("parameters: "):
                cur["params"] = msg[len("parameters: "):]
            else:
                cur = None
        elif cur is not None and line.startswith("\t"):
            cur["msg"] += "\n" + line[1:]
found = None
for e in entries:
    m = re.match(r"duration: [\d.]+ ms  execute [^:]*: (.*)", e["msg"], re.S)
    if m and re.search(pattern, m.group(1), re.S):
        found = (m.group(1).strip().rstrip(";"), e["params"])
if found is None:
    sys.exit(f"no statement matching {pattern!r} in the server log")
sql, params = found
values = {int(k): v for k, v in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", params)}
args = []
for i in range(1, max(values, default=0) + 1):
    v = values.get(i, "NULL")
    if ts and re.match(r"'\d{4}-\d\d-\d\d \d\d:\d\d", v):
        v = "'" + ts + "'"
    args.append(v)
print(f"PREPARE bench_q AS {sql};")
print("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_q" + (f"({', '.join(args)})" if args else "") + ";")
print("DEALLOCATE bench_q;")
PY
  ) || return 1
  printf '%s\n' "$script" | psql_ka
}
