"""deploy/bench.sh faults: the arithmetic of the fault suite (deploy/bench/faults.sh). Each command reads the raw
figures of one scenario (the load generator's request lines, times in epoch ms, what the shell measured), writes the
scenario's JSON to a file and prints its readable lines; `final` prints the JSON line with every scenario and the goals.
  faults_report.py summarize FILE NAMES FAULT_MS READY_MS        -> JSON on stdout (per target of a load run)
  faults_report.py ratelimit FILE BUDGET OUT
  faults_report.py kill LOAD_JSON KILL_MS TAKEOVER VICTIM WHY BACK_S OUT
  faults_report.py restart LOAD_JSON CMD_MS READY_MS OUT
  faults_report.py down LOAD_JSON STOP_MS READY_MS HEALTH OUT
  faults_report.py job RUN_ID INTERRUPTED RETRY READY_MS WAS_RUNNING OUT
  faults_report.py steps DUPLICATES RUNS_STEPS ALL_STEPS OUT
  faults_report.py final WORK
"""
import json
import sys


def rows_of(path):
    rows = []
    with open(path) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 5:
                rows.append((int(p[0]), int(p[1]), int(p[2]), int(p[3]), int(p[4]), p[5] if len(p) > 5 else ""))
    return rows


def is_ok(status):
    return 200 <= status < 300


def is_failed(status):
    return status == 0 or status >= 500


