#!/usr/bin/env bash
# Benchmarks on a fresh local database; each prints, last, one JSON line with its figures and the baseline
# measured in the same run. Usage: deploy/bench.sh <name>, one of deploy/bench/<name>.sh:
#   api, tiering, complaints, atrisk, webhooks, exports, plans, surveys — what each measures is described at the top of its file;
#   faults — the fault suite: not on the bench host but on deploy/replicas.sh's topology with two replicas (a replica
#   killed, PostgreSQL restarted and down, a job interrupted, escalation steps, the shared rate limit).
# The others run the bench host (bench/KeyAccount.Bench.Host: the API as in production plus its /bench
# endpoints) and share deploy/bench/lib.sh (database, host, token, wrk slices, statement log) and
# deploy/bench/stats.py (the JSON line's arithmetic), and honour BENCH_KEEP_LOG=<file> (a copy of the
# host's log of the run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

name=${1:-}
available=$(for f in deploy/bench/*.sh; do b=$(basename "$f" .sh); [ "$b" = lib ] || printf '%s|' "$b"; done)
available=${available%|}
if [ -z "$name" ] || [ "$name" = lib ] || [ ! -f "deploy/bench/$name.sh" ]; then
  echo "usage: deploy/bench.sh $available" >&2; exit 2
fi

. deploy/bench/lib.sh
. "deploy/bench/$name.sh"
"bench_$name"
