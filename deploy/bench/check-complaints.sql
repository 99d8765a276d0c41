-- deploy/bench.sh complaints: the SLA fields of every complaint recomputed independently from its received time,
-- targets and pauses (24×7 calendar), against what is stored. One row: the number of complaints failing each check
-- (all 0 when consistent). Run after seeding (checks the seed) and after the escalation scan (checks the
-- application's flags and next thresholds: the scan rewrote those of the complaints it escalated).
WITH x AS (
    SELECT c.*,
           extract(epoch FROM CASE WHEN c.status = 'New' THEN c.first_response_target ELSE c.resolution_target END) AS t,
           coalesce((SELECT sum(extract(epoch FROM (p ->> 'To')::timestamptz - (p ->> 'From')::timestamptz))
                     FROM jsonb_array_elements(c.pauses) p WHERE p ->> 'To' IS NOT NULL), 0) AS closed_pauses,
           (SELECT min((p ->> 'From')::timestamptz) FROM jsonb_array_elements(c.pauses) p WHERE p ->> 'To' IS NULL) AS open_pause_from
    FROM complaints c
),
y AS (
    -- counted seconds of the running clock now (up to the open pause, if any)
    SELECT x.*, extract(epoch FROM coalesce(x.open_pause_from, now()) - x.received_at) - x.closed_pauses AS e,
           x.status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') AS running
    FROM x
)
SELECT
    -- up to date (next threshold ahead): AtRisk from 80 %, level 1 from 100 %, level 2 from 200 % of the running target
    -- and the running target's breach flag (when the first response came before 80 % of its target: later, the
    -- first-response clock's AtRisk and level carry over to the resolution clock)
    count(*) FILTER (WHERE running AND coalesce(next_escalation_at > now(), true)
                       AND (status = 'New' OR first_responded_at - received_at < 0.8 * first_response_target)
                       AND (at_risk_notified <> (e >= 0.8 * t) OR (escalation_level >= 1) <> (e >= t) OR (escalation_level >= 2) <> (e >= 2 * t)
                            OR CASE WHEN status = 'New' THEN first_response_breached ELSE resolution_breached END <> (e >= t))) AS flags,
    -- the next threshold: 80 % until AtRisk, then 100 %, then 200 %, none at level 2 or while stopped or paused
    count(*) FILTER (WHERE (running AND escalation_level < 2
                            AND (next_escalation_at IS NULL
                                 OR abs(extract(epoch FROM next_escalation_at - received_at) - closed_pauses
                                        - t * CASE WHEN NOT at_risk_notified THEN 0.8 WHEN escalation_level < 1 THEN 1 ELSE 2 END) > 1))
                        OR ((NOT running OR escalation_level >= 2) AND next_escalation_at IS NOT NULL)) AS next_escalation,
    -- due instants: first response while not given, resolution while running, none while stopped or paused
    count(*) FILTER (WHERE (status = 'New') <> (first_response_due_at IS NOT NULL)
                        OR (status = 'New' AND first_response_due_at <> received_at + first_response_target)
                        OR running <> (resolution_due_at IS NOT NULL)
                        OR (running AND abs(extract(epoch FROM resolution_due_at - received_at - resolution_target) - closed_pauses) > 1)) AS due_at,
    -- breaches once the clock stopped: first response late, resolution late (pauses excluded)
    count(*) FILTER (WHERE (status <> 'New' AND first_response_breached <> (first_responded_at - received_at >= first_response_target))
                        OR (status IN ('Resolved', 'Closed')
                            AND resolution_breached <> (extract(epoch FROM resolved_at - received_at) - closed_pauses >= extract(epoch FROM resolution_target)))) AS breaches,
    -- workflow fields: stopped ones have an open pause from the resolution; the timeline ends in the status
    count(*) FILTER (WHERE (status IN ('Resolved', 'Closed') AND open_pause_from IS DISTINCT FROM resolved_at)
                        OR (status = 'AwaitingCustomer' AND open_pause_from IS NULL)
                        OR (status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') AND open_pause_from IS NOT NULL)
                        OR (status = 'Closed' AND closed_at IS NULL) OR (status <> 'New' AND first_responded_at IS NULL)
                        OR (SELECT t.to_status FROM complaint_timeline t WHERE t.complaint_id = y.id AND t.to_status IS NOT NULL
                            ORDER BY t.sequence DESC LIMIT 1) IS DISTINCT FROM status) AS workflow
FROM y;
