#!/usr/bin/env bash
# Runs the product as production runs it, on this machine: PostgreSQL, Redis, N stateless API replicas and nginx as the
# load balancer in front of them, all on loopback. The migration step runs once before the replicas start; the
# replicas share the database (Quartz clustered on it: each job runs on one replica), Redis (rate limits) and the
# signing key. Ctrl-C stops it all.
#   deploy/replicas.sh [N]      N replicas (default 2)
# Environment: KEYACCOUNT_PORT (the load balancer's port, default 5090), KEYACCOUNT_DATA (default .data-replicas),
# KEYACCOUNT_DEMO_PASSWORD. redis-server and nginx come from Debian's packages, installed here when missing.
# For the fault suite (deploy/bench.sh faults) the script writes $data/topology.env: the ports and process ids.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
. deploy/lib/pg.sh
. deploy/lib/packages.sh
. deploy/lib/api.sh

replicas=${1:-2}
[[ "$replicas" =~ ^[1-9][0-9]?$ ]] || { echo "usage: deploy/replicas.sh [N]   (1 to 99 replicas)" >&2; exit 2; }
port=${KEYACCOUNT_PORT:-5090}
data=${KEYACCOUNT_DATA:-$repo/.data-replicas}
demo_password=${KEYACCOUNT_DEMO_PASSWORD:-KeyAccount!2026}
mkdir -p "$data"
data=$(cd "$data" && pwd)

ensure_packages redis-server redis-server
ensure_packages nginx nginx

pids=()
started_db=""
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping the replicas, nginx and Redis…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_db" ]; then echo "Stopping PostgreSQL…"; pg_stop_cluster "$data/postgres"; fi
}
trap cleanup INT TERM EXIT

build_log="$data/build.log"
: > "$build_log"

if pg_port_taken "$port"; then
  if [ -n "${KEYACCOUNT_PORT:-}" ]; then echo "Port $port (KEYACCOUNT_PORT) is taken: choose another one." >&2; exit 1; fi
  wanted=$port; port=$(pg_free_port)
  echo "note: port $wanted is taken; the load balancer uses port $port (set KEYACCOUNT_PORT to choose)"
fi

if [ -z "${ConnectionStrings__KeyAccount:-}" ]; then
  echo "Starting PostgreSQL in $data/postgres …"
  pg_port=${KEYACCOUNT_PG_PORT:-54339}
  if pg_port_taken "$pg_port"; then pg_port=$(pg_free_port); fi
  pg_start_cluster "$data/postgres" "$pg_port"
  started_db=1
  export ConnectionStrings__KeyAccount="$PG_CONNECTION"
fi
pg_port=$(echo "$ConnectionStrings__KeyAccount" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')

redis_port=$(pg_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning \
  > "$data/redis.log" 2>&1 &
pids+=($!)
export ConnectionStrings__Redis="127.0.0.1:$redis_port"

api_signing_key "$data"

api_build_client "$build_log"
api_build "$build_log"
api_log_format
api_migrate "$build_log"

base="http://127.0.0.1:$port"
mail_dir="${Mail__PickupDirectory:-$data/mail}"
mkdir -p "$mail_dir"
export ASPNETCORE_ENVIRONMENT=Production Mail__PickupDirectory="$mail_dir" App__PublicBaseUrl="${App__PublicBaseUrl:-$base}"
replica_ports=()
replica_pids=()
for i in $(seq 1 "$replicas"); do
  rport=$(pg_free_port)
  printf 'Starting replica %s on port %s …' "$i" "$rport"
  # The first replica writes the demo data (once per database); the others start when it is ready.
  seed=false; [ "$i" = 1 ] && seed=true
  ASPNETCORE_URLS="http://127.0.0.1:$rport" KeyAccount__SeedDemo=$seed KeyAccount__DemoPassword="$demo_password" \
    dotnet "$api_out/KeyAccount.Api.dll" --contentRoot "$api_out" > "$data/api-$i.log" 2>&1 &
  pid=$!
  pids+=("$pid"); replica_pids+=("$pid"); replica_ports+=("$rport")
  api_wait_ready "http://127.0.0.1:$rport" "$pid" "$data/api-$i.log"
  echo " ready."
done

# nginx: round robin over the replicas; a replica that refuses connections is skipped (the request goes to the next
# one: a request that never reached a replica is safe to send again, even a POST), and tried again after 5 s.
mkdir -p "$data/nginx"
{
  echo "worker_processes 1;"
  echo "pid $data/nginx/nginx.pid;"
  echo "error_log $data/nginx/error.log warn;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  access_log $data/nginx/access.log;"
  echo "  client_body_temp_path $data/nginx/body; proxy_temp_path $data/nginx/proxy;"
  echo "  fastcgi_temp_path $data/nginx/fastcgi; uwsgi_temp_path $data/nginx/uwsgi; scgi_temp_path $data/nginx/scgi;"
  echo "  client_max_body_size 2m;"
  echo "  upstream keyaccount {"
  for rport in "${replica_ports[@]}"; do echo "    server 127.0.0.1:$rport max_fails=1 fail_timeout=5s;"; done
  echo "    keepalive 32;"
  echo "  }"
  echo "  server {"
  echo "    listen 127.0.0.1:$port;"
  echo "    location / {"
  echo "      proxy_pass http://keyaccount;"
  echo "      proxy_http_version 1.1;"
  echo "      proxy_set_header Connection \"\";"
  echo "      proxy_set_header Host \$host;"
  echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
  echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
  echo "      proxy_next_upstream error timeout;"
  echo "      proxy_connect_timeout 2s;"
  echo "      proxy_read_timeout 120s;"
  echo "    }"
  echo "  }"
  echo "}"
} > "$data/nginx/nginx.conf"
nginx -t -c "$data/nginx/nginx.conf" -p "$data/nginx" >> "$build_log" 2>&1 || fail "$build_log"
nginx -c "$data/nginx/nginx.conf" -p "$data/nginx" -g 'daemon off;' > "$data/nginx/stdout.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$base/health/ready" || fail "$data/nginx/error.log"

{
  echo "LB_URL=$base"
  echo "NGINX_PID=$nginx_pid"
  echo "REDIS_PORT=$redis_port"
  echo "PG_PORT=$pg_port"
  echo "PG_DATA=$( [ -n "$started_db" ] && echo "$(pg_cluster_dir "$data/postgres")/pgdata" || echo "")"
  echo "DEMO_PASSWORD='$demo_password'"
  echo "REPLICA_PORTS=(${replica_ports[*]})"
  echo "REPLICA_PIDS=(${replica_pids[*]})"
} > "$data/topology.env"

cat <<MSG

KeyAccount is running as $replicas replicas behind nginx.
  App:        $base/   (nginx, round robin)
  Replicas:   $(for i in "${!replica_ports[@]}"; do printf 'http://127.0.0.1:%s (log %s)  ' "${replica_ports[$i]}" "$data/api-$((i+1)).log"; done)
  Database:   $( [ -n "$started_db" ] && echo "own cluster in $data/postgres, port $pg_port" || echo "from ConnectionStrings__KeyAccount")
  Redis:      127.0.0.1:$redis_port (rate limits shared by the replicas)
  Topology:   $data/topology.env

Demo logins as deploy/run.sh prints them (password: $demo_password), e.g. director@demo.keyaccount.local.
Press Ctrl-C to stop.
MSG
wait "$nginx_pid"
