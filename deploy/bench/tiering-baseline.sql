-- deploy/bench.sh tiering — the baseline: a whole tiering run as ONE statement (data-modifying CTEs), hand-written.
-- Same rules and definitions as the application's run (design §1.2), which splits them: the facts and percentile ranks
-- in TieringEngine's SQL, the scales, the score and the decision in the domain (TierScoring, TierDecision):
--   * every Active account; TTM = the 12 months before the run month, previous TTM = the 12 before that;
--     growth = (TTM − prev) / prev when prev > 0, else unknown; margin = TTM gross profit / TTM when TTM > 0, else unknown;
--     relationship length in whole days since the first contract (0 when none or in the future) — the same order as
--     years, so the same percentile;
--   * each criterion → 0–100 by percent_rank among the accounts that have it (unknown → the neutral 50), rounded to 4
--     places; strategic fit 1–5 → 0,25,…,100; satisfaction = latest NPS (−100..100) → 0–100, none → 50;
--   * score = round(Σ round(weight × normalised / 100, 4), 2);
--   * plain tier from the cut-offs; an account tiered before (it has history) keeps its tier while its score stays
--     at or above that tier's cut-off minus the margin (promotion needs the cut-off itself); an override in force wins;
--   * history rows (reason Initial / Promoted / Demoted / Unchanged / Override), accounts.tier and updated_at for the
--     ones that move, an outbox event and a reminder to the owner per move. Returns the run id and the counts.
-- Parameters: the published default policy v1 (TierPolicy.DefaultCriteria, TierCutoffs.Default,
-- DefaultHysteresisMargin, no Strategic cap), hard-coded:
--   weights  trailing revenue 30, revenue growth 15, gross margin 10, strategic fit 15, potential value 10,
--            relationship length 5, satisfaction 15 (sum 100);
--   cut-offs Strategic 80, Key 60, Growth 40 (Standard 0); hysteresis margin 5; Strategic cap none (so no capping step).
-- History goes to bench_assignments (created by deploy/bench.sh like tier_assignments with its indexes, without foreign
-- keys), so the application's own history is not disturbed; "tiered before" reads the application's, tier_assignments.
-- The run date is today in UTC, as the application's. deploy/bench.sh runs it with jit off and work_mem 128MB (SET LOCAL).
-- One statement that writes data never runs in parallel in PostgreSQL, so the scoring here is single-process.
WITH run AS MATERIALIZED (
    SELECT gen_random_uuid() AS id, now() AS at, d AS run_date, m AS this_month,
           (m - interval '12 months')::date AS ttm_start, (m - interval '24 months')::date AS window_start
    FROM (SELECT (now() AT TIME ZONE 'UTC')::date AS d) t
    CROSS JOIN LATERAL (SELECT date_trunc('month', t.d)::date AS m) u
),
money AS (
    SELECT r.account_id,
           sum(r.revenue) FILTER (WHERE r.month >= (SELECT ttm_start FROM run)) AS ttm,
           sum(r.revenue) FILTER (WHERE r.month < (SELECT ttm_start FROM run)) AS prev,
           sum(r.gross_profit) FILTER (WHERE r.month >= (SELECT ttm_start FROM run)) AS gp
    FROM revenue_records r
    WHERE r.month >= (SELECT window_start FROM run) AND r.month < (SELECT this_month FROM run)
    GROUP BY r.account_id
),
facts AS (
    SELECT a.id, a.tier AS current_tier,
           coalesce(m.ttm, 0) AS ttm,
           CASE WHEN m.prev > 0 THEN (coalesce(m.ttm, 0) - m.prev) / m.prev END AS growth,
           CASE WHEN m.ttm > 0 THEN m.gp / m.ttm END AS margin,
           a.strategic_fit AS fit,
           a.potential_revenue_amount AS potential,
           greatest(coalesce((SELECT run_date FROM run) - a.first_contract_date, 0), 0) AS days,
           sat.nps,
           CASE WHEN a.tier_override_expires_on > (SELECT run_date FROM run) THEN a.tier_override_tier END AS pinned,
           EXISTS (SELECT 1 FROM tier_assignments h WHERE h.account_id = a.id) AS tiered_before
    FROM accounts a
    LEFT JOIN money m ON m.account_id = a.id
    LEFT JOIN account_satisfaction sat ON sat.account_id = a.id
    WHERE a.status = 'Active'
),
-- Materialised: the score is computed once per account, not again wherever the tier rules below mention it.
scored AS MATERIALIZED (
    SELECT id, current_tier, pinned, previous_tier,
           n_revenue, n_growth, n_margin, n_fit, n_potential, n_years, n_satisfaction,
           round(round(30 * n_revenue / 100.0, 4) + round(15 * n_growth / 100.0, 4) + round(10 * n_margin / 100.0, 4)
               + round(15 * n_fit / 100.0, 4) + round(10 * n_potential / 100.0, 4) + round(5 * n_years / 100.0, 4)
               + round(15 * n_satisfaction / 100.0, 4), 2) AS score
    FROM (
        SELECT id, current_tier, pinned, CASE WHEN tiered_before THEN current_tier END AS previous_tier,
               round((percent_rank() OVER (ORDER BY ttm) * 100)::numeric, 4) AS n_revenue,
               CASE WHEN growth IS NOT NULL
                    THEN round((percent_rank() OVER (PARTITION BY growth IS NULL ORDER BY growth) * 100)::numeric, 4) ELSE 50 END AS n_growth,
               CASE WHEN margin IS NOT NULL
                    THEN round((percent_rank() OVER (PARTITION BY margin IS NULL ORDER BY margin) * 100)::numeric, 4) ELSE 50 END AS n_margin,
               coalesce((fit - 1) * 25, 50)::numeric AS n_fit,
               CASE WHEN potential IS NOT NULL
                    THEN round((percent_rank() OVER (PARTITION BY potential IS NULL ORDER BY potential) * 100)::numeric, 4) ELSE 50 END AS n_potential,
               round((percent_rank() OVER (ORDER BY days) * 100)::numeric, 4) AS n_years,
               coalesce((nps + 100) / 2.0, 50)::numeric AS n_satisfaction
        FROM facts
    ) normalised
),
-- Tiers by rank 1 … 4 (Strategic, Key, Growth, Standard), cut-offs 80, 60, 40, 0. Hysteresis: below the previous tier
-- (a higher rank number) only when the score fell under that tier's cut-off minus 5; an override in force wins.
decided AS (
    SELECT r.*, coalesce(r.pinned, (ARRAY['Strategic', 'Key', 'Growth', 'Standard'])[
               CASE WHEN r.plain_rank > r.previous_rank AND r.score >= (ARRAY[80, 60, 40, 0])[r.previous_rank] - 5
                    THEN r.previous_rank ELSE r.plain_rank END]) AS new_tier
    FROM (
        SELECT s.*, array_position(ARRAY['Strategic', 'Key', 'Growth', 'Standard'], s.previous_tier::text) AS previous_rank,
               CASE WHEN s.score >= 80 THEN 1 WHEN s.score >= 60 THEN 2 WHEN s.score >= 40 THEN 3 ELSE 4 END AS plain_rank
        FROM scored s
    ) r
),
outcome AS (
    SELECT d.*, CASE WHEN d.pinned IS NOT NULL THEN 'Override'
                     WHEN d.previous_tier IS NULL THEN 'Initial'
                     WHEN d.new_rank < d.previous_rank THEN 'Promoted'
                     WHEN d.new_rank > d.previous_rank THEN 'Demoted'
                     ELSE 'Unchanged' END AS reason
    FROM (SELECT d.*, array_position(ARRAY['Strategic', 'Key', 'Growth', 'Standard'], d.new_tier::text) AS new_rank FROM decided d) d
),
history AS (
    INSERT INTO bench_assignments (run_id, account_id, score, previous_tier, new_tier, reason, n_trailing_revenue, n_revenue_growth,
                                   n_gross_margin, n_strategic_fit, n_potential_value, n_relationship_length, n_satisfaction)
    SELECT (SELECT id FROM run), id, score, previous_tier, new_tier, reason, n_revenue, n_growth,
           n_margin, n_fit, n_potential, n_years, n_satisfaction
    FROM outcome
),
moved AS (
    UPDATE accounts a SET tier = o.new_tier, updated_at = greatest((SELECT at FROM run), a.updated_at + interval '1 microsecond')
    FROM (SELECT * FROM outcome WHERE new_tier <> current_tier) o
    WHERE a.id = o.id AND a.tier <> o.new_tier
    RETURNING a.id, a.owner_id, a.name, o.current_tier, o.new_tier, o.score, o.reason
),
events AS (
    INSERT INTO outbox_messages (type, payload, occurred_on)
    SELECT 'account.tier_changed',
           jsonb_build_object('accountId', mv.id, 'previousTier', mv.current_tier, 'newTier', mv.new_tier,
                              'score', mv.score, 'reason', mv.reason, 'runId', run.id, 'occurredOn', run.at),
           run.at
    FROM moved mv, run
),
reminders_out AS (
    INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, created_at)
    SELECT mv.owner_id, mv.id, 'TierChanged', mv.id, run.run_date,
           mv.name || ': ' || mv.current_tier || ' → ' || mv.new_tier || ' (score ' || mv.score || ')', run.at
    FROM moved mv, run
    ON CONFLICT DO NOTHING
)
SELECT (SELECT id FROM run),
       count(*) FILTER (WHERE new_tier = 'Strategic'), count(*) FILTER (WHERE new_tier = 'Key'),
       count(*) FILTER (WHERE new_tier = 'Growth'), count(*) FILTER (WHERE new_tier = 'Standard'),
       count(*) FILTER (WHERE new_tier <> current_tier)
FROM outcome;
