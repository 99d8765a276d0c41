#!/usr/bin/env bash
# deploy/bench.sh tiering (sourced after deploy/bench/lib.sh).
#   tiering  — a tiering run (POST /api/v1/tiering/runs, the published default policy v1) over 100,000 Active
#              accounts with 24 months of revenue each (2.4M revenue rows), wall time measured by the client — the
#              application's SQL gathers the facts and percentile ranks, the domain scores and decides in memory, the
#              history and the moves are written back in bulk — vs
#              one hand-written SQL statement doing the same work (deploy/bench/tiering-baseline.sql: aggregation,
#              percentile normalisation, weighted score, cut-offs with hysteresis and overrides, history rows into a
#              table shaped like tier_assignments, accounts.tier), timed inside BEGIN … ROLLBACK with jit off and
#              work_mem 128MB for its transaction (the API keeps the server defaults). One warm-up run (the Initial
#              run for every account), then BENCH_REPS rounds (default 3) alternating which goes first, each step
#              from the same settled state (VACUUM ANALYZE, CHECKPOINT; untimed); medians reported. Then two
#              agreement checks, exit 1 on any difference: the baseline committed once vs the last run (per-tier
#              counts and per account), and both after a change to the data (revenue, fit, overrides; exercises
#              promotion, demotion, hysteresis and overrides): the domain's decisions against the hand-written SQL's.
#              The baseline's history table has no foreign keys, tier_assignments has two (run, account): the
#              application pays their per-row checks. Targets: app ≤ 1.5 × baseline and ≤ 10 s.
# POST /api/v1/tiering/runs; prints "seconds run_id strategic key growth standard changed" (seconds: curl's time_total).
tiering_app_run() {
  local out code
  out=$(curl -sS -o "$work/run.json" -w '%{http_code} %{time_total}' -X POST -H "$auth" "$base/api/v1/tiering/runs")
  code=${out%% *}
  if [ "$code" != "201" ]; then
    echo "POST /api/v1/tiering/runs answered $code: $(head -c 500 "$work/run.json")" >&2; tail -n 30 "$work/api.log" >&2; return 1
  fi
  python3 - "$work/run.json" "${out#* }" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(sys.argv[2], d["id"], d["strategicCount"], d["keyCount"], d["growthCount"], d["standardCount"], d["changedCount"])
PY
}

# The baseline statement alone in a transaction ending with $1 (ROLLBACK or COMMIT), psql's \timing around the
# statement only; $2, optional, runs before the end (inside the transaction). Prints "seconds run_id s k g st changed".
# The transaction first sets what a hand-written batch statement of this size would run with (untimed): no JIT (its
# compile time, seconds here, is not the work) and enough work_mem for the aggregation and the sorts to stay in memory.
# The application runs with the server's defaults (jit on, work_mem 4MB) unless it sets its own.
tiering_baseline_settings="SET LOCAL jit = off; SET LOCAL work_mem = '128MB';"
tiering_baseline_run() {
  local out ms row
  out=$(printf '%s\n' 'BEGIN;' "$tiering_baseline_settings" '\timing on' '\i deploy/bench/tiering-baseline.sql' '\timing off' "${2:-}" "$1;" \
    | psql -h 127.0.0.1 -p "$port" -U keyaccount -d keyaccount -v ON_ERROR_STOP=1 -Atq -F ' ')
  ms=$(echo "$out" | awk '/^Time: / {print $2; exit}')
  row=$(echo "$out" | grep -E '^[0-9a-f]{8}-[0-9a-f]{4}-' | head -n 1)
  if [ -z "$ms" ] || [ -z "$row" ]; then echo "the baseline printed no timing or no result: $out" >&2; return 1; fi
  echo "$(python3 -c 'import sys; print(float(sys.argv[1]) / 1000)' "$ms") $row"
}

# Untimed, before every timed step: the same starting point for both (fresh statistics, no vacuum debt left for
# autovacuum to pick up mid-step, no checkpoint due).
tiering_settle() {
  psql_ka -c "VACUUM ANALYZE accounts, tier_assignments, bench_assignments" -c "CHECKPOINT" >/dev/null
}

