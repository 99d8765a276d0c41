#!/usr/bin/env bash
# deploy/bench.sh webhooks (sourced after deploy/bench/lib.sh).
#   webhooks — 10,000 events committed at once into the outbox and delivered by the real Quartz job to local
#              receivers (node, 204 at once), twice: (a) two healthy receivers; (b) the same two plus a dead one
#              whose port refuses every connection. Figures per phase: events/s delivered to each healthy receiver
#              (10,000 ÷ time from commit to the last arrival), p50/p99 of commit→arrival at the healthy receivers,
#              duplicates by webhook-id; the goal is (b)'s healthy p99 within 1.5× of (a)'s. The API process's RSS
#              before, at the end of each phase, and its peak. The baseline of (b) is (a), in the same run.
#              A warm-up of 1,000 events comes first and is not measured. Env: BENCH_EVENTS (default 10000).
bench_webhooks() {
  events=${BENCH_EVENTS:-10000}
  start_database
  BENCH_JOBS=true BENCH_EXTRA_ENV="Webhooks__AllowPrivateTargets=true Webhooks__PollSeconds=1" start_api

  token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"admin@demo.keyaccount.local","password":"Bench!2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
  admin="Authorization: Bearer $token"

  rx_pids=()
  start_receiver() { node deploy/bench/webhook-receiver.mjs "$1" & rx_pids+=($!); }
  trap 'for p in "${rx_pids[@]}"; do kill "$p" 2>/dev/null || true; done; cleanup' EXIT
  p1=$(pg_free_port); start_receiver "$p1"
  p2=$(pg_free_port); [ "$p2" = "$p1" ] && p2=$((p1 + 1)); start_receiver "$p2"
  dead=$(pg_free_port)   # nothing listens there: every connection is refused
  sleep 1

  subscribe() {
    curl -fsS -X POST "$base/api/v1/webhooks/endpoints" -H "$admin" -H 'Content-Type: application/json' \
      -d "{\"url\":\"http://127.0.0.1:$1/hook\",\"eventTypes\":[\"$2\"],\"description\":\"bench $1\"}" >/dev/null
  }
  rss() { awk '/VmRSS/ {print $2}' "/proc/$api_pid/status"; }
  rss_before=$(rss)
  peak_file="$work/peak"; echo "$rss_before" > "$peak_file"
  ( while kill -0 "$api_pid" 2>/dev/null; do r=$(rss 2>/dev/null || echo 0); [ "${r:-0}" -gt "$(cat "$peak_file")" ] && echo "$r" > "$peak_file"; sleep 0.2; done ) &
  sampler=$!

  # phase NAME EVENT_TYPE: commits $events events of that type in one transaction and waits until both healthy
  # receivers have them all (or 10 minutes); writes the receivers' stats and the commit instant.
  phase() {
    local name=$1 type=$2 t0 deadline c1 c2
    echo "== Phase $name: $events events ($type)"
    t0=$(psql_ka -c "INSERT INTO outbox_messages (type, version, payload, occurred_on)
                     SELECT '$type', 1, jsonb_build_object('accountId', gen_random_uuid(), 'name', '基准客户 ' || g), now()
                     FROM generate_series(1, $events) g;
                     SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")
    deadline=$(( $(date +%s) + 600 ))
    while :; do
      c1=$(curl -fsS "http://127.0.0.1:$p1/stats" | python3 -c 'import sys,json; print(json.load(sys.stdin)["unique"])')
      c2=$(curl -fsS "http://127.0.0.1:$p2/stats" | python3 -c 'import sys,json; print(json.load(sys.stdin)["unique"])')
      [ "$c1" -ge "$expected" ] && [ "$c2" -ge "$expected" ] && break
      [ "$(date +%s)" -gt "$deadline" ] && { echo "phase $name: only $c1 and $c2 of $expected arrived in 10 minutes" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
      sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$p1/stats" > "$work/$name-1.json"
    curl -fsS "http://127.0.0.1:$p2/stats" > "$work/$name-2.json"
    echo "$t0" > "$work/$name-t0"
    echo "$(rss)" > "$work/$name-rss"
    echo "  delivered: $c1 and $c2"
  }

  # (a) Two healthy receivers, subscribed to account.created; first a warm-up of 1,000 events (JIT, pools, plans),
  # not measured.
  subscribe "$p1" account.created; subscribe "$p2" account.created
  warmup=1000
  total=$events; events=$warmup; expected=$warmup
  phase warmup account.created
  events=$total; expected=$((warmup + events))
  phase healthy account.created

  # (b) The same receivers and a dead one, on another event type so that phase (a)'s arrivals do not count again.
  subscribe "$p1" account.updated; subscribe "$p2" account.updated; subscribe "$dead" account.updated
  expected=$((warmup + events * 2))
  phase with_dead account.updated
  dead_state=$(psql_ka -c "SELECT count(*) FILTER (WHERE status = 'Pending') || ' pending, ' || coalesce(max(attempts), 0) || ' attempts at most'
                           FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.url LIKE '%:$dead/%'")
  kill "$sampler" 2>/dev/null || true
  rss_peak=$(cat "$peak_file")

  python3 - "$work" "$events" "$rss_before" "$rss_peak" "$dead_state" "$warmup" <<'PY'
import json, sys
work, events, rss_before, rss_peak, dead_state, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
out = {"benchmark": "webhooks", "events": events, "warmup_events": warmup, "receivers_healthy": 2}
for name, skip in (("healthy", warmup), ("with_dead", warmup + events)):
    t0 = int(open(f"{work}/{name}-t0").read())
    delays, rates, dups = [], [], 0
    for r in (1, 2):
        s = json.load(open(f"{work}/{name}-{r}.json"))
        arrivals = s["arrivals"][skip:]        # each phase follows the earlier phases' arrivals at the same receivers
        dups += s["duplicates"]
        d = [a - t0 for a in arrivals]
        delays += d
        rates.append(events / (max(d) / 1000))
    out[name] = {"events_per_second_per_receiver": round(min(rates), 1), "p50_ms": round(pct(delays, 50), 1),
                 "p99_ms": round(pct(delays, 99), 1), "duplicates": dups,
                 "rss_mb_after": round(int(open(f"{work}/{name}-rss").read()) / 1024, 1)}
out["healthy_p99_ratio_with_dead"] = round(out["with_dead"]["p99_ms"] / out["healthy"]["p99_ms"], 3)
out["target_p99_ratio"] = 1.5
out["pass"] = out["healthy_p99_ratio_with_dead"] <= 1.5 and out["healthy"]["duplicates"] == 0 and out["with_dead"]["duplicates"] == 0
out["dead_receiver"] = dead_state
out["rss_mb_before"] = round(rss_before / 1024, 1)
out["rss_mb_peak"] = round(rss_peak / 1024, 1)
for name in ("healthy", "with_dead"):
    x = out[name]
    print(f"  {name:9s}: {x['events_per_second_per_receiver']} events/s per healthy receiver, commit→arrival p50 {x['p50_ms']} ms, p99 {x['p99_ms']} ms, duplicates {x['duplicates']}, RSS after {x['rss_mb_after']} MB")
print(f"  healthy p99 with the dead receiver ÷ without: {out['healthy_p99_ratio_with_dead']} (goal <= 1.5); dead receiver's deliveries: {dead_state}")
print(f"  API RSS: {out['rss_mb_before']} MB before, {out['rss_mb_peak']} MB peak")
print(json.dumps(out, ensure_ascii=False))
PY
}
