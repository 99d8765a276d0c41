-- deploy/bench.sh plans: 20,000 development plans with 5 objectives and 10 initiatives each (100,000 objectives,
-- 200,000 initiatives) on the 100,000 accounts of seed-accounts.sql; set-based and deterministic (ids from md5, every
-- choice a function of the plan's number p and the child's position), dates relative to the current date.
-- Strategic and Key accounts (20,000, tiers the default programme marks DevelopmentPlanRequired) get plans 1–16,000
-- in order of registration number, their status by p % 20:
--   0–8 Active (45 %), 9–10 Approved, 11–13 Draft, 14 Submitted, 15–16 Completed (ended: "Expired"),
--   17 Cancelled, 18–19 Active version 2 whose version 1 (plans 16,001–17,600) is Superseded.
-- The last 4,000 Strategic/Key accounts have no plan ("NoPlan"); plans 17,601–20,000 sit on Growth accounts (not
-- required: half Active, a quarter Draft, a quarter Completed).
-- Objectives: four of five take their actual from a metric (TtmRevenue, GrossMarginPercent or RevenueGrowth,
-- AccountNps or ComplaintSlaCompliance, ContactCadenceCoverage), the fifth is Manual (one in two LowerIsBetter).
-- Initiatives spread their due dates over the plan's period; in running plans the past ones are mostly Done, some
-- InProgress or Blocked (overdue). The stored figures a plan carries (progress, initiative counts, earliest open due
-- date) are filled here the way the aggregate stores them, so that the lists read what the application would.
CREATE TEMP TABLE bench_users AS
SELECT array_agg(id ORDER BY email) FILTER (WHERE role IN ('AccountManager', 'Director')) AS managers,
       array_agg(id ORDER BY email) FILTER (WHERE role IN ('AccountManager', 'Director', 'QualityManager', 'ServiceAgent', 'Marketing')) AS staff,
       min(id::text) FILTER (WHERE role = 'Director')::uuid AS director
FROM users WHERE is_active;

CREATE TEMP TABLE bench_sk AS      -- Strategic and Key accounts, numbered
SELECT row_number() OVER (ORDER BY registration_number)::int AS k, id, owner_id FROM accounts WHERE tier IN ('Strategic', 'Key') AND registration_number LIKE 'BENCH%';
CREATE TEMP TABLE bench_growth AS
SELECT row_number() OVER (ORDER BY registration_number)::int AS k, id, owner_id FROM accounts WHERE tier = 'Growth' AND registration_number LIKE 'BENCH%';
ANALYZE bench_sk, bench_growth;

