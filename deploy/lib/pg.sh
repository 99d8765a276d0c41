#!/usr/bin/env bash
# Sourced helpers: a PostgreSQL cluster of KeyAccount's own, from the machine's server binaries.
# When run as root, initdb/postgres run as the `postgres` system user (they refuse root), on a data folder it owns.

pg_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them: apt-get install postgresql" >&2
  return 1
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_port_taken PORT — true when something already listens on 127.0.0.1:PORT (another PostgreSQL, another project).
pg_port_taken() {
  python3 -c 'import socket,sys
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
finally:
    s.close()
sys.exit(1)' "$1"
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The folder the cluster lives in. As root, the postgres user must be able to reach it; when the requested
# folder sits under a path postgres cannot traverse (e.g. /root), the cluster goes to /var/tmp instead.
pg_cluster_dir() {
  local dir="$1"
  if [ "$(id -u)" = "0" ]; then
    mkdir -p "$dir"
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      local hash; hash=$(printf '%s' "$(cd "$dir" && pwd)" | md5sum | cut -c1-12)
      dir="/var/tmp/keyaccount-pg-$hash"
      echo "note: the postgres user cannot reach $1; the cluster lives in $dir" >&2
    fi
  fi
  echo "$dir"
}

# pg_start_cluster DIR PORT — creates (once) and starts the cluster; exports PG_CONNECTION and PG_CLUSTER_DIR.
pg_start_cluster() {
  local requested="$1" port="$2" bin dir
  bin=$(pg_bin) || return 1
  mkdir -p "$requested"
  dir=$(pg_cluster_dir "$requested")
  mkdir -p "$dir/run"
  local pwfile="$requested/pg-password"
  if [ ! -s "$pwfile" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$pwfile")
  fi
  local password; password=$(cat "$pwfile")
  if [ "$(id -u)" = "0" ]; then chown -R postgres "$dir"; fi

  if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
    local tmp; tmp=$(mktemp); printf '%s\n' "$password" > "$tmp"; chmod 644 "$tmp"
    pg_as_owner "$bin/initdb" -D "$dir/pgdata" -U keyaccount --pwfile="$tmp" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
      || { rm -f "$tmp"; echo "initdb failed; see $dir/initdb.log" >&2; return 1; }
    rm -f "$tmp"
    cat >> "$dir/pgdata/postgresql.conf" <<CONF
# KeyAccount's own cluster
listen_addresses = '127.0.0.1'
max_connections = 200
shared_buffers = 256MB
CONF
  fi

  if pg_as_owner "$bin/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1; then
    echo "PostgreSQL already running in $dir/pgdata" >&2
  else
    if pg_port_taken "$port"; then
      local wanted="$port"
      port=$(pg_free_port)
      echo "note: port $wanted is taken (another PostgreSQL or program); this cluster uses port $port" >&2
    fi
    pg_as_owner "$bin/pg_ctl" -D "$dir/pgdata" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -k $dir/run" start >/dev/null \
      || { echo "PostgreSQL did not start; see $dir/postgres.log" >&2; tail -n 20 "$dir/postgres.log" >&2; return 1; }
  fi
  local actual_port
  actual_port=$(sed -n 4p "$dir/pgdata/postmaster.pid" 2>/dev/null)
  port=${actual_port:-$port}
  if ! PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U keyaccount -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='keyaccount'" | grep -q 1; then
    PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U keyaccount -d postgres -qc "CREATE DATABASE keyaccount" >/dev/null
  fi
  export PG_CLUSTER_DIR="$dir"
  export PG_CONNECTION="Host=127.0.0.1;Port=$port;Database=keyaccount;Username=keyaccount;Password=$password"
}

# pg_stop_cluster DIR — fast shutdown; quiet when not running.
pg_stop_cluster() {
  local dir bin
  bin=$(pg_bin) || return 0
  dir=$(pg_cluster_dir "$1" 2>/dev/null)
  if [ -f "$dir/pgdata/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
