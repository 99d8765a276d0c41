-- 100,000 accounts, deterministic: ids from md5, owners spread over the managers and directors,
-- tiers ~5% Strategic, 15% Key, 30% Growth, 50% Standard.
WITH owners AS (
    SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role IN ('AccountManager', 'Director')
)
INSERT INTO accounts (id, name, registration_number, industry, region, segment, owner_id, status, tier,
                      strategic_fit, potential_revenue_amount, potential_revenue_currency, first_contract_date, created_at, updated_at)
SELECT md5('bench-account-' || g)::uuid,
       (ARRAY['Apex', 'Blue River', 'Cedar', 'Delta', 'Evergreen', 'Fortune', 'Golden', 'Harbor'])[1 + g % 8] || ' ' ||
       (ARRAY['Industries', 'Logistics', 'Electronics', 'Foods', 'Energy', 'Pharma', 'Motors'])[1 + (g / 8) % 7] || ' ' || lpad(g::text, 6, '0'),
       'BENCH' || lpad(g::text, 9, '0'),
       (ARRAY['manufacturing', 'automotive', 'electronics', 'pharmaceuticals', 'logistics', 'energy', 'food-beverage', 'chemicals', 'retail', 'construction'])[1 + g % 10],
       (ARRAY['east-china', 'south-china', 'north-china', 'central-china', 'southwest', 'northeast', 'northwest', 'overseas'])[1 + (g / 10) % 8],
       (ARRAY['enterprise', 'mid-market', 'distributor', 'government', 'oem'])[1 + (g / 3) % 5],
       o.ids[1 + g % array_length(o.ids, 1)],
       CASE WHEN g % 29 = 0 THEN 'Dormant' ELSE 'Active' END,
       CASE WHEN g % 20 = 0 THEN 'Strategic' WHEN g % 20 < 4 THEN 'Key' WHEN g % 20 < 10 THEN 'Growth' ELSE 'Standard' END,
       1 + g % 5,
       (g % 997) * 10000.00,
       'CNY',
       date '2010-01-01' + (g % 5000),
       timestamptz '2024-01-01' + make_interval(secs => g * 60),
       timestamptz '2026-01-01' + make_interval(secs => g * 37)
FROM generate_series(1, 100000) AS g, owners o;
