#!/usr/bin/env bash
# deploy/bench.sh faults (sourced after deploy/bench/lib.sh, of which it uses only the work folder, pg.sh and psql_ka).
#   faults — the production topology of deploy/replicas.sh with two replicas (its own PostgreSQL cluster, Redis, two
#            API replicas clustered on the database, nginx in front), started in lib.sh's work folder, and these faults,
#            in this order, each under load (authenticated GETs of the accounts list from deploy/bench/faults-load.mjs,
#            paced to stay under the users' rate limits, to the load balancer and to each replica directly):
#   0. setup: 20 complaints (FAULTS_COMPLAINTS) filed through the API with a receipt time that puts their at-risk step
#      (80 % of the first-response target) during the faults, one every 12 s from 45 s on, so that the escalation scans
#      have steps to take while replicas die and the database goes away.
#   1. rate limit: one user's requests through the load balancer (round robin over both replicas), 8 at a time, until
#      the first 429; the 2xx answered against the configured budget (RateLimits:RequestsPerMinutePerUser). Goal: within 5 %.
#   2. replica killed: kill -9, 1.5 s before the minute, of the replica holding the next escalation run (Quartz's
#      acquired trigger), else of the one that ran the last escalation, else of replica 2 — under load through the load
#      balancer: failed requests there (no answer or 5xx; goal 0), and the seconds from the kill until the surviving
#      replica runs the escalation job (job_runs). The replicas run with Quartz's log at Information, so that each
#      log names its scheduler instance. The killed replica is then started again as it ran (its command line,
#      environment and folder, from /proc).
#   3. PostgreSQL restarted with pg_ctl restart -m immediate under load: per target (load balancer, each replica) the
#      5xx and unanswered requests against the requests in flight at the restart (goal: at most those), and the
#      recovery time (from the moment PostgreSQL accepts connections again, by pg_isready every 50 ms, until every
#      answer is a 2xx again; goal under 2 s).
#   4. PostgreSQL stopped (-m fast) for 20 s under load: 503 and 500 counts per target (goal: no 500), /health/ready
#      of each replica and of the load balancer while it is down, recovery as in 3. Just before the stop a manual run
#      of the account-health job is started and held on a lock (a session holding account_health in SHARE mode) so
#      that the stop interrupts it: the job must be retried (job_runs: a Retry run that succeeded; the first retry
#      comes Jobs:Retry:FirstDelaySeconds = 60 s after the failure, so the suite waits for it, up to 4 minutes).
#   5. each escalation step once: complaint timeline entries of an escalation step (AtRisk, Escalated) recorded twice
#      for the same complaint, clock and level, over the whole run (goal 0), and the steps the scans took meanwhile.
# The figures of each scenario are printed as it ends, then one JSON line with all of them and a `goals` object.
# Takes about 6 minutes after the build and start-up of replicas.sh (5+ minutes on a loaded machine). Exits 0 when
# the suite ran, whatever the figures; non-zero when it could not run. Env: FAULTS_RATE (requests/s of the load, default
# 40, at most 80 % of the load users' budgets), FAULTS_COMPLAINTS (default 20), FAULTS_KEEP=<dir> (a copy of the logs:
# replicas, nginx, PostgreSQL, the load's request lines, each scenario's JSON).

faults_now() { date +%s%3N; }

