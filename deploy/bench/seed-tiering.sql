-- deploy/bench.sh tiering: 100,000 Active accounts, each with one revenue_records row per month for the 24 months
-- before the current UTC month (the window a tiering run reads): 2,400,000 rows, set-based, deterministic (setseed;
-- random() is evaluated serially in an INSERT … SELECT).
-- A latent "size" q per account drives revenue, growth, margin, strategic fit, potential and relationship length,
-- each with noise of its own, so scores spread over all four tiers. Edge cases the scoring must handle:
--   ~3% new customers (no revenue in the previous 12 months: growth is NULL and scores the neutral 50),
--   ~1.5% lost customers (no TTM revenue: margin is NULL), ~2% without a potential estimate, ~1% without a first
--   contract date, a few first contracts in the future, ~0.3% with a tier override (two thirds in force, one expired).
-- Registration numbers 'TIER0000000001'…, ids md5('bench-tiering-<n>').
SELECT setseed(0.2026);

CREATE TEMP TABLE bench_seed AS
SELECT g, md5('bench-tiering-' || g)::uuid AS id,
       random() AS q, random() AS u1, random() AS u2, random() AS u3, random() AS u4,
       random() AS u5, random() AS u6, random() AS u7, random() AS u8
FROM generate_series(1, 100000) AS g;

WITH owners AS (
    SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role IN ('AccountManager', 'Director')
),
director AS (
    SELECT min(id::text)::uuid AS id FROM users WHERE role = 'Director'
)
INSERT INTO accounts (id, name, registration_number, industry, region, segment, owner_id, status, tier,
                      strategic_fit, potential_revenue_amount, potential_revenue_currency, first_contract_date,
                      created_at, updated_at,
                      tier_override_tier, tier_override_reason, tier_override_expires_on, tier_override_set_at, tier_override_set_by)
SELECT s.id,
       (ARRAY['Apex', 'Blue River', 'Cedar', 'Delta', 'Evergreen', 'Fortune', 'Golden', 'Harbor'])[1 + s.g % 8] || ' ' ||
       (ARRAY['Industries', 'Logistics', 'Electronics', 'Foods', 'Energy', 'Pharma', 'Motors'])[1 + (s.g / 8) % 7] || ' T' || lpad(s.g::text, 6, '0'),
       'TIER' || lpad(s.g::text, 10, '0'),
       (ARRAY['manufacturing', 'automotive', 'electronics', 'pharmaceuticals', 'logistics', 'energy', 'food-beverage', 'chemicals', 'retail', 'construction'])[1 + s.g % 10],
       (ARRAY['east-china', 'south-china', 'north-china', 'central-china', 'southwest', 'northeast', 'northwest', 'overseas'])[1 + (s.g / 10) % 8],
       (ARRAY['enterprise', 'mid-market', 'distributor', 'government', 'oem'])[1 + (s.g / 3) % 5],
       o.ids[1 + s.g % array_length(o.ids, 1)],
       'Active',
       -- the tier before any run (a run's first pass ignores it: no history yet, every account is Initial)
       CASE WHEN s.q > 0.93 THEN 'Strategic' WHEN s.q > 0.75 THEN 'Key' WHEN s.q > 0.45 THEN 'Growth' ELSE 'Standard' END,
       least(5, 1 + floor(5 * (0.6 * s.q + 0.4 * s.u4)))::int,
       CASE WHEN s.u5 < 0.02 THEN NULL ELSE round((20000 + 30000000 * power(0.6 * s.q + 0.4 * s.u5, 2))::numeric, -3) END,
       CASE WHEN s.u5 < 0.02 THEN NULL ELSE 'CNY' END,
       CASE WHEN s.u6 < 0.01 THEN NULL ELSE date '2001-01-01' + floor((0.5 * s.q + 0.5 * s.u6) * 9200)::int END,
       timestamptz '2024-01-01' + make_interval(secs => s.g * 60),
       timestamptz '2026-01-01' + make_interval(secs => s.g * 37),
       CASE WHEN s.u8 < 0.003 THEN (ARRAY['Strategic', 'Key', 'Growth', 'Standard'])[1 + s.g % 4] END,
       CASE WHEN s.u8 < 0.003 THEN 'Benchmark override' END,
       CASE WHEN s.u8 < 0.002 THEN current_date + 180 WHEN s.u8 < 0.003 THEN current_date - 30 END,
       CASE WHEN s.u8 < 0.003 THEN now() - interval '60 days' END,
       CASE WHEN s.u8 < 0.003 THEN d.id END
FROM bench_seed s, owners o, director d;

-- Monthly revenue: base × (TTM growth factor in the last 12 months) × season × noise; gross profit = revenue × margin.
WITH months AS (
    SELECT k, (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => k))::date AS month
    FROM generate_series(1, 24) AS k
),
monthly AS (
    SELECT s.id, m.month,
           CASE WHEN m.k > 12 AND s.u7 < 0.03 THEN 0      -- new customer: nothing in the previous 12 months
                WHEN m.k <= 12 AND s.u7 > 0.985 THEN 0    -- lost customer: nothing in the last 12 months
                ELSE round((1000 * exp(6 * s.q + 1.5 * s.u1)
                            * CASE WHEN m.k <= 12 THEN exp(0.8 * (s.u2 - 0.5) + 0.4 * (s.q - 0.5)) ELSE 1 END
                            * (1 + 0.15 * sin(2 * pi() * extract(month FROM m.month) / 12))
                            * (0.8 + 0.4 * random()))::numeric, 2)
           END AS revenue,
           (0.04 + 0.32 * (0.4 * s.q + 0.6 * s.u3)) * (0.9 + 0.2 * random()) AS margin
    FROM bench_seed s CROSS JOIN months m
)
INSERT INTO revenue_records (account_id, month, revenue, gross_profit, order_count, currency, updated_at)
SELECT id, month, revenue, round(revenue * margin::numeric, 2),
       CASE WHEN revenue = 0 THEN 0 ELSE 1 + floor(revenue / 25000)::int END, 'CNY', now()
FROM monthly;

DROP TABLE bench_seed;
