-- What the health of the 100,000 accounts of seed-accounts.sql is assessed from, beyond their tier and age: one
-- interaction on three accounts in four, 0 to 399 days ago (deterministic), so that engagement against the tier's
-- contact cadence spreads the accounts over Green, Amber and Red. The other signals stay without data (left out of
-- the mean), as for an install that has not imported revenue or run surveys yet.
INSERT INTO interactions (id, account_id, type, occurred_at, summary, contact_ids, logged_by, created_at)
SELECT md5('bench-interaction-' || g)::uuid, a.id, 'Call', now() - make_interval(days => ((g * 7919) % 400)::int, hours => (g % 24)::int),
       'Quarterly call', '{}', a.owner_id, now()
FROM (SELECT id, owner_id, row_number() OVER (ORDER BY registration_number) AS g FROM accounts WHERE registration_number LIKE 'BENCH%') a
WHERE a.g % 4 <> 0;
