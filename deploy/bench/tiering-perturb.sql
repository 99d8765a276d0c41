-- deploy/bench.sh tiering, agreement check 2: a change to the seeded data after the timed rounds, so that the next
-- run promotes, demotes, holds by hysteresis (a score a little under its tier's cut-off) and meets new and expired
-- overrides — paths a steady-state rerun does not take. Deterministic, from the registration number's ordinal n.
-- TTM revenue (and gross profit) × 0.75…1.25 for 1 account in 7:
UPDATE revenue_records r
SET revenue = round(r.revenue * (0.75 + (x.n % 11) * 0.05), 2),
    gross_profit = round(r.gross_profit * (0.75 + (x.n % 11) * 0.05), 2),
    updated_at = now()
FROM (SELECT id, substring(registration_number FROM 5)::int AS n FROM accounts WHERE registration_number LIKE 'TIER%') x
WHERE r.account_id = x.id AND x.n % 7 = 3
  AND r.month >= (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '12 months')::date;

-- Strategic fit ±1 for 1 account in 13:
UPDATE accounts a
SET strategic_fit = greatest(1, least(5, a.strategic_fit + CASE WHEN x.n % 2 = 0 THEN 1 ELSE -1 END))
FROM (SELECT id, substring(registration_number FROM 5)::int AS n FROM accounts WHERE registration_number LIKE 'TIER%') x
WHERE a.id = x.id AND x.n % 13 = 5 AND a.strategic_fit IS NOT NULL;

-- Half of the overrides in force expire (yesterday) …
UPDATE accounts a
SET tier_override_expires_on = current_date - 1
FROM (SELECT id, substring(registration_number FROM 5)::int AS n FROM accounts WHERE registration_number LIKE 'TIER%') x
WHERE a.id = x.id AND x.n % 2 = 0 AND a.tier_override_expires_on > current_date;

-- … and about 100 new ones are set.
UPDATE accounts a
SET tier_override_tier = (ARRAY['Strategic', 'Key', 'Growth', 'Standard'])[1 + x.n % 4],
    tier_override_reason = 'Benchmark override (change)',
    tier_override_expires_on = current_date + 90,
    tier_override_set_at = now(),
    tier_override_set_by = (SELECT min(id::text)::uuid FROM users WHERE role = 'Director')
FROM (SELECT id, substring(registration_number FROM 5)::int AS n FROM accounts WHERE registration_number LIKE 'TIER%') x
WHERE a.id = x.id AND x.n % 997 = 1;