-- The plans: number, account, status, version and period.
CREATE TEMP TABLE bp AS
WITH numbered AS (
    SELECT p, CASE
               WHEN p <= 16000 THEN CASE WHEN p % 20 <= 8 THEN 'Active' WHEN p % 20 <= 10 THEN 'Approved' WHEN p % 20 <= 13 THEN 'Draft'
                                         WHEN p % 20 = 14 THEN 'Submitted' WHEN p % 20 <= 16 THEN 'Completed' WHEN p % 20 = 17 THEN 'Cancelled'
                                         ELSE 'Active' END
               WHEN p <= 17600 THEN 'Superseded'
               ELSE CASE WHEN p % 4 <= 1 THEN 'Active' WHEN p % 4 = 2 THEN 'Draft' ELSE 'Completed' END
           END AS status,
           -- the primary plan a version 1 was superseded by (p % 20 in 18, 19), and a version 2's version 1
           CASE WHEN p > 16000 AND p <= 17600 THEN 20 * ((p - 16001) / 2) + 18 + (p - 16001) % 2 END AS superseded_by,
           CASE WHEN p <= 16000 AND p % 20 >= 18 THEN 16001 + 2 * (p / 20) + (p % 20 - 18) END AS previous
    FROM generate_series(1, 20000) AS p
),
placed AS (
    SELECT n.*, coalesce(sk.id, g.id) AS account_id, coalesce(sk.owner_id, g.owner_id) AS account_owner,
           CASE
               WHEN n.status IN ('Active', 'Superseded') THEN current_date - (30 + (coalesce(n.superseded_by, n.p) * 37) % 600)
               WHEN n.status = 'Approved' THEN current_date + n.p % 60
               WHEN n.status IN ('Draft', 'Submitted') THEN current_date + 30 + n.p % 90
               WHEN n.status = 'Completed' THEN current_date - 800 - n.p % 300
               ELSE current_date - 200 - n.p % 100
           END AS start_date,
           CASE WHEN n.status IN ('Active', 'Superseded') THEN 2 + coalesce(n.superseded_by, n.p) % 2
                WHEN n.status = 'Completed' THEN 2 ELSE 1 + n.p % 3 END AS years
    FROM numbered n
    LEFT JOIN bench_sk sk ON sk.k = CASE WHEN n.p <= 17600 THEN coalesce(n.superseded_by, n.p) END
    LEFT JOIN bench_growth g ON g.k = CASE WHEN n.p > 17600 THEN n.p - 17600 END
)
SELECT pl.p, md5('bench-plan-' || pl.p)::uuid AS id, pl.account_id, pl.status,
       CASE WHEN pl.previous IS NOT NULL THEN 2 ELSE 1 END AS plan_version,
       CASE WHEN pl.previous IS NOT NULL THEN md5('bench-plan-' || pl.previous)::uuid END AS previous_version_id,
       -- the plan's lead: mostly the account's owner, one in ten the other manager
       CASE WHEN pl.p % 10 = 0 THEN u.managers[1 + pl.p % array_length(u.managers, 1)] ELSE pl.account_owner END AS owner_id,
       pl.account_owner AS author_id,
       (ARRAY['客户发展计划', 'Account development plan', '战略合作三年规划', 'Joint growth plan', '重点客户深耕计划'])[1 + pl.p % 5]
           || ' ' || extract(year FROM pl.start_date)::int || '–' || extract(year FROM pl.start_date)::int + pl.years - 1 AS title,
       pl.start_date, (pl.start_date + make_interval(years => pl.years) - interval '1 day')::date AS end_date,
       (ARRAY['成为客户在华东地区的首选供应商，以稳定交付和联合研发降低其总拥有成本。',
              'Be the customer''s preferred partner for precision components: shorter lead times, joint engineering, one quality contact.',
              '通过本地化服务和快速响应，支撑客户新产线的投产与扩产。'])[1 + pl.p % 3] AS value_proposition,
       CASE WHEN pl.p % 2 = 0 THEN '["扩大份额 Grow share of wallet", "联合研发 Joint development", "提升满意度 Raise NPS"]'
            ELSE '["Secure the 2027 framework agreement", "Cut complaint resolution time", "Open the South China plants"]' END AS strategic_priorities,
       CASE WHEN pl.p % 7 = 0 THEN 6 ELSE 3 END AS review_cadence_months,
       u.director, pl.superseded_by
FROM placed pl, bench_users u;

-- Workflow instants: approval ten days before the start (Beijing office hours), submission two days earlier.
ALTER TABLE bp ADD approved_at timestamptz, ADD submitted_at timestamptz, ADD created_at timestamptz, ADD updated_at timestamptz,
    ADD next_review_due date, ADD last_reviewed_on date, ADD cancellation_reason text;
UPDATE bp SET
    approved_at = CASE WHEN status NOT IN ('Draft', 'Submitted') THEN (start_date - 10) + time '10:30' AT TIME ZONE 'Asia/Shanghai' END,
    submitted_at = CASE WHEN status = 'Submitted' THEN now() - make_interval(days => p % 10, mins => p % 600)
                        WHEN status <> 'Draft' THEN (start_date - 12) + time '16:00' AT TIME ZONE 'Asia/Shanghai' END,
    cancellation_reason = CASE WHEN status = 'Cancelled' THEN '客户重组，计划中止 (customer reorganised)' END,
    -- Active plans: the next review spread around today, about a third of them due.
    next_review_due = CASE WHEN status = 'Active' THEN current_date - 45 + (p * 13) % 120 END;