bench_faults() {
  local rate=${FAULTS_RATE:-40}
  chmod 755 "$work"
  replicas_pid=""
  restarted_pids=()
  background_pids=()
  trap 'faults_teardown; cleanup' EXIT
  trap 'exit 130' INT TERM

  echo "== deploy/replicas.sh 2 in $work (build, migration, start; several minutes)"
  export KEYACCOUNT_DATA="$work" KEYACCOUNT_PORT
  KEYACCOUNT_PORT=$(pg_free_port)
  # Quartz at Information: each replica's log names its scheduler instance (job_runs.node) as the scheduler starts.
  KEYACCOUNT_PG_PORT=$(pg_free_port) Logging__LogLevel__Quartz=Information env -u ConnectionStrings__KeyAccount bash deploy/replicas.sh 2 > "$work/replicas.log" 2>&1 &
  replicas_pid=$!
  local deadline=$(( $(date +%s) + 1200 ))
  until [ -s "$work/topology.env" ]; do
    if ! kill -0 "$replicas_pid" 2>/dev/null; then echo "replicas.sh ended before the topology was up:" >&2; tail -n 40 "$work/replicas.log" >&2; exit 1; fi
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "the topology was not up in 20 minutes" >&2; tail -n 40 "$work/replicas.log" >&2; exit 1; fi
    sleep 2
  done
  sleep 1
  # shellcheck disable=SC1091
  . "$work/topology.env"
  local pgdir; pgdir=$(dirname "$PG_DATA")
  port=$PG_PORT
  PGPASSWORD=$(cat "$work/postgres/pg-password"); export PGPASSWORD
  echo "   load balancer $LB_URL, replicas on ports ${REPLICA_PORTS[*]} (pids ${REPLICA_PIDS[*]}), PostgreSQL port $PG_PORT, Redis port $REDIS_PORT"
  local suite_start; suite_start=$(psql_ka -c "SELECT now()")
  local r1="http://127.0.0.1:${REPLICA_PORTS[0]}" r2="http://127.0.0.1:${REPLICA_PORTS[1]}"

  # Sign-ins: the director for the rate-limit scenario (its budget untouched by anything else), the admin for the jobs,
  # the other users for the load (each under its own per-user budget).
  login() {
    curl -fsS -X POST "$LB_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"email\":\"$1@demo.keyaccount.local\",\"password\":\"$DEMO_PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])'
  }
  local director admin u t
  director=$(login director)
  admin=$(login admin)
  : > "$work/load-tokens"
  for u in admin accountmanager serviceagent qualitymanager marketing; do
    t=$(login "$u")
    if [ "$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$LB_URL/api/v1/accounts?pageSize=5")" = 200 ]; then echo "$t" >> "$work/load-tokens"; fi
  done
  echo "$director" > "$work/rl-token"
  local users; users=$(wc -l < "$work/load-tokens")
  [ "$users" -ge 2 ] || { echo "fewer than two demo users may list accounts" >&2; exit 1; }
  local budget=${RateLimits__RequestsPerMinutePerUser:-}
  [ -n "$budget" ] || budget=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["RateLimits"]["RequestsPerMinutePerUser"])' "src/KeyAccount.Api/bin/Release/net10.0/appsettings.json")
  if [ $(( rate * 60 / users )) -gt $(( budget * 8 / 10 )) ]; then rate=$(( budget * 8 / 10 * users / 60 )); fi
  echo "   load: $rate requests/s over $users users (budget $budget a minute each)"

  # Escalation steps due during the suite: complaints filed through the API with a receipt time such that their first
  # response reaches 80 % of its target (the at-risk step) during the suite, from 45 s on, one every 12 s. A probe complaint
  # received now on the same account gives the target (the account's tier and the severity decide it).
  local agent complaints=${FAULTS_COMPLAINTS:-20} filed=0 acc hours now_s received
  agent=$(login qualitymanager)
  file_complaint() {
    curl -fsS -X POST "$LB_URL/api/v1/complaints" -H "Authorization: Bearer $agent" -H 'Content-Type: application/json' \
      -d "{\"accountId\":\"$1\",\"channel\":\"Phone\",\"category\":\"Delivery\",\"severity\":\"Medium\",\"subject\":\"Fault suite $2\",\"description\":\"Filed by deploy/bench.sh faults.\"$3}"
  }
  for acc in $(psql_ka -c "SELECT id FROM accounts WHERE status = 'Active' ORDER BY id LIMIT $complaints"); do
    hours=$(file_complaint "$acc" "probe" "" | python3 -c 'import sys,json; print(json.load(sys.stdin)["firstResponseTargetHours"])') || continue
    now_s=$(date +%s)
    received=$(python3 -c "import datetime as d; print((d.datetime.fromtimestamp($now_s - $hours * 3600 * 0.8 + 45 + $filed * 12, d.timezone.utc)).strftime('%Y-%m-%dT%H:%M:%SZ'))")
    file_complaint "$acc" "due in $((45 + filed * 12)) s" ",\"receivedAt\":\"$received\"" > /dev/null && filed=$((filed + 1))
  done
  echo "   $filed complaints with an at-risk step due during the suite (and as many probes)"

  # load OUT SECONDS RATE TARGETS [options] — the load generator in the background; sets load_pid.
  load() {
    local out=$1 secs=$2 r=$3 targets=$4; shift 4
    node deploy/bench/faults-load.mjs --targets "$targets" --tokens "$work/load-tokens" --seconds "$secs" --rate "$r" --workers 8 "$@" > "$out" &
    load_pid=$!; background_pids+=("$load_pid")
  }
  # pg_watch OUT — pg_isready every 50 ms in the background, a line "ms code" at each change; sets watch_pid.
  pg_watch() {
    ( last=x; while :; do c=0; pg_isready -h 127.0.0.1 -p "$PG_PORT" -U keyaccount -d keyaccount -t 1 -q || c=$?; if [ "$c" != "$last" ]; then echo "$(faults_now) $c"; last=$c; fi; sleep 0.05; done ) > "$1" &
    watch_pid=$!; background_pids+=("$watch_pid")
  }
  report() { python3 deploy/bench/faults_report.py "$@"; }
  # pg_transitions FILE — "DOWN_MS READY_MS": the first moment pg_isready failed and the first success after it.
  pg_transitions() { awk '$2 != 0 && !d {d=$1} d && $2 == 0 && !r {r=$1} END {printf "%.0f %.0f\n", d, r}' "$1"; }
  until_second() { local want=$1 s; while :; do s=$((10#$(date +%S))); [ "$s" = "$want" ] && return; sleep 0.2; done; }

  # ---- 1. Rate limit: one user, both replicas, until the first 429 -------------------------------------------------
  echo "== 1. One user's rate limit across both replicas (budget $budget a minute)"
  node deploy/bench/faults-load.mjs --targets "$LB_URL" --tokens "$work/rl-token" --seconds 55 --rate 0 --workers 8 --stop-at-429 > "$work/rl.tsv"
  report ratelimit "$work/rl.tsv" "$budget" "$work/ratelimit.json"

  # ---- 2. kill -9 of a replica under load; the survivor takes the jobs ------------------------------------------------
  echo "== 2. kill -9 of a replica under load through the load balancer"
  until_second 52
  load "$work/kill.tsv" 14 "$rate" "$LB_URL"
  sleep 6.5
  # The victim: the replica holding the next escalation run (Quartz's acquired trigger), else the one that ran the
  # last escalation, else replica 2. Each replica's log names its scheduler instance ("Scheduler …_$_<instance> started").
  local holder last_runner victim=1 i
  holder=$(psql_ka -c "SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_name = 'complaint-escalation-every-minute' AND state = 'ACQUIRED' LIMIT 1")
  last_runner=$(psql_ka -c "SELECT node FROM job_runs WHERE job_key = 'complaint-escalation' AND started_at IS NOT NULL ORDER BY started_at DESC LIMIT 1")
  local -a instances=()
  for i in 1 2; do instances+=("$(grep -o 'Scheduler [^ ]*_\$_[^ ]* started' "$work/api-$i.log" | tail -n 1 | sed 's/.*_\$_\([^ ]*\) started/\1/' || true)"); done
  local why="replica 2 (no escalation held or run found)"
  for i in 0 1; do
    if [ -n "${instances[$i]}" ] && [ "${instances[$i]}" = "$last_runner" ]; then victim=$i; why="it ran the last escalation"; fi
  done
  for i in 0 1; do
    if [ -n "${instances[$i]}" ] && [ "${instances[$i]}" = "$holder" ]; then victim=$i; why="it held the next escalation"; fi
  done
  local victim_instance=${instances[$victim]}
  local vpid=${REPLICA_PIDS[$victim]} vport=${REPLICA_PORTS[$victim]}
  local -a venv vcmd
  mapfile -d '' venv < "/proc/$vpid/environ"
  mapfile -d '' vcmd < "/proc/$vpid/cmdline"
  local vcwd; vcwd=$(readlink "/proc/$vpid/cwd")
  local kill_ms; kill_ms=$(faults_now)
  kill -9 "$vpid"
  echo "   killed replica $((victim + 1)) (pid $vpid, port $vport, node ${victim_instance:-unknown}): $why"
  wait "$load_pid" || true
  report summarize "$work/kill.tsv" lb "$kill_ms" "" > "$work/kill-load.json"
  # The escalation job on the survivor: its first run started after the kill.
  local takeover="" run
  deadline=$(( $(date +%s) + 180 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    run=$(psql_ka -F ' ' -c "SELECT round(extract(epoch FROM started_at) * 1000), round(extract(epoch FROM started_at - scheduled_at) * 1000), trigger, coalesce(outcome, '-')
                              FROM job_runs WHERE job_key = 'complaint-escalation' AND started_at > to_timestamp($kill_ms / 1000.0)
                              AND ended_at IS NOT NULL AND node IS DISTINCT FROM '$victim_instance' ORDER BY started_at LIMIT 1")
    [ -n "$run" ] && { takeover=$run; break; }
    sleep 1
  done
  [ -n "$takeover" ] || echo "   no escalation run on the survivor within 180 s of the kill"
  # The killed replica again, as it ran.
  local restart_ms; restart_ms=$(faults_now)
  (cd "$vcwd" && exec env -i "${venv[@]}" "${vcmd[@]}") >> "$work/api-$((victim + 1)).log" 2>&1 &
  local newpid=$!; restarted_pids+=("$newpid"); REPLICA_PIDS[$victim]=$newpid
  for _ in $(seq 1 180); do curl -fsS -o /dev/null "http://127.0.0.1:$vport/health/ready" 2>/dev/null && break; kill -0 "$newpid" || break; sleep 1; done
  curl -fsS -o /dev/null "http://127.0.0.1:$vport/health/ready" || { echo "the killed replica did not start again:" >&2; tail -n 30 "$work/api-$((victim + 1)).log" >&2; exit 1; }
  local back_s; back_s=$(python3 -c "print(round(($(faults_now) - $restart_ms) / 1000, 1))")
  report kill "$work/kill-load.json" "$kill_ms" "$takeover" "$victim" "$why" "$back_s" "$work/kill.json"
  sleep 6   # nginx tries the replica again 5 s after its failure

  # ---- 3. PostgreSQL restarted with -m immediate under load -----------------------------------------------------------
  echo "== 3. pg_ctl restart -m immediate under load (load balancer and each replica)"
  pg_watch "$work/restart-pg.txt"
  load "$work/restart.tsv" 16 "$rate" "$LB_URL,$r1,$r2"
  sleep 5
  local t_cmd; t_cmd=$(faults_now)
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -l "$pgdir/postgres.log" -m immediate -w -t 60 restart > /dev/null
  local t_ret; t_ret=$(faults_now)
  wait "$load_pid" || true
  kill "$watch_pid" 2>/dev/null; wait "$watch_pid" 2>/dev/null || true
  local down ready
  read -r down ready < <(pg_transitions "$work/restart-pg.txt")
  [ "$down" = 0 ] && down=$t_cmd
  [ "$ready" = 0 ] && ready=$t_ret
  report summarize "$work/restart.tsv" lb,replica1,replica2 "$t_cmd" "$ready" > "$work/restart-load.json"
  report restart "$work/restart-load.json" "$t_cmd" "$ready" "$work/restart.json"
  sleep 3

  # ---- 4. PostgreSQL down for 20 s under load, with a job run in progress ---------------------------------------------
  echo "== 4. PostgreSQL stopped for 20 s under load; a job run in progress when it stops"
  # A session holding account_health in SHARE mode (reads go on, writes wait): the account-health run started now
  # waits on it, and the stop interrupts it.
  psql_ka -c "BEGIN; LOCK TABLE account_health IN SHARE MODE; SELECT pg_sleep(600); COMMIT" > /dev/null 2>&1 &
  background_pids+=($!)
  sleep 1
  local job_run job_started=""
  job_run=$(curl -fsS -X POST "$LB_URL/api/v1/admin/jobs/account-health/runs" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{}' \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 100); do
    job_started=$(psql_ka -c "SELECT 1 FROM job_runs WHERE id = '$job_run' AND started_at IS NOT NULL AND ended_at IS NULL")
    [ -n "$job_started" ] && break; sleep 0.1
  done
  echo "   manual account-health run $job_run: $([ -n "$job_started" ] && echo "running (waiting on the lock)" || echo "not seen running")"
  pg_watch "$work/down-pg.txt"
  load "$work/down.tsv" 36 "$rate" "$LB_URL,$r1,$r2"
  sleep 4
  local stop_ms; stop_ms=$(faults_now)
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop > /dev/null
  sleep 10
  local health="" h
  for h in "$LB_URL" "$r1" "$r2"; do health+="$(curl -sS -o /dev/null -m 5 -w '%{http_code}' "$h/health/ready" 2>/dev/null || true) "; done
  local down_left=$(( 20000 - ($(faults_now) - stop_ms) ))
  [ "$down_left" -gt 0 ] && sleep "$(python3 -c "print($down_left / 1000)")"
  local start_ms; start_ms=$(faults_now)
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -l "$pgdir/postgres.log" -w -t 60 -o "-p $PG_PORT -k $pgdir/run" start > /dev/null
  wait "$load_pid" || true
  kill "$watch_pid" 2>/dev/null; wait "$watch_pid" 2>/dev/null || true
  read -r down ready < <(pg_transitions "$work/down-pg.txt")
  [ "$ready" = 0 ] && ready=$(faults_now)
  report summarize "$work/down.tsv" lb,replica1,replica2 "$stop_ms" "$ready" > "$work/down-load.json"
  report down "$work/down-load.json" "$stop_ms" "$ready" "$health" "$work/down.json"

  # ---- 4b. The interrupted run retried ---------------------------------------------------------------------------------
  echo "== 4b. The interrupted job run, retried (the first retry 60 s after the failure: waiting up to 4 minutes)"
  local retry="" interrupted=""
  deadline=$(( $(date +%s) + 240 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    retry=$(psql_ka -F ' ' -c "SELECT round(extract(epoch FROM started_at) * 1000), round(extract(epoch FROM ended_at) * 1000), attempt, trigger FROM job_runs
                                WHERE job_key = 'account-health' AND trigger IN ('Retry', 'Recovery') AND started_at > to_timestamp($stop_ms / 1000.0)
                                AND outcome = 'Succeeded' ORDER BY started_at LIMIT 1")
    [ -n "$retry" ] && break
    sleep 2
  done
  interrupted=$(psql_ka -F $'\t' -c "SELECT coalesce(outcome, 'open'), coalesce(left(error, 160), '-') FROM job_runs WHERE id = '$job_run'")
  psql_ka -F ' | ' -c "SELECT trigger, attempt, to_char(queued_at, 'HH24:MI:SS.MS'), to_char(started_at, 'HH24:MI:SS.MS'), to_char(ended_at, 'HH24:MI:SS.MS'), coalesce(outcome, 'open'), left(coalesce(error, ''), 100), node
                       FROM job_runs WHERE job_key = 'account-health' AND queued_at > to_timestamp($stop_ms / 1000.0) - interval '30 seconds' ORDER BY queued_at" > "$work/s4b-runs.txt"
  sed 's/^/   /' "$work/s4b-runs.txt"
  report job "$job_run" "$interrupted" "$retry" "$ready" "$([ -n "$job_started" ] && echo 1 || echo 0)" "$work/job.json"

  # ---- 5. Each escalation step once --------------------------------------------------------------------------------
  echo "== 5. Each escalation step once"
  local dups steps
  dups=$(psql_ka -c "SELECT count(*) FROM (SELECT complaint_id, kind, clock, level FROM complaint_timeline
                      WHERE kind IN ('AtRisk', 'Escalated') GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d")
  steps=$(psql_ka -F ' ' -c "SELECT count(*), coalesce(sum((counts ->> 'complaintSteps')::int), 0) FROM job_runs WHERE job_key = 'complaint-escalation' AND queued_at >= '$suite_start'")
  local all_steps; all_steps=$(psql_ka -c "SELECT count(*) FROM complaint_timeline WHERE kind IN ('AtRisk', 'Escalated')")
  report steps "$dups" "$steps" "$all_steps" "$work/steps.json"

  if [ -n "${FAULTS_KEEP:-}" ]; then
    mkdir -p "$FAULTS_KEEP"; cp "$work"/*.log "$work"/*.tsv "$work"/*.json "$work"/*.txt "$FAULTS_KEEP"/ 2>/dev/null || true
    cp "$work/nginx/error.log" "$FAULTS_KEEP/nginx-error.log" 2>/dev/null || true; cp "$pgdir/postgres.log" "$FAULTS_KEEP/" 2>/dev/null || true
  fi
  report final "$work"
}

# Stops what the suite started: replicas.sh (which stops its replicas, nginx, Redis and PostgreSQL), then whatever of
# it is left after 30 s (a replica that does not end on SIGTERM) with SIGKILL, and the cluster.
faults_teardown() {
  local p
  for p in "${background_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${replicas_pid:-}" ] || return 0
  [ -f "$work/topology.env" ] && . "$work/topology.env"
  local redis_pid=""
  [ -n "${REDIS_PORT:-}" ] && redis_pid=$(pgrep -f "^redis-server 127\.0\.0\.1:$REDIS_PORT( |\$)" | head -n 1 || true)
  for p in "${restarted_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  kill -TERM "$replicas_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$replicas_pid" 2>/dev/null || break
    sleep 1
  done
  for p in "${REPLICA_PIDS[@]}" "${restarted_pids[@]}" ${NGINX_PID:-} $redis_pid; do
    if kill -0 "$p" 2>/dev/null; then echo "   pid $p still running after SIGTERM: SIGKILL" >&2; kill -9 "$p" 2>/dev/null || true; fi
  done
  wait "$replicas_pid" 2>/dev/null || true
  pg_stop_cluster "$work/postgres"
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true; fi
}