def summarize(path, names, fault_ms, ready_ms):
    """Per target: requests, 2xx, 500, 503, other 5xx, unanswered, 429, failed (unanswered or 5xx), p99 and max latency;
    with FAULT_MS the requests in flight at that moment; with READY_MS (PostgreSQL accepting connections again) the
    first 2xx and the last failure after it (seconds), and the recovery: until the later of the two."""
    rows = rows_of(path)
    out = {}
    for i, name in enumerate(names):
        mine = [r for r in rows if r[2] == i]
        failed = [r for r in mine if is_failed(r[3])]
        lat = sorted(r[4] for r in mine)
        s = {"requests": len(mine), "ok": sum(1 for r in mine if is_ok(r[3])),
             "s500": sum(1 for r in mine if r[3] == 500), "s503": sum(1 for r in mine if r[3] == 503),
             "s5xx_other": sum(1 for r in mine if r[3] > 500 and r[3] != 503), "no_answer": sum(1 for r in mine if r[3] == 0),
             "s429": sum(1 for r in mine if r[3] == 429), "failed": len(failed),
             "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else None, "max_ms": lat[-1] if lat else None}
        if fault_ms:
            s["in_flight_at_fault"] = sum(1 for r in mine if r[0] <= fault_ms < r[1])
        if ready_ms:
            first_ok = min((r[1] for r in mine if r[1] >= ready_ms and is_ok(r[3])), default=None)
            last_fail = max((r[1] for r in failed if r[1] >= ready_ms), default=None)
            s["first_ok_s"] = None if first_ok is None else round((first_ok - ready_ms) / 1000, 3)
            s["last_failure_s"] = None if last_fail is None else round((last_fail - ready_ms) / 1000, 3)
            s["recovery_s"] = None if first_ok is None else round((max(first_ok, last_fail or 0) - ready_ms) / 1000, 3)
        out[name] = s
    return out


def write(path, value):
    with open(path, "w") as f:
        json.dump(value, f)


def target_line(name, t):
    fives = t["s500"] + t["s503"] + t["s5xx_other"]
    line = (f"   {name:9}: {t['requests']} requests, {t['failed']} failed ({t['s500']}x500, {t['s503']}x503, "
            f"{t['s5xx_other']} other 5xx, {t['no_answer']} unanswered; {fives} 5xx in all), p99 {t['p99_ms']} ms, max {t['max_ms']} ms")
    if "in_flight_at_fault" in t:
        line += f"; {t['in_flight_at_fault']} in flight at the fault"
    if "recovery_s" in t:
        line += f"; recovery {t['recovery_s']} s (first 2xx {t['first_ok_s']} s, last failure {t['last_failure_s']} s after PostgreSQL was back)"
    return line


def main(argv):
    cmd, a = argv[1], argv[2:]
    if cmd == "summarize":
        print(json.dumps(summarize(a[0], a[1].split(","), int(a[2] or 0), int(a[3] or 0))))
    elif cmd == "ratelimit":
        rows = sorted(rows_of(a[0]), key=lambda r: r[1])
        budget = int(a[1])
        first429 = next((r for r in rows if r[3] == 429), None)
        accepted = sum(1 for r in rows if is_ok(r[3]))
        s = {"budget": budget, "accepted": accepted,
             "accepted_before_first_429": sum(1 for r in rows if is_ok(r[3]) and (first429 is None or r[1] <= first429[1])),
             "first_429": first429 is not None, "requests": len(rows),
             "other": sum(1 for r in rows if not is_ok(r[3]) and r[3] != 429),
             "seconds": round((rows[-1][1] - rows[0][0]) / 1000, 1) if rows else 0,
             "ratio": round(accepted / budget, 4)}
        write(a[2], s)
        print(f"   {s['accepted']} requests answered 2xx ({s['accepted_before_first_429']} before the first 429) of a budget of "
              f"{budget}: ratio {s['ratio']}; {s['requests']} requests in {s['seconds']} s; a 429 came: {s['first_429']}; other answers: {s['other']}")
    elif cmd == "kill":
        load = json.load(open(a[0]))["lb"]
        kill_ms, takeover = int(a[1]), a[2].split()
        s = {"killed_replica": int(a[3]) + 1, "why": a[4], "lb": load,
             "escalation_on_survivor_s": round((int(takeover[0]) - kill_ms) / 1000, 1) if takeover else None,
             "escalation_late_s": round(int(takeover[1]) / 1000, 1) if takeover else None,
             "escalation_trigger": takeover[2] if takeover else None, "escalation_outcome": takeover[3] if takeover else None,
             "replica_restart_ready_s": float(a[5])}
        write(a[6], s)
        print(target_line("lb", load))
        print(f"   escalation on the surviving replica {s['escalation_on_survivor_s']} s after the kill ({s['escalation_late_s']} s after "
              f"its due time; trigger {s['escalation_trigger']}, outcome {s['escalation_outcome']}); the killed replica ready again "
              f"{s['replica_restart_ready_s']} s after its start")
    elif cmd == "restart":
        s = {"restart_s": round((int(a[2]) - int(a[1])) / 1000, 3), "targets": json.load(open(a[0]))}
        write(a[3], s)
        print(f"   PostgreSQL accepted connections again {s['restart_s']} s after the restart command")
        for n, t in s["targets"].items():
            print(target_line(n, t))
    elif cmd == "down":
        # From the stop command until PostgreSQL accepted connections again (20 s, and the start).
        s = {"down_s": round((int(a[2]) - int(a[1])) / 1000, 1),
             "health_ready_while_down": dict(zip(["lb", "replica1", "replica2"], a[3].split())),
             "targets": json.load(open(a[0]))}
        write(a[4], s)
        print(f"   PostgreSQL down {s['down_s']} s (from the stop command until it accepted connections again); /health/ready while down: {s['health_ready_while_down']}")
        for n, t in s["targets"].items():
            print(target_line(n, t))
    elif cmd == "job":
        interrupted = a[1].split("\t")
        retry = a[2].split()
        ready = int(a[3])
        s = {"run": a[0], "was_running_at_stop": a[4] == "1", "interrupted_outcome": interrupted[0] or None,
             "interrupted_error": interrupted[1] if len(interrupted) > 1 else None,
             "retried": bool(retry), "retry_trigger": retry[3] if retry else None, "retry_attempt": int(retry[2]) if retry else None,
             "retry_succeeded_s_after_db_back": round((int(retry[1]) - ready) / 1000, 1) if retry else None}
        write(a[5], s)
        print(f"   the interrupted run: {s['interrupted_outcome']} ({s['interrupted_error']}); run again and succeeded: {s['retried']} "
              f"({s['retry_trigger']}, attempt {s['retry_attempt']}, ended {s['retry_succeeded_s_after_db_back']} s after PostgreSQL was back)")
    elif cmd == "steps":
        runs, steps = (int(x) for x in a[1].split())
        s = {"duplicates": int(a[0]), "steps_recorded": int(a[2]), "runs_during_suite": runs, "steps_during_suite": steps}
        write(a[3], s)
        print(f"   {s['duplicates']} escalation steps recorded twice (of {s['steps_recorded']} recorded); "
              f"{runs} escalation runs during the suite took {steps} steps")
    elif cmd == "final":
        w = a[0]
        s = {k: json.load(open(f"{w}/{k}.json")) for k in ("ratelimit", "kill", "restart", "down", "job", "steps")}
        rl, kill, restart, down, job, esc = s["ratelimit"], s["kill"], s["restart"], s["down"], s["job"], s["steps"]
        replicas = ("replica1", "replica2")

        def recovered(t):
            return t.get("recovery_s") is not None and t["recovery_s"] < 2

        goals = {
            "rate_limit_within_5pct": rl["first_429"] and abs(rl["ratio"] - 1) <= 0.05,
            "replica_kill_no_failed_request": kill["lb"]["failed"] == 0,
            "replica_kill_survivor_runs_escalation": kill["escalation_on_survivor_s"] is not None,
            "pg_restart_costs_at_most_in_flight": all(t["failed"] <= t["in_flight_at_fault"] for t in restart["targets"].values()),
            "pg_restart_recovery_under_2s": all(recovered(restart["targets"][r]) for r in replicas),
            "pg_down_no_500": all(t["s500"] == 0 for t in down["targets"].values()),
            "pg_down_503_while_down": all(down["targets"][r]["s503"] > 0 for r in replicas),
            "pg_down_recovery_under_2s": all(recovered(down["targets"][r]) for r in replicas),
            "interrupted_job_retried": job["was_running_at_stop"] and job["retried"],
            "escalation_steps_once": esc["duplicates"] == 0,
        }
        print(json.dumps({"benchmark": "faults", "rate_limit": rl, "replica_kill": kill, "pg_restart_immediate": restart,
                          "pg_down_20s": down, "interrupted_job": job, "escalation_steps": esc, "goals": goals}))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main(sys.argv)