# tiering_compare APP_RUN_ID BASELINE_ROWS_SQL — the application's history rows of one run against the
# baseline's rows; prints, tab-separated, one line per tier (tier, app count, baseline count) and then one line
# "accounts" with the per-account differences: missing, tier, score, reason/previous tier, breakdown.
tiering_compare() {
  psql_ka -F $'\t' <<SQL
WITH app AS (SELECT * FROM tier_assignments WHERE run_id = '$1'),
     bl AS ($2),
     t (tier, ord) AS (VALUES ('Strategic', 0), ('Key', 1), ('Growth', 2), ('Standard', 3))
SELECT t.tier, (SELECT count(*) FROM app WHERE app.new_tier = t.tier), (SELECT count(*) FROM bl WHERE bl.new_tier = t.tier)
FROM t ORDER BY t.ord;
WITH app AS (SELECT * FROM tier_assignments WHERE run_id = '$1'),
     bl AS ($2)
SELECT 'accounts',
       count(*) FILTER (WHERE app.account_id IS NULL OR bl.account_id IS NULL),
       count(*) FILTER (WHERE app.new_tier IS DISTINCT FROM bl.new_tier),
       count(*) FILTER (WHERE app.score IS DISTINCT FROM bl.score),
       count(*) FILTER (WHERE app.reason IS DISTINCT FROM bl.reason OR app.previous_tier IS DISTINCT FROM bl.previous_tier),
       count(*) FILTER (WHERE (app.n_trailing_revenue, app.n_revenue_growth, app.n_gross_margin, app.n_strategic_fit,
                               app.n_potential_value, app.n_relationship_length, app.n_satisfaction)
                              IS DISTINCT FROM (bl.n_trailing_revenue, bl.n_revenue_growth, bl.n_gross_margin, bl.n_strategic_fit,
                               bl.n_potential_value, bl.n_relationship_length, bl.n_satisfaction))
FROM app FULL JOIN bl ON bl.account_id = app.account_id;
SQL
}

