-- deploy/bench.sh complaints: the SLA fields of every complaint recomputed independently from its received time,
-- targets and pauses (24×7 calendar), against what is stored. One row: the number of complaints failing each check
-- (all 0 when consistent). Run after seeding (checks the seed) and after the escalation scan (checks the
-- application's clocks, stored state and next thresholds: the scan rewrote those of the complaints it escalated).
WITH x AS (
    SELECT c.*,
           extract(epoch FROM c.first_response_target) AS frt,
           extract(epoch FROM c.resolution_target) AS rtt,
           coalesce((SELECT sum(extract(epoch FROM (p ->> 'To')::timestamptz - (p ->> 'From')::timestamptz))
                     FROM jsonb_array_elements(c.pauses) p WHERE p ->> 'To' IS NOT NULL), 0) AS closed_pauses,
           (SELECT min((p ->> 'From')::timestamptz) FROM jsonb_array_elements(c.pauses) p WHERE p ->> 'To' IS NULL) AS open_pause_from
    FROM complaints c
),
y AS (
    -- counted seconds of each clock now: the first response up to the answer, the resolution up to an open pause
    -- (awaiting the customer, resolved) minus the closed pauses
    SELECT x.*,
           extract(epoch FROM coalesce(x.first_responded_at, now()) - x.received_at) AS e_fr,
           extract(epoch FROM coalesce(x.open_pause_from, now()) - x.received_at) - x.closed_pauses AS e_res,
           x.status = 'New' AS fr_runs,
           x.status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') AS res_runs,
           x.status IN ('Resolved', 'Closed') AS stopped
    FROM x
),
z AS (
    -- each running clock's next threshold: 80 % until at risk, then 100 %, then 200 %; none at level 2
    SELECT y.*,
           CASE WHEN y.fr_runs AND y.first_response_escalation_level < 2
                THEN y.received_at + make_interval(secs => y.frt * CASE WHEN NOT y.first_response_at_risk THEN 0.8
                                                                        WHEN y.first_response_escalation_level < 1 THEN 1 ELSE 2 END) END AS fr_next,
           CASE WHEN y.res_runs AND y.resolution_escalation_level < 2
                THEN y.received_at + make_interval(secs => y.closed_pauses + y.rtt * CASE WHEN NOT y.resolution_at_risk THEN 0.8
                                                                                        WHEN y.resolution_escalation_level < 1 THEN 1 ELSE 2 END) END AS res_next
    FROM y
)
SELECT
    -- up to date (next threshold ahead): a running clock is at risk from 80 %, at level 1 and breached from 100 %,
    -- at level 2 from 200 % of its target
    count(*) FILTER (WHERE coalesce(next_escalation_at > now(), true)
                       AND ((fr_runs AND (first_response_at_risk <> (e_fr >= 0.8 * frt) OR first_response_breached <> (e_fr >= frt)
                                          OR (first_response_escalation_level >= 1) <> (e_fr >= frt) OR (first_response_escalation_level >= 2) <> (e_fr >= 2 * frt)))
                         OR (res_runs AND (resolution_at_risk <> (e_res >= 0.8 * rtt) OR resolution_breached <> (e_res >= rtt)
                                           OR (resolution_escalation_level >= 1) <> (e_res >= rtt) OR (resolution_escalation_level >= 2) <> (e_res >= 2 * rtt))))) AS flags,
    -- the next escalation instant: the earliest next threshold of a running clock (none while stopped or paused)
    count(*) FILTER (WHERE (next_escalation_at IS NULL) <> (least(fr_next, res_next) IS NULL)
                        OR abs(extract(epoch FROM next_escalation_at - least(fr_next, res_next))) > 1) AS next_escalation,
    -- due instants: first response while not given, resolution while running; the running one is the earlier
    count(*) FILTER (WHERE fr_runs <> (first_response_due_at IS NOT NULL)
                        OR (fr_runs AND first_response_due_at <> received_at + first_response_target)
                        OR res_runs <> (resolution_due_at IS NOT NULL)
                        OR (res_runs AND abs(extract(epoch FROM resolution_due_at - received_at - resolution_target) - closed_pauses) > 1)
                        OR due_at IS DISTINCT FROM least(first_response_due_at, resolution_due_at)) AS due_at,
    -- breaches of clocks that no longer run: first response answered late, resolution late at the resolution or the pause
    count(*) FILTER (WHERE (NOT fr_runs AND first_response_breached <> (e_fr >= frt))
                        OR (NOT res_runs AND resolution_breached <> (e_res >= rtt))) AS breaches,
    -- the stored state: Breached for any breach, else AtRisk when a clock that has not stopped is at risk; stopped
    count(*) FILTER (WHERE is_stopped <> stopped
                        OR sla_state <> CASE WHEN first_response_breached OR resolution_breached THEN 'Breached'
                                             WHEN (fr_runs AND first_response_at_risk) OR (NOT stopped AND resolution_at_risk) THEN 'AtRisk'
                                             ELSE 'OnTime' END) AS state,
    -- workflow fields: stopped ones have an open pause from the resolution; the timeline ends in the status and its
    -- last sequence is the complaint's
    count(*) FILTER (WHERE (status IN ('Resolved', 'Closed') AND open_pause_from IS DISTINCT FROM resolved_at)
                        OR (status = 'AwaitingCustomer' AND open_pause_from IS NULL)
                        OR (status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') AND open_pause_from IS NOT NULL)
                        OR (status = 'Closed' AND closed_at IS NULL) OR (status <> 'New' AND first_responded_at IS NULL)
                        OR (SELECT t.to_status FROM complaint_timeline t WHERE t.complaint_id = z.id AND t.to_status IS NOT NULL
                            ORDER BY t.sequence DESC LIMIT 1) IS DISTINCT FROM status
                        OR (SELECT max(t.sequence) FROM complaint_timeline t WHERE t.complaint_id = z.id) IS DISTINCT FROM last_timeline_sequence) AS workflow
FROM z;
