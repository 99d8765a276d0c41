#!/usr/bin/env bash
# deploy/bench.sh exports (sourced after deploy/bench/lib.sh).
#   exports  — the list exports stream: GET /api/v1/accounts/export (director's token, every account) over 100,000
#              accounts (seed-accounts.sql), as CSV and as xlsx, and the same with a filter that leaves ~10,000
#              (industry=retail). For each download: the wall time, rows/s, bytes, and the API process's resident set
#              sampled every 100 ms while it runs (/proc/<pid>/status VmRSS) — the peak's growth over the resident set
#              before the downloads is what "memory flat" is about: 100,000 rows should need no more than 10,000 do.
#              Before and after, the process's own figures (GET /bench/memory: RSS, managed heap, GC heap size; a
#              full collection first for "before").
#              Env: BENCH_EXPORT_REPS (downloads per case, the best time is kept; default 2).
bench_exports() {
  local reps=${BENCH_EXPORT_REPS:-2}
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_database
  start_api

  echo "== Seeding 100,000 accounts (seed-accounts.sql)"
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local accounts
  accounts=$(psql_ka -c "SELECT count(*) FROM accounts")
  echo "accounts: $accounts"
  login_director

  rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$api_pid/status"; }

  # One download; prints "<seconds> <bytes> <rows> <peak RSS KiB during it>".
  download() {
    local format=$1 query=$2 out="$work/export.$1" samples="$work/rss.samples" sampler result code secs bytes rows
    : > "$samples"
    ( while :; do rss_kib >> "$samples"; sleep 0.1; done ) &
    sampler=$!
    result=$(curl -sS -o "$out" -w '%{http_code} %{time_total} %{size_download}' -H "$auth" "$base/api/v1/accounts/export?format=$format&lang=en$query")
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    rss_kib >> "$samples"
    read -r code secs bytes <<<"$result"
    if [ "$code" != 200 ]; then echo "export answered $code: $(head -c 400 "$out")" >&2; exit 1; fi
    if [ "$format" = csv ]; then
      rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))) - 1)' "$out")
    else
      rows=$(python3 -c '
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    sheet = next(n for n in z.namelist() if n.startswith("xl/worksheets/"))
    print(len(re.findall(rb"<row[ >]", z.read(sheet))) - 1)' "$out")
    fi
    echo "$secs $bytes $rows $(sort -n "$samples" | tail -n 1)"
  }

  echo "== Warm-up (JIT, pools): one small export of each format"
  download csv "&industry=retail" >/dev/null
  download xlsx "&industry=retail" >/dev/null

  local before after
  before=$(curl -fsS "$base/bench/memory?collect=true")
  echo "before: $before"
  local baseline_kib
  baseline_kib=$(rss_kib)

  local results="$work/results.tsv"
  : > "$results"
  local format label query i line
  for format in csv xlsx; do
    for label in 10k 100k; do
      query=""
      [ "$label" = 10k ] && query="&industry=retail"
      for i in $(seq 1 "$reps"); do
        line=$(download "$format" "$query")
        echo "$format $label: $line (seconds bytes rows peakRssKiB)"
        # The best time and the highest peak over the repetitions are reported.
        printf '%s\t%s\t%s\n' "$format" "$label" "$line" >> "$results"
      done
    done
  done
  after=$(curl -fsS "$base/bench/memory")
  echo "after: $after"

  python3 - "$results" "$baseline_kib" "$before" "$after" "$accounts" <<'PY'
import json, sys
rows_file, baseline_kib, before, after, accounts = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4]), int(sys.argv[5])
cases = {}
for line in open(rows_file):
    fmt, label, figures = line.rstrip("\n").split("\t")
    secs, size, rows, peak = figures.split()
    c = cases.setdefault(f"{fmt}{label}", {"seconds": None, "bytes": int(size), "rows": int(rows), "peakRssKiB": 0})
    c["seconds"] = float(secs) if c["seconds"] is None else min(c["seconds"], float(secs))
    c["peakRssKiB"] = max(c["peakRssKiB"], int(peak))
mib = lambda kib: round(kib / 1024, 1)
out = {"benchmark": "exports", "accounts": accounts, "rssBeforeMiB": mib(baseline_kib),
       "managedHeapBeforeMiB": round(before["managedHeapBytes"] / 2**20, 1), "managedHeapAfterMiB": round(after["managedHeapBytes"] / 2**20, 1),
       "gcHeapAfterMiB": round(after["gcHeapSizeBytes"] / 2**20, 1)}
for key, c in cases.items():
    out[key] = {"rows": c["rows"], "seconds": round(c["seconds"], 2), "rowsPerSecond": round(c["rows"] / c["seconds"]), "megabytes": round(c["bytes"] / 2**20, 1),
                "peakRssMiB": mib(c["peakRssKiB"]), "rssGrowthMiB": mib(c["peakRssKiB"] - baseline_kib)}
# Flat: the 100k download's growth over the baseline is within 32 MiB of the 10k one's, for each format.
out["memoryFlat"] = all(out[f"{f}100k"]["rssGrowthMiB"] <= out[f"{f}10k"]["rssGrowthMiB"] + 32 for f in ("csv", "xlsx"))
print(json.dumps(out, separators=(",", ":")))
PY
}