UPDATE bp SET last_reviewed_on = (next_review_due - make_interval(months => review_cadence_months))::date
WHERE status = 'Active' AND next_review_due - make_interval(months => review_cadence_months) > start_date;
UPDATE bp SET
    created_at = least(coalesce(submitted_at, now()), now()) - make_interval(days => 5 + p % 40, secs => p),
    -- every plan a distinct last change within the last 120 days (the list's default order)
    updated_at = now() - make_interval(secs => (p * 7919) % (120 * 86400) + p % 7);

-- Objectives: 5 per plan.
CREATE TEMP TABLE bo AS
WITH o AS (
    SELECT bp.p, coalesce(bp.superseded_by, bp.p) AS root, bp.id AS plan_id, bp.status, bp.start_date, bp.end_date, pos,
           CASE pos WHEN 0 THEN 'TtmRevenue'
                    WHEN 1 THEN CASE WHEN bp.p % 2 = 0 THEN 'GrossMarginPercent' ELSE 'RevenueGrowth' END
                    WHEN 2 THEN CASE WHEN bp.p % 3 = 0 THEN 'AccountNps' ELSE 'ComplaintSlaCompliance' END
                    WHEN 3 THEN 'ContactCadenceCoverage'
                    ELSE 'Manual' END AS source
    FROM bp CROSS JOIN generate_series(0, 4) AS pos
),
m AS (
    SELECT o.*,
           CASE o.source WHEN 'TtmRevenue' THEN '提升年销售额 Grow TTM revenue' WHEN 'GrossMarginPercent' THEN '提高毛利率 Raise gross margin'
                         WHEN 'RevenueGrowth' THEN '销售增长 Revenue growth' WHEN 'AccountNps' THEN '客户净推荐值 Account NPS'
                         WHEN 'ComplaintSlaCompliance' THEN '投诉按时处理率 Complaint SLA compliance'
                         WHEN 'ContactCadenceCoverage' THEN '拜访频率覆盖 Contact cadence coverage'
                         ELSE CASE WHEN o.p % 2 = 0 THEN '交货周期（天） Delivery lead time (days)' ELSE '新产品线导入 New product lines adopted' END END AS title,
           CASE o.source WHEN 'TtmRevenue' THEN 'Currency' WHEN 'AccountNps' THEN 'Number' WHEN 'Manual' THEN 'Number' ELSE 'Percent' END AS unit,
           CASE WHEN o.source = 'Manual' AND o.p % 2 = 0 THEN 'LowerIsBetter' ELSE 'HigherIsBetter' END AS direction,
           (CASE o.source WHEN 'TtmRevenue' THEN 1000000 + (o.p % 97) * 50000 WHEN 'GrossMarginPercent' THEN 18 + o.p % 10
                          WHEN 'RevenueGrowth' THEN 5 + o.p % 8 WHEN 'AccountNps' THEN 10 + o.p % 30
                          WHEN 'ComplaintSlaCompliance' THEN 80 + o.p % 10 WHEN 'ContactCadenceCoverage' THEN 50 + o.p % 20
                          ELSE CASE WHEN o.p % 2 = 0 THEN 30 ELSE 0 END END)::numeric AS baseline
    FROM o
),
t AS (
    SELECT m.*,
           (CASE m.source WHEN 'TtmRevenue' THEN round(m.baseline * 1.25, 2) WHEN 'GrossMarginPercent' THEN m.baseline + 4
                          WHEN 'RevenueGrowth' THEN m.baseline + 10 WHEN 'AccountNps' THEN m.baseline + 20
                          WHEN 'ComplaintSlaCompliance' THEN 98 WHEN 'ContactCadenceCoverage' THEN 95
                          ELSE CASE WHEN m.p % 2 = 0 THEN 20 ELSE 5 END END)::numeric AS target,
           -- where the actual stands between baseline (0) and target (1): -0.1 … 1.19, so the clamp is exercised
           ((m.p * 7 + m.pos * 13) % 130) / 100.0 - 0.1 AS f
    FROM m
)
SELECT t.p, md5('bench-obj-' || t.p || '-' || t.pos)::uuid AS id, md5('bench-objkey-' || t.root || '-' || t.pos)::uuid AS key, t.plan_id, t.pos, t.title, t.unit, t.direction, t.baseline, t.target,
       CASE WHEN t.unit = 'Currency' THEN 'CNY' END AS currency, t.source,
       (t.end_date - t.pos * 30) AS due_date,
       CASE WHEN t.status NOT IN ('Draft', 'Submitted') THEN round(t.baseline + (t.target - t.baseline) * t.f, 2) END AS actual,
       CASE WHEN t.status NOT IN ('Draft', 'Submitted') THEN now() - make_interval(days => t.p % 20, secs => t.pos) END AS actual_at
FROM t;
-- The stored progress (contract: clamp((actual − baseline) / (target − baseline), 0, 1) × 100, one decimal; null
-- without an actual), written here only because the seed bypasses the aggregate; the refresh recomputes it.
ANALYZE bp, bo;
ALTER TABLE bo ADD progress numeric;
UPDATE bo SET progress = round(least(greatest((actual - baseline) / (target - baseline), 0), 1) * 100, 1) WHERE actual IS NOT NULL;

-- Initiatives: 10 per plan.
CREATE TEMP TABLE bi AS
WITH i AS (
    SELECT bp.p, coalesce(bp.superseded_by, bp.p) AS root, bp.id AS plan_id, bp.status AS plan_status, pos,
           (bp.start_date + ((bp.end_date - bp.start_date) * (pos + 1)) / 11) AS due_date
    FROM bp CROSS JOIN generate_series(0, 9) AS pos
)
SELECT i.p, md5('bench-ini-' || i.p || '-' || i.pos)::uuid AS id, md5('bench-inikey-' || i.root || '-' || i.pos)::uuid AS key, i.plan_id, i.pos,
       (ARRAY['季度业务回顾 QBR', '联合研发项目 Joint R&D project', '交付周期缩短 Lead-time reduction', '高层互访 Executive visits',
              '质量改进小组 Quality circle', '新产品试产 New product pilot', '框架协议续签 Framework renewal', '现场技术支持 On-site support',
              '库存寄售 Consignment stock', '培训计划 Customer training'])[1 + i.pos] AS title,
       u.staff[1 + (i.p + i.pos) % array_length(u.staff, 1)] AS owner_id,
       (ARRAY['Sales', 'Marketing', 'Service', 'Technical', 'Product', 'Quality', 'Logistics', 'Finance'])[1 + (i.p + i.pos) % 8] AS department,
       i.due_date,
       CASE
           WHEN i.plan_status IN ('Completed', 'Superseded') THEN 'Done'
           WHEN i.plan_status IN ('Draft', 'Submitted') THEN 'NotStarted'
           WHEN i.plan_status = 'Approved' THEN CASE WHEN i.pos = 0 THEN 'InProgress' ELSE 'NotStarted' END
           WHEN i.due_date < current_date THEN (ARRAY['Done', 'Done', 'Done', 'InProgress', 'Blocked'])[1 + (i.p + i.pos) % 5]
           ELSE (ARRAY['InProgress', 'NotStarted', 'NotStarted', 'Done'])[1 + (i.p + i.pos) % 4]
       END AS status,
       CASE WHEN i.pos < 8 THEN md5('bench-obj-' || i.p || '-' || i.pos % 5)::uuid END AS objective_id,
       CASE WHEN i.pos % 2 = 0 THEN ((i.p % 50 + 1) * 10000)::numeric END AS budget_amount,
       CASE WHEN i.pos % 2 = 0 THEN 'CNY' END AS budget_currency,
       CASE WHEN i.pos % 3 <> 2 THEN (5 + (i.p + i.pos) % 40)::numeric END AS person_days
FROM i, bench_users u;
ANALYZE bi;
ALTER TABLE bi ADD completed_on date;
UPDATE bi SET completed_on = least(due_date, current_date) - pos % 7 WHERE status = 'Done';

-- The plan's stored figures.
ALTER TABLE bp ADD progress numeric, ADD initiatives_total int, ADD initiatives_done int, ADD earliest_open_due_date date;
UPDATE bp SET progress = x.progress
FROM (SELECT plan_id, round(avg(coalesce(progress, 0)), 1) AS progress FROM bo GROUP BY plan_id) x WHERE x.plan_id = bp.id;
UPDATE bp SET initiatives_total = x.total, initiatives_done = x.done, earliest_open_due_date = x.earliest
FROM (SELECT plan_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'Done')::int AS done,
             min(due_date) FILTER (WHERE status <> 'Done') AS earliest
      FROM bi GROUP BY plan_id) x WHERE x.plan_id = bp.id;

