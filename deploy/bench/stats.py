"""The benchmarks' shared arithmetic for their JSON line (imported by the Python steps of deploy/bench/*.sh)."""
from collections import defaultdict


def ms(v):
    """A wrk duration (950.00us, 1.23ms, 2.00s, 1.50m) in milliseconds."""
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if v.endswith(unit):
            return float(v[: -len(unit)]) * f
    return float(v)


def read_slices(path):
    """wrk_slices' TSV (rep, slice, req/s, p50, p99, requests, timeouts) as {rep: {slice: figures}}, durations in ms."""
    runs = defaultdict(dict)
    for line in open(path):
        if not line.strip():
            continue
        rep, s, rps, p50, p99, requests, timeouts = line.rstrip("\n").split("\t")
        runs[int(rep)][s] = {"rps": float(rps), "p50": ms(p50), "p99": ms(p99), "requests": int(requests), "timeouts": int(timeouts)}
    if not runs:
        raise SystemExit(f"{path}: no slice was measured")
    return runs
