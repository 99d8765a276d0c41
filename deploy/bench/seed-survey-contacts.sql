-- Three contacts with an email on each of the first 33,334 active bench accounts (~100,000 invitations at a cap of 3),
-- deterministic ids; buying roles spread so that the cap picks by priority; and a trailing year of revenue.
WITH picked AS (
    SELECT a.id, row_number() OVER (ORDER BY a.registration_number) AS n
    FROM accounts a WHERE a.registration_number LIKE 'BENCH%' AND a.status = 'Active'
)
INSERT INTO contacts (id, account_id, name, email, buying_role, attitude, relationship_level, target_relationship_level)
SELECT md5('bench-contact-' || p.n || '-' || k)::uuid, p.id, '联系人 ' || p.n || '-' || k, 'c' || p.n || '-' || k || '@bench.example.cn',
       (ARRAY['DecisionMaker', 'Champion', 'Influencer', 'User', 'Gatekeeper'])[1 + (p.n + k) % 5], 'Neutral', 'Vendor', 'CredibleSource'
FROM picked p, generate_series(1, 3) AS k
WHERE p.n <= 33334;

INSERT INTO revenue_records (account_id, month, revenue, gross_profit, order_count, currency, updated_at)
SELECT a.id, (date_trunc('month', now()) - make_interval(months => m))::date, 10000 + (abs(hashtext(a.id::text || m)) % 90000), 2000, 1, 'CNY', now()
FROM accounts a, generate_series(1, 12) AS m
WHERE a.registration_number LIKE 'BENCH%' AND abs(hashtext(a.id::text)) % 3 = 0;
