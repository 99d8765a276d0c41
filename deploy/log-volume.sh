#!/usr/bin/env bash
# How much deploy/run.sh logs while the product idles: runs it on a throwaway data folder and free ports, waits until
# it answers /health/ready, lets it idle LOG_IDLE_SECONDS (default 150: the escalation job runs every minute), then
# stops it the way Ctrl-C does (SIGINT to its process group) and checks that the API and PostgreSQL stopped.
# Prints the lines and bytes the terminal showed and $KEYACCOUNT_DATA/api.log holds; the last line is one JSON object.
# Usage: deploy/log-volume.sh        Env: LOG_IDLE_SECONDS, and anything deploy/run.sh reads.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh

idle=${LOG_IDLE_SECONDS:-150}
work=$(mktemp -d /tmp/keyaccount-logs.XXXXXX)
chmod 755 "$work"
terminal="$work/terminal.txt"
run_pid=""
cleanup() {
  if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then kill -INT -- "-$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; fi
  pg_stop_cluster "$work/data/postgres"
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

port=$(pg_free_port)
pg_port=$(pg_free_port)
started=$(date +%s)
# Job control gives run.sh a process group of its own, with SIGINT delivered as a terminal's Ctrl-C would be.
set -m
KEYACCOUNT_DATA="$work/data" KEYACCOUNT_PORT="$port" KEYACCOUNT_PG_PORT="$pg_port" deploy/run.sh > "$terminal" 2>&1 < /dev/null &
run_pid=$!
set +m

echo "== deploy/run.sh on port $port (data in $work/data); waiting for it to be ready"
for _ in $(seq 1 900); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && grep -q "Press Ctrl-C to stop" "$terminal"; then break; fi
  if ! kill -0 "$run_pid" 2>/dev/null; then echo "deploy/run.sh stopped:" >&2; tail -n 40 "$terminal" >&2; exit 1; fi
  sleep 1
done
ready=$(date +%s)
terminal_at_ready_lines=$(wc -l < "$terminal")
terminal_at_ready_bytes=$(wc -c < "$terminal")
echo "== ready after $((ready - started)) s; idling $idle s"
sleep "$idle"

log="$work/data/api.log"
log_lines=$(wc -l < "$log"); log_bytes=$(wc -c < "$log")
sql_lines=$(grep -c "Executed DbCommand" "$log" || true)
terminal_lines=$(wc -l < "$terminal"); terminal_bytes=$(wc -c < "$terminal")
banner_line=$(grep -n "KeyAccount is running" "$terminal" | head -n 1 | cut -d: -f1)
last_banner_line=$(grep -n "Press Ctrl-C to stop" "$terminal" | tail -n 1 | cut -d: -f1)

echo "== Ctrl-C"
kill -INT -- "-$run_pid"
stopped=false
for _ in $(seq 1 60); do kill -0 "$run_pid" 2>/dev/null || { stopped=true; break; }; sleep 1; done
wait "$run_pid" 2>/dev/null || true
api_left=$(pgrep -f "KeyAccount.Api.dll" -a | grep -c -- "$port" || true)
pg_left=false
if pg_as_owner "$(pg_bin)/pg_ctl" -D "$(pg_cluster_dir "$work/data/postgres")/pgdata" status >/dev/null 2>&1; then pg_left=true; fi
run_pid=""

echo "== The terminal, first 15 lines"
head -n 15 "$terminal"
echo "…"
echo "== The terminal, last 25 lines"
tail -n 25 "$terminal"
echo "== api.log, last 5 lines"
tail -n 5 "$log"
printf '{"secondsToReady":%d,"idleSeconds":%d,"terminalLines":%d,"terminalBytes":%d,"terminalLinesAtReady":%d,"terminalBytesAtReady":%d,"bannerStartsAtLine":%s,"linesAfterBanner":%d,"apiLogLines":%d,"apiLogBytes":%d,"sqlCommandLines":%d,"stoppedOnCtrlC":%s,"postgresStillRunning":%s,"apiStillRunning":%s}\n' \
  "$((ready - started))" "$idle" "$terminal_lines" "$terminal_bytes" "$terminal_at_ready_lines" "$terminal_at_ready_bytes" \
  "${banner_line:-null}" "$((terminal_lines - ${last_banner_line:-0}))" "$log_lines" "$log_bytes" "$sql_lines" \
  "$stopped" "$pg_left" "$([ "$api_left" -gt 0 ] && echo true || echo false)"