-- Approved versions carry their baseline, frozen at approval (the aggregate's PlanBaseline as its JSON column holds it:
-- camelCase, enums by name, nulls left out).
ALTER TABLE bp ADD baseline jsonb;
WITH objs AS (
    SELECT plan_id, jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'key', key, 'title', title, 'dueDate', due_date,
               'measure', jsonb_build_object('unit', unit, 'direction', direction, 'baseline', baseline, 'target', target,
                                             'currency', currency, 'source', source))) ORDER BY pos) AS list
    FROM bo GROUP BY plan_id
),
inis AS (
    SELECT i.plan_id, jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'key', i.key, 'title', i.title, 'ownerId', i.owner_id, 'department', i.department, 'dueDate', i.due_date,
               'objectiveKey', o.key,
               'budget', CASE WHEN i.budget_amount IS NOT NULL THEN jsonb_build_object('amount', i.budget_amount, 'currency', i.budget_currency) END,
               'personDays', i.person_days)) ORDER BY i.pos) AS list
    FROM bi i LEFT JOIN bo o ON o.id = i.objective_id GROUP BY i.plan_id
)
UPDATE bp SET baseline = jsonb_build_object(
        'planVersion', bp.plan_version, 'approvedAt', to_char(bp.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
        'approvedBy', bp.director, 'startDate', bp.start_date, 'endDate', bp.end_date, 'valueProposition', bp.value_proposition,
        'strategicPriorities', bp.strategic_priorities::jsonb, 'objectives', o.list, 'initiatives', i.list)
FROM objs o, inis i
WHERE o.plan_id = bp.id AND i.plan_id = bp.id AND bp.approved_at IS NOT NULL;

-- Into the application's tables (version 1 before version 2: previous_version_id is a foreign key).
INSERT INTO development_plans (id, account_id, title, owner_id, author_id, start_date, end_date, value_proposition, strategic_priorities,
                               status, plan_version, previous_version_id, review_cadence_months, next_review_due, last_reviewed_on, progress,
                               initiatives_total, initiatives_done, earliest_open_due_date, submitted_by, submitted_at, baseline,
                               cancellation_reason, milestones, stakeholders, swot, created_at, updated_at)
SELECT id, account_id, title, owner_id, author_id, start_date, end_date, value_proposition, strategic_priorities::jsonb,
       status, plan_version, previous_version_id, review_cadence_months, next_review_due, last_reviewed_on, progress,
       initiatives_total, initiatives_done, earliest_open_due_date,
       CASE WHEN submitted_at IS NOT NULL THEN author_id END, submitted_at, baseline,
       cancellation_reason,
       jsonb_build_array(
           jsonb_strip_nulls(jsonb_build_object('title', '启动会 Kick-off', 'dueDate', start_date + 14,
                                                'reachedOn', CASE WHEN start_date + 14 < current_date AND status NOT IN ('Draft', 'Submitted') THEN start_date + 16 END)),
           jsonb_build_object('title', '中期回顾 Mid-term review', 'dueDate', start_date + (end_date - start_date) / 2),
           jsonb_build_object('title', '续约 Renewal', 'dueDate', end_date - 30)),
       '[]'::jsonb,
       jsonb_build_array(
           jsonb_build_object('quadrant', 'Strength', 'text', '多年稳定供货，质量口碑好'),
           jsonb_build_object('quadrant', 'Weakness', 'text', 'Slow complaint handling in 2025', 'evidence', jsonb_build_object('kind', 'RevenueTrend', 'reference', 'TTM')),
           jsonb_build_object('quadrant', 'Opportunity', 'text', '客户扩建华南工厂'),
           jsonb_build_object('quadrant', 'Threat', 'text', 'A competitor offers consignment stock')),
       created_at, updated_at
FROM bp ORDER BY plan_version, p;

INSERT INTO plan_objectives (id, key, plan_id, position, title, measure_unit, measure_direction, measure_baseline, measure_target,
                             measure_currency, measure_source, due_date, actual, actual_at, progress)
SELECT id, key, plan_id, pos, title, unit, direction, baseline, target, currency, source, due_date, actual, actual_at, progress FROM bo;

INSERT INTO plan_initiatives (id, key, plan_id, position, title, owner_id, department, due_date, status, objective_id,
                              budget_amount, budget_currency, person_days, completed_on)
SELECT id, key, plan_id, pos, title, owner_id, department, due_date, status, objective_id, budget_amount, budget_currency, person_days, completed_on FROM bi;

-- The published programme requires a plan of Strategic and Key accounts (the default; set explicitly so the
-- benchmark does not depend on it).
UPDATE tier_policies SET programme = (
    SELECT jsonb_agg(jsonb_set(e, '{DevelopmentPlanRequired}', to_jsonb((e ->> 'Tier') IN ('Strategic', 'Key'))) ORDER BY ord)
    FROM jsonb_array_elements(programme::jsonb) WITH ORDINALITY AS x(e, ord))
WHERE status = 'Published';

DROP TABLE bp, bo, bi, bench_sk, bench_growth, bench_users;
