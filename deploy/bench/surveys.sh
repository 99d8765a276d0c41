#!/usr/bin/env bash
# deploy/bench.sh surveys (sourced after deploy/bench/lib.sh).
#   surveys  — the 100,000 accounts of seed-accounts.sql, three contacts with an email on each of the first 33,334
#              active ones; a published ten-question template (Nps, four Ratings, two SingleChoice, two MultiChoice,
#              Text) created through the API. A campaign over everyone is opened through the API (POST …/open, timed:
#              goal < 10 s) and writes ~100,000 invitations; every invitation then gets a response with ten answers
#              (1,000,000 answers, groups as SurveyScores stores them), seeded set-based in SQL. Under wrk (director's
#              token; 2 threads, interleaved slices, rotated order, warm-up first):
#                results      GET /api/v1/surveys/campaigns/<id>/results
#                raw_results  GET /bench/raw/survey-results/<id> (the same figures written by hand in SQL, checked first)
#              p50/p99, req/s and the ratio app ÷ raw (median over repetitions; goal ≥ 0.70) and one request's wall
#              time, one request at a time (median of five after the warm-up; goal < 1 s). Env: BENCH_DURATION (s per slice, default 8), BENCH_REPS (default 3),
#              BENCH_CONNECTIONS (default 4: a results page is one heavy request, not a list page), BENCH_HOLD (pause
#              after seeding, with the database and host up, until $work/hold is removed).
bench_surveys() {
  local duration=${BENCH_DURATION:-8} reps=${BENCH_REPS:-3} conns=${BENCH_CONNECTIONS:-4}
  local facts="$work/facts"
  : > "$facts"
  fact() { printf '%s\t%s\n' "$1" "$2" >> "$facts"; }
  fact cpus "$(nproc)"
  fact loadAvg "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_wrk
  start_database
  start_api

  echo "== Seeding 100,000 accounts (seed-accounts.sql), contacts and revenue"
  local t0=$SECONDS
  psql_ka -f deploy/bench/seed-accounts.sql >/dev/null
  psql_ka -f deploy/bench/seed-survey-contacts.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  fact seedAccountsSeconds $((SECONDS - t0))
  login_director

  echo "== A ten-question template through the API"
  local template etag code
  python3 - > "$work/template.json" <<'PY'
import json
def t(zh, en): return {"zh": zh, "en": en}
choices = [{"key": k, "label": t(zh, en)} for k, zh, en in (("quality", "产品质量", "Quality"), ("delivery", "交付准时", "Delivery"), ("service", "服务响应", "Service"), ("price", "价格", "Price"))]
q = [{"type": "Nps", "required": True, "text": t("您向同事推荐我们的可能性有多大？", "How likely are you to recommend us?"), "lowLabel": t("完全不可能", "Not at all likely"), "highLabel": t("非常可能", "Extremely likely")}]
q += [{"type": "Rating", "required": True, "text": t(f"满意度 {i}", f"Satisfaction {i}"), "lowLabel": t("非常不满意", "Very dissatisfied"), "highLabel": t("非常满意", "Very satisfied")} for i in range(1, 5)]
q += [{"type": "SingleChoice", "required": False, "text": t(f"单选 {i}", f"Single {i}"), "choices": choices} for i in range(1, 3)]
q += [{"type": "MultiChoice", "required": False, "text": t(f"多选 {i}", f"Multi {i}"), "choices": choices} for i in range(1, 3)]
q += [{"type": "Text", "required": False, "text": t("您最希望我们首先改进哪一方面？", "What should we improve first?"), "maxLength": 2000}]
print(json.dumps({"name": "Bench relationship survey", "questions": q}, ensure_ascii=False))
PY
  code=$(curl -s -o "$work/template-created.json" -D "$work/template-headers.txt" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' --data @"$work/template.json" "$base/api/v1/surveys/templates")
  [ "$code" = 201 ] || { echo "template: $code $(head -c 500 "$work/template-created.json")" >&2; exit 1; }
  template=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/template-created.json")
  etag=$(grep -i '^etag:' "$work/template-headers.txt" | cut -d' ' -f2- | tr -d '\r')
  code=$(curl -s -o "$work/template-published.json" -w '%{http_code}' -X POST -H "$auth" -H "If-Match: $etag" "$base/api/v1/surveys/templates/$template/publish")
  [ "$code" = 200 ] || { echo "publish: $code $(head -c 500 "$work/template-published.json")" >&2; exit 1; }

  echo "== A campaign over everyone, opened through the API (timed)"
  local campaign opens closes out
  opens=$(date -u +%Y-%m-%dT%H:%M:%SZ); closes=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  code=$(curl -s -o "$work/campaign.json" -D "$work/campaign-headers.txt" -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench 2027 H1\",\"templateId\":\"$template\",\"audience\":{},\"perAccountCap\":3,\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"recurrence\":\"None\",\"defaultLanguage\":\"zh-CN\"}" \
    "$base/api/v1/surveys/campaigns")
  [ "$code" = 201 ] || { echo "campaign: $code $(head -c 500 "$work/campaign.json")" >&2; exit 1; }
  campaign=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/campaign.json")
  etag=$(grep -i '^etag:' "$work/campaign-headers.txt" | cut -d' ' -f2- | tr -d '\r')
  out=$(curl -s -o "$work/opened.json" -w '%{http_code} %{time_total}' -X POST -H "$auth" -H "If-Match: $etag" "$base/api/v1/surveys/campaigns/$campaign/open")
  [ "${out%% *}" = 200 ] || { echo "open: $out $(head -c 500 "$work/opened.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
  fact openSeconds "${out#* }"
  local invited
  invited=$(psql_ka -c "SELECT count(*) FROM survey_invitations WHERE campaign_id = '$campaign'")
  fact invitations "$invited"
  echo "  opened in ${out#* } s: $invited invitations, $(psql_ka -c "SELECT count(*) FROM survey_skips WHERE campaign_id = '$campaign'") skips"

  echo "== Responses and answers (set-based SQL)"
  t0=$SECONDS
  psql_ka -v campaign="$campaign" -v template="$template" -f deploy/bench/seed-survey-responses.sql >/dev/null
  psql_ka -c "VACUUM ANALYZE" >/dev/null
  local responses answers
  responses=$(psql_ka -c "SELECT count(*) FROM survey_responses WHERE campaign_id = '$campaign'")
  answers=$(psql_ka -c "SELECT count(*) FROM survey_answers WHERE campaign_id = '$campaign'")
  fact responses "$responses"; fact answers "$answers"; fact seedResponsesSeconds $((SECONDS - t0))
  echo "  $responses responses, $answers answers ($((SECONDS - t0)) s with VACUUM ANALYZE)"

  # BENCH_HOLD=1 pauses here with the seeded database and the host running (to read plans by hand) until
  # $work/hold is removed.
  if [ -n "${BENCH_HOLD:-}" ]; then
    touch "$work/hold"
    echo "  holding: psql -h 127.0.0.1 -p $port -U keyaccount keyaccount (PGPASSWORD=$PGPASSWORD), campaign $campaign, $base; rm $work/hold to go on"
    while [ -f "$work/hold" ]; do sleep 2; done
  fi

  declare -A url hdr
  url[results]="$base/api/v1/surveys/campaigns/$campaign/results"; hdr[results]="$auth"
  url[raw_results]="$base/bench/raw/survey-results/$campaign";     hdr[raw_results]="X-Bench: raw"
  local slices=(results raw_results) s
  for s in "${slices[@]}"; do
    out=$(curl -s -o "$work/$s.json" -w '%{http_code} %{time_total}' -H "${hdr[$s]}" "${url[$s]}")
    [ "${out%% *}" = 200 ] || { echo "$s answered $out: $(head -c 500 "$work/$s.json")" >&2; tail -n 30 "$work/api.log" >&2; exit 1; }
    fact "${s}_first_wall" "${out#* }"
  done
  # The hand-written figures must be the application's.
  python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
app, raw = (json.load(open(f"{work}/{n}.json")) for n in ("results", "raw_results"))
g = raw["groups"]["all"]
assert (app["invited"], app["responded"]) == (g["invited"], g["responded"]), "invited/responded"
n = app["nps"]
assert (n["promoters"], n["passives"], n["detractors"], n["score"]) == (g["promoters"], g["passives"], g["detractors"], g["nps"]), f"nps {n} vs {g}"
assert app["weightedNps"] == g["weightedNps"], f"weighted {app['weightedNps']} vs {g['weightedNps']}"
assert app["csat"]["score"] == g["csat"], f"csat {app['csat']} vs {g['csat']}"
for b in app["byTier"]:
    r = raw["groups"]["tier:" + b["key"]]
    assert (b["invited"], b["responded"], b["nps"]["score"], b["csat"]) == (r["invited"], r["responded"], r["nps"], r["csat"]), f"tier {b['key']}"
for b in app["bySegment"]:
    r = raw["groups"]["segment:" + b["key"]]
    assert (b["invited"], b["responded"], b["nps"]["score"], b["csat"]) == (r["invited"], r["responded"], r["nps"], r["csat"]), f"segment {b['key']}"
totals = {q["questionId"]: q for q in raw["questions"] if q["total"]}
for q in app["questions"]:
    t = totals[q["questionId"]]
    assert q["answered"] == t["count"], f"answered {q['questionId']}"
    if q["average"] is not None:
        assert abs(q["average"] - float(t["average"])) < 0.005, f"average {q['questionId']}"
    dist = {d["value"]: d["count"] for d in raw["questions"] if not d["total"] and d["questionId"] == q["questionId"] and d["value"] is not None}
    assert {d["value"]: d["count"] for d in q["distribution"] if d["count"]} == dist, f"distribution {q['questionId']}"
assert float(app["revenueCoverage"]["invitedRevenue"]) == float(raw["invitedRevenue"]), "revenue"
print(f"  raw_results: the same figures as results (NPS {n['score']} ± {n['marginOfError']}, weighted {app['weightedNps']}, CSAT {app['csat']['score']}, {len(app['questions'])} questions, {len(app['byTier'])} tiers, {len(app['bySegment'])} segments)")
PY

  echo "== Warm-up (3 s per slice)"
  wrk_warmup 3 "$conns" 60s "${slices[@]}"
  # One request at a time, as a user opening the results page: the median of five, each slice in turn.
  local i times
  for s in "${slices[@]}"; do
    times=""
    for i in 1 2 3 4 5; do
      times="$times $(curl -s -o /dev/null -w '%{time_total}' -H "${hdr[$s]}" "${url[$s]}")"
    done
    fact "${s}_warm_wall" "$(python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' $times)"
    fact "${s}_warm_walls" "$times"
  done

  echo "== $reps repetitions × ${#slices[@]} slices of ${duration}s, $conns connections (2 threads), rotated order"
  local results="$work/results.tsv"
  : > "$results"
  wrk_slices "$results" "$reps" "$duration" "$conns" 60s "${slices[@]}"
  fact connections "$conns"; fact repetitions "$reps"; fact sliceSeconds "$duration"
  fact loadAvgAfterWrk "$(cut -d' ' -f1-3 /proc/loadavg)"

  python3 - "$results" "$facts" <<'PY'
import json, statistics, sys
results, facts_path = sys.argv[1:]
facts = dict(line.rstrip("\n").split("\t", 1) for line in open(facts_path) if "\t" in line)
from stats import read_slices
runs = read_slices(results)
med = lambda xs: round(statistics.median(xs), 3)
def slice_stats(s):
    return {"p50Ms": med([runs[r][s]["p50"] for r in runs]), "p99Ms": med([runs[r][s]["p99"] for r in runs]),
            "rps": med([runs[r][s]["rps"] for r in runs]), "requests": sum(runs[r][s]["requests"] for r in runs),
            "timeouts": sum(runs[r][s]["timeouts"] for r in runs)}
def ratio(s, base, key="rps"):
    return float(f"{statistics.median([runs[r][s][key] / runs[r][base][key] for r in runs]):.4g}")
out = {"benchmark": "surveys", "invitations": int(facts["invitations"]), "responses": int(facts["responses"]), "answers": int(facts["answers"]),
       "openSeconds": round(float(facts["openSeconds"]), 3),
       "resultsWallSeconds": {"first": round(float(facts["results_first_wall"]), 3), "warm": round(float(facts["results_warm_wall"]), 3),
                              "warmEach": [float(x) for x in facts["results_warm_walls"].split()]},
       "rawWallSeconds": {"first": round(float(facts["raw_results_first_wall"]), 3), "warm": round(float(facts["raw_results_warm_wall"]), 3)},
       "connections": int(facts["connections"]), "threads": 2, "repetitions": int(facts["repetitions"]), "sliceSeconds": int(facts["sliceSeconds"]),
       "results": slice_stats("results"), "raw_results": slice_stats("raw_results"),
       "ratio": {"rps": ratio("results", "raw_results"), "p50": ratio("raw_results", "results", "p50"), "p99": ratio("raw_results", "results", "p99")},
       "cpus": int(facts["cpus"]), "loadAvgAtStart": facts["loadAvg"], "loadAvgAfterWrk": facts["loadAvgAfterWrk"]}
out["goals"] = {"resultsUnderSeconds": 1, "ratioAtLeast": 0.70, "openUnderSeconds": 10,
                "met": out["resultsWallSeconds"]["warm"] < 1 and out["ratio"]["rps"] >= 0.70 and out["openSeconds"] < 10}
print(f"\n== Summary ({out['invitations']:,} invitations, {out['answers']:,} answers; {out['cpus']} CPUs, load at start {out['loadAvgAtStart']}, after wrk {out['loadAvgAfterWrk']})")
for s in ("results", "raw_results"):
    x = out[s]
    print(f"    {s:<12} p50 {x['p50Ms']:8.2f} ms  p99 {x['p99Ms']:8.2f} ms  {x['rps']:7.2f} req/s  ({x['requests']} requests, {x['timeouts']} timeouts)")
print(f"  results vs raw_results: throughput {out['ratio']['rps']:.3f} (goal ≥ 0.70); one request at a time, median of five {out['resultsWallSeconds']['warm']:.3f} s (goal < 1 s; raw {out['rawWallSeconds']['warm']:.3f} s)")
print(f"  under wrk ({out['connections']} requests at once on {out['cpus']} CPUs) each waits its turn: p50 {out['results']['p50Ms']:.0f} ms")
print(f"  opening the campaign: {out['openSeconds']:.3f} s (goal < 10 s)")
print(json.dumps(out, ensure_ascii=False))
PY
}