bench_tiering() {
  local reps=${BENCH_REPS:-3}
  start_database
  start_api

  echo "== Seeding 100,000 Active accounts × 24 months of revenue (generate_series)"
  local t0=$SECONDS
  psql_ka -f deploy/bench/seed-tiering.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local seeded active revenue_rows
  seeded=$(psql_ka -c "SELECT count(*) FROM accounts WHERE registration_number LIKE 'TIER%' AND status = 'Active'")
  active=$(psql_ka -c "SELECT count(*) FROM accounts WHERE status = 'Active'")
  revenue_rows=$(psql_ka -c "SELECT count(*) FROM revenue_records r JOIN accounts a ON a.id = r.account_id WHERE a.registration_number LIKE 'TIER%'")
  echo "seeded: $seeded Active accounts, $revenue_rows revenue rows ($((SECONDS - t0)) s); scored per run (demo accounts included): $active"

  # The baseline hard-codes the default policy; it must be the one the application runs.
  local policy
  policy=$(psql_ka -F ' ' -c "SELECT number, cutoff_strategic, cutoff_key, cutoff_growth, hysteresis_margin, coalesce(strategic_cap::text, 'none'), criteria FROM tier_policies WHERE status = 'Published'")
  echo "published policy: $policy"
  python3 - "$policy" <<'PY'
import json, sys
number, cs, ck, cg, margin, cap, criteria = sys.argv[1].split(" ", 6)
weights = {c.get("Criterion", c.get("criterion")): c.get("Weight", c.get("weight")) for c in json.loads(criteria)}
expected = {"TrailingRevenue": 30, "RevenueGrowth": 15, "GrossMargin": 10, "StrategicFit": 15, "PotentialValue": 10, "RelationshipLength": 5, "Satisfaction": 15}
got = {str(k): v for k, v in weights.items()}
if (float(cs), float(ck), float(cg), float(margin), cap) != (80, 60, 40, 5, "none") or got != expected:
    sys.exit(f"the published policy is not the default the baseline hard-codes: {sys.argv[1]}")
PY
  psql_ka -c "CREATE TABLE bench_assignments (LIKE tier_assignments INCLUDING DEFAULTS INCLUDING INDEXES)" >/dev/null

  login_director

  local line secs run_id s k g st ch
  echo "== Warm-up: the first application run (Initial for every account)"
  tiering_settle
  line=$(tiering_app_run)
  read -r secs run_id s k g st ch <<<"$line"
  printf '  warm-up  app      %7.3f s  Strategic %s  Key %s  Growth %s  Standard %s  changed %s\n' "$secs" "$s" "$k" "$g" "$st" "$ch"

  echo "== $reps rounds: baseline (rolled back) and application run, alternating which goes first"
  local results="$work/tiering.tsv" rep kind order
  : > "$results"
  for rep in $(seq 1 "$reps"); do
    if [ $((rep % 2)) -eq 1 ]; then order="baseline app"; else order="app baseline"; fi
    for kind in $order; do
      tiering_settle
      if [ "$kind" = app ]; then line=$(tiering_app_run); else line=$(tiering_baseline_run ROLLBACK); fi
      read -r secs run_id s k g st ch <<<"$line"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$kind" "$secs" "$run_id" "$s" "$k" "$g" "$st" "$ch" >> "$results"
      printf '  round %d %-8s %7.3f s  Strategic %s  Key %s  Growth %s  Standard %s  changed %s\n' "$rep" "$kind" "$secs" "$s" "$k" "$g" "$st" "$ch"
    done
  done

  echo "== Agreement 1: the baseline committed once vs the last application run"
  local last_app bl_run
  last_app=$(awk -F'\t' '$2 == "app" {id = $4} END {print id}' "$results")
  tiering_settle
  line=$(tiering_baseline_run COMMIT)
  read -r secs bl_run s k g st ch <<<"$line"
  tiering_compare "$last_app" "SELECT * FROM bench_assignments WHERE run_id = '$bl_run'" > "$work/agree-steady.tsv"

  echo "== Agreement 2: after a change to the data (revenue, strategic fit, overrides), baseline then application run"
  psql_ka -f deploy/bench/tiering-perturb.sql >/dev/null
  psql_ka -c "TRUNCATE bench_assignments" >/dev/null
  tiering_settle
  line=$(tiering_baseline_run ROLLBACK "\\copy (SELECT * FROM bench_assignments) TO '$work/baseline-change.tsv'")
  local bl_change_secs=${line%% *}
  line=$(tiering_app_run)
  read -r secs run_id s k g st ch <<<"$line"
  local app_change_secs=$secs app_change_run=$run_id
  psql_ka -c "CREATE TABLE bench_check (LIKE bench_assignments)" -c "\\copy bench_check FROM '$work/baseline-change.tsv'" >/dev/null
  tiering_compare "$app_change_run" "SELECT * FROM bench_check" > "$work/agree-change.tsv"
  # What the change exercised, from the application's history: reasons, and hysteresis holds (kept a tier whose
  # cut-off the score no longer reaches).
  psql_ka -F $'\t' > "$work/change-reasons.tsv" <<SQL
SELECT reason, count(*) FROM tier_assignments WHERE run_id = '$app_change_run' GROUP BY reason
UNION ALL
SELECT 'HysteresisHold', count(*) FROM tier_assignments
WHERE run_id = '$app_change_run' AND reason = 'Unchanged'
  AND score < CASE new_tier WHEN 'Strategic' THEN 80 WHEN 'Key' THEN 60 WHEN 'Growth' THEN 40 ELSE 0 END;
SQL

  python3 - "$results" "$work/agree-steady.tsv" "$work/agree-change.tsv" "$work/change-reasons.tsv" \
    "$seeded" "$revenue_rows" "$active" "$reps" "$app_change_secs" "$bl_change_secs" "$tiering_baseline_settings" <<'PY'
import json, statistics, sys
(results, steady_path, change_path, reasons_path, seeded, revenue_rows, active, reps, app_change_secs, bl_change_secs,
 baseline_settings) = sys.argv[1:]
rounds = {}
for line in open(results):
    rep, kind, secs, run_id, s, k, g, st, ch = line.rstrip("\n").split("\t")
    rounds.setdefault(int(rep), {})[kind] = {"secs": float(secs), "counts": [int(s), int(k), int(g), int(st)], "changed": int(ch)}
tiers = ["Strategic", "Key", "Growth", "Standard"]

def agreement(path):
    counts, diffs = {}, None
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if f[0] == "accounts":
            diffs = dict(zip(["missing", "tier", "score", "reason", "breakdown"], map(int, f[1:])))
        else:
            counts[f[0]] = (int(f[1]), int(f[2]))
    tier_diff = sum(abs(a - b) for a, b in counts.values())
    return {"app": {t: counts[t][0] for t in tiers}, "baseline": {t: counts[t][1] for t in tiers},
            "tierCountDifference": tier_diff, "accountDifferences": diffs,
            "agree": tier_diff == 0 and all(v == 0 for v in diffs.values())}

steady, change = agreement(steady_path), agreement(change_path)
reasons = {l.split("\t")[0]: int(l.split("\t")[1]) for l in open(reasons_path) if l.strip()}
per_round_counts_agree = all(r["app"]["counts"] == r["baseline"]["counts"] for r in rounds.values())

app = [rounds[r]["app"]["secs"] for r in sorted(rounds)]
bl = [rounds[r]["baseline"]["secs"] for r in sorted(rounds)]
ratios = [a / b for a, b in zip(app, bl)]
med = lambda xs: round(statistics.median(xs), 3)
target = {"ratioMax": 1.5, "appRunSecondsMax": 10}
out = {"benchmark": "tiering", "accounts": int(seeded), "activeAccountsScored": int(active), "revenueRows": int(revenue_rows),
       "repetitions": int(reps), "appRunSeconds": med(app), "baselineSeconds": med(bl), "ratio": med(ratios),
       "appRuns": [round(x, 3) for x in app], "baselineRuns": [round(x, 3) for x in bl],
       "baselineSettings": baseline_settings, "target": target}
out["pass"] = out["ratio"] <= target["ratioMax"] and out["appRunSeconds"] <= target["appRunSecondsMax"]
out["agree"] = steady["agree"] and change["agree"] and per_round_counts_agree
out["tierCounts"] = {"app": steady["app"], "baseline": steady["baseline"]}
out["agreementUnderChange"] = {"tierCounts": {"app": change["app"], "baseline": change["baseline"]},
                               "accountDifferences": change["accountDifferences"], "reasons": reasons}

print("\n== Rounds (seconds; app = POST /api/v1/tiering/runs wall time at the client, baseline = the statement)")
for r in sorted(rounds):
    print(f"  round {r}: app {rounds[r]['app']['secs']:.3f}  baseline {rounds[r]['baseline']['secs']:.3f}  ratio {ratios[r - 1]:.3f}")
print(f"\n== Medians over {reps} rounds: app run {out['appRunSeconds']:.3f} s, baseline {out['baselineSeconds']:.3f} s, "
      f"ratio {out['ratio']:.3f} (targets: ratio <= {target['ratioMax']}, app <= {target['appRunSecondsMax']} s) -> {'PASS' if out['pass'] else 'FAIL'}")
def show(title, a):
    print(f"\n== {title}")
    print(f"  {'tier':<10} {'app':>8} {'baseline':>9}")
    for t in tiers:
        print(f"  {t:<10} {a['app'][t]:>8} {a['baseline'][t]:>9}")
    d = a["accountDifferences"]
    print(f"  per account: missing {d['missing']}, tier {d['tier']}, score {d['score']}, reason/previous tier {d['reason']}, "
          f"breakdown {d['breakdown']} -> {'AGREE' if a['agree'] else 'DISAGREE'}")
show("Agreement 1 (steady state): the last application run vs the baseline committed once", steady)
show("Agreement 2 (after a change to the data): application run vs baseline on the same state", change)
print("  exercised (application's history): " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
print(f"  (times of that run, not part of the figures: app {float(app_change_secs):.3f} s, baseline {float(bl_change_secs):.3f} s)")
print(f"  per-round tier counts, app vs rolled-back baseline: {'equal' if per_round_counts_agree else 'DIFFERENT'}")
print(json.dumps(out))
sys.exit(0 if out["agree"] else 1)
PY
}
