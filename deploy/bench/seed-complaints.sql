-- deploy/bench.sh complaints: 100,000 complaints over the last two years on 6,000 Active accounts (of the 100,000 of
-- seed-accounts.sql, run first), set-based and deterministic (setseed; random() is evaluated serially in INSERT … SELECT).
--   10,000 open: 1,500 New, 1,500 Acknowledged, 5,000 InProgress, 1,200 AwaitingCustomer (open pause), 800 Reopened
--            (one closed pause: resolved, then reopened days later). Of the 8,800 whose clock runs, 2,000 are due for
--            escalation steps now (next_escalation_at in the past: the scan has not seen them since a threshold
--            passed, as after a stop of the job), the others are up to date (next_escalation_at in the future, flags
--            as the every-minute scan leaves them).
--   90,000 stopped: 1,500 Resolved (1,200 within the last 7 days; 300 7–9 days ago, due for the automatic close the
--            scan also does), 88,500 Closed (customer confirmed, or automatically 7 days after the resolution); 15 % with
--            an AwaitingCustomer spell (a closed pause).
-- Consistent with the domain (src/KeyAccount.Domain/Complaints/Complaint.cs) on the 24×7 calendar: targets of the
-- default programme (Strategic 4 h / 48 h, Key 8 h / 72 h, Growth 24 h / 120 h, Standard 24 h / 168 h) scaled by the
-- default severity scale (Critical 50 %, High 75 %, Medium and Low 100 %); counted time excludes pauses. Each clock
-- has its own state (first response: from receipt to the first response; resolution: from receipt to the
-- resolution, paused while awaiting the customer and while resolved): at risk, breached, escalation level; the
-- stored readers' columns follow (the overall SLA state, the running due instant, stopped, the next escalation
-- instant: the earliest next threshold — 80 %, then 100 %, then 200 % — of a running clock). The stage drawn below
-- is the one of the clock that matters now: the first response while New (the resolution clock of a New complaint
-- never gets to 80 % here), the resolution afterwards (the first response came before 80 % of its target).
-- Timeline: Filed, Acknowledged, Assigned, AwaitingCustomer/Resumed, Resolved, Closed, Reopened as the status
-- implies (1 to 7 rows each, kind + arguments; past escalation steps are in the flags, not as timeline rows).
-- Ids md5('bench-complaint-<n>'), references CMP-<year received>-<n, 6 digits>.
SELECT setseed(0.1005);

CREATE TEMP TABLE bench_t0 AS SELECT date_trunc('second', now()) AS t0;

CREATE FUNCTION pg_temp.js(ts timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00' $$;
CREATE FUNCTION pg_temp.secs(s double precision) RETURNS interval LANGUAGE sql IMMUTABLE
    AS $$ SELECT make_interval(secs => floor(s)) $$;

-- 6,000 Active accounts, a fixed sample; complaints favour the first ones (a few accounts complain a lot).
CREATE TEMP TABLE bench_acc AS
SELECT row_number() OVER (ORDER BY md5(id::text)) AS n, id, tier
FROM accounts WHERE status = 'Active' AND registration_number LIKE 'BENCH%'
ORDER BY md5(id::text) LIMIT 6000;
CREATE UNIQUE INDEX ON bench_acc (n);

CREATE TEMP TABLE bench_staff AS
SELECT (SELECT id FROM users WHERE email = 'serviceagent@demo.keyaccount.local') AS agent,
       ARRAY(SELECT id FROM users WHERE email IN ('serviceagent@demo.keyaccount.local', 'qualitymanager@demo.keyaccount.local',
             'accountmanager@demo.keyaccount.local', 'accountmanager2@demo.keyaccount.local') ORDER BY email) AS assignees;

-- Draws, one row per complaint; g % 10 = 0 are the open ones (i = g / 10).
CREATE TEMP TABLE bench_draw AS
SELECT g, md5('bench-complaint-' || g)::uuid AS id, (g % 10 = 0) AS open, g / 10 AS i,
       random() AS u_acc, random() AS u_sev, random() AS u_cat, random() AS u_ch, random() AS u_stage, random() AS u_gap,
       random() AS u_due, random() AS u_fr, random() AS u_res, random() AS u_pause, random() AS u_plen, random() AS u_age,
       random() AS u_close, random() AS u_asg, random() AS u_root
FROM generate_series(1, 100000) AS g;

-- Open ones: status by i % 100, and 2,000 of the running ones (not AwaitingCustomer) due now.
CREATE TEMP TABLE bench_open AS
WITH s AS (
    SELECT d.*, CASE WHEN i % 100 < 15 THEN 'New' WHEN i % 100 < 30 THEN 'Acknowledged' WHEN i % 100 < 80 THEN 'InProgress'
                     WHEN i % 100 < 92 THEN 'AwaitingCustomer' ELSE 'Reopened' END AS status
    FROM bench_draw d WHERE d.open
)
SELECT s.*, (status <> 'AwaitingCustomer'
             AND row_number() OVER (PARTITION BY status <> 'AwaitingCustomer' ORDER BY u_due) <= 2000) AS due
FROM s;

-- Everything but the times.
CREATE TEMP TABLE bench_base AS
SELECT d.g, d.id, d.open, d.u_stage, d.u_gap, d.u_fr, d.u_res, d.u_pause, d.u_plen, d.u_age, d.u_close, d.u_root,
       coalesce(o.status, CASE WHEN row_number() OVER (PARTITION BY d.open ORDER BY d.g) <= 1500 THEN 'Resolved' ELSE 'Closed' END) AS status,
       row_number() OVER (PARTITION BY d.open ORDER BY d.g) AS rn,
       coalesce(o.due, false) AS due,
       a.id AS account_id, a.tier,
       CASE WHEN d.u_sev < 0.08 THEN 'Critical' WHEN d.u_sev < 0.30 THEN 'High' WHEN d.u_sev < 0.70 THEN 'Medium' ELSE 'Low' END AS severity,
       CASE WHEN d.u_cat < 0.35 THEN 'ProductQuality' WHEN d.u_cat < 0.60 THEN 'Delivery' WHEN d.u_cat < 0.75 THEN 'Billing'
            WHEN d.u_cat < 0.90 THEN 'Service' ELSE 'Other' END AS category,
       CASE WHEN d.u_ch < 0.35 THEN 'Phone' WHEN d.u_ch < 0.70 THEN 'Email' WHEN d.u_ch < 0.80 THEN 'OnSite'
            WHEN d.u_ch < 0.95 THEN 'Web' ELSE 'Api' END AS channel,
       st.assignees[1 + floor(d.u_asg * array_length(st.assignees, 1))::int] AS assignee,
       st.agent
FROM bench_draw d
LEFT JOIN bench_open o ON o.g = d.g
JOIN bench_acc a ON a.n = 1 + floor(6000 * power(d.u_acc, 1.6))::int
CROSS JOIN bench_staff st;

-- Targets in seconds (the tier's programme × the severity's share), then every instant as an offset in seconds.
-- Each step MATERIALIZED: inlined, the steps' expressions would be copied into each other (minutes instead of seconds).
CREATE TEMP TABLE bench_c AS
WITH tg AS MATERIALIZED (
    SELECT b.*,
           3600 * CASE b.tier WHEN 'Strategic' THEN 4 WHEN 'Key' THEN 8 ELSE 24 END
                * CASE b.severity WHEN 'Critical' THEN 0.5 WHEN 'High' THEN 0.75 ELSE 1 END AS frt,
           3600 * CASE b.tier WHEN 'Strategic' THEN 48 WHEN 'Key' THEN 72 WHEN 'Growth' THEN 120 ELSE 168 END
                * CASE b.severity WHEN 'Critical' THEN 0.5 WHEN 'High' THEN 0.75 ELSE 1 END AS rtt
    FROM bench_base b
),
-- Open: the escalation stage the flags record (0 none, 1 AtRisk, 2 level 1, 3 level 2) and the counted time e
-- (seconds) of the running clock at t0. Up to date: e lies between the stage's threshold and the next one, which is
-- 10–100 % of the way ahead. Due: the next threshold passed 1 minute to half a target ago (1–3 steps to take).
st AS MATERIALIZED (
    SELECT tg.*,
           CASE WHEN NOT tg.open THEN NULL
                WHEN tg.due THEN CASE WHEN tg.u_stage < 0.6 THEN 0 WHEN tg.u_stage < 0.85 THEN 1 ELSE 2 END
                ELSE CASE WHEN tg.u_stage < 0.6 THEN 0 WHEN tg.u_stage < 0.75 THEN 1 WHEN tg.u_stage < 0.9 THEN 2 ELSE 3 END
           END AS stage,
           CASE WHEN tg.status = 'New' THEN tg.frt ELSE tg.rtt END AS t_run
    FROM tg
),
oe AS MATERIALIZED (
    SELECT st.*,
           CASE st.stage WHEN 0 THEN 0.8 WHEN 1 THEN 1.0 WHEN 2 THEN 2.0 END AS share_next,
           CASE st.stage WHEN 0 THEN 0.0 WHEN 1 THEN 0.8 WHEN 2 THEN 1.0 WHEN 3 THEN 2.0 END AS share_prev
    FROM st
),
oe2 AS MATERIALIZED (
    SELECT oe.*,
           floor(CASE WHEN NOT oe.open THEN NULL
                      WHEN oe.stage = 3 THEN (2 + 1.5 * oe.u_gap) * oe.t_run
                      WHEN oe.due THEN oe.share_next * oe.t_run + 60 + oe.u_gap * 0.5 * oe.t_run
                      ELSE oe.share_next * oe.t_run - (0.1 + 0.9 * oe.u_gap) * (oe.share_next - oe.share_prev) * oe.t_run
                 END) AS e,
           -- wall length of the pause: Reopened (resolved, reopened 1–5 days later), AwaitingCustomer (open for 2 h – 3 days),
           -- stopped ones with an AwaitingCustomer spell (15 %, 2–72 h)
           floor(CASE WHEN oe.status = 'Reopened' THEN 86400 * (1 + 4 * oe.u_plen)
                      WHEN oe.status = 'AwaitingCustomer' THEN 7200 + 252000 * oe.u_plen
                      WHEN NOT oe.open AND oe.u_pause < 0.15 THEN 7200 + 252000 * oe.u_plen
                      ELSE 0 END) AS p
    FROM oe
),
-- Offsets from received_at (seconds of wall time): first response, assignment, pause start, resolution, reopen/close.
tm AS MATERIALIZED (
    SELECT x.*,
           -- stopped: first response at f1 × FRT (f1 0.05–1.55, ~9 % late), resolution counted time rr × RTT
           (0.05 + 1.5 * power(x.u_fr, 5)) AS f1,
           CASE
             WHEN x.status = 'New' THEN NULL
             WHEN x.open AND x.status = 'Reopened' THEN floor(least(0.6 * x.frt * (0.2 + 0.8 * x.u_fr), 0.3 * 0.6 * x.e))
             WHEN x.open THEN floor(least(0.6 * x.frt * (0.2 + 0.8 * x.u_fr), 0.5 * x.e))
             ELSE floor((0.05 + 1.5 * power(x.u_fr, 5)) * x.frt)
           END AS fr_off
    FROM oe2 x
),
tm2 AS MATERIALIZED (
    SELECT tm.*,
           CASE
             WHEN tm.status IN ('New', 'Acknowledged') THEN NULL
             WHEN tm.open AND tm.status = 'Reopened' THEN tm.fr_off + floor(0.2 * (0.6 * tm.e - tm.fr_off))
             WHEN tm.open THEN tm.fr_off + floor(0.3 * (tm.e - tm.fr_off))
             ELSE tm.fr_off + floor((0.02 + 0.08 * tm.u_gap) * tm.rtt)
           END AS asg_off,
           -- stopped: counted time at resolution (rr × RTT, rr 0.1–2.4: ~15 % late, ~3 % twice over), after the assignment
           CASE WHEN NOT tm.open THEN floor(greatest(tm.fr_off + 0.12 * tm.rtt, (0.1 + 2.3 * power(tm.u_res, 6)) * tm.rtt)) END AS e_res
    FROM tm
),
tm3 AS MATERIALIZED (
    SELECT tm2.*,
           CASE
             WHEN tm2.status = 'Reopened' THEN floor(0.6 * tm2.e)                                         -- resolved (counted = wall)
             WHEN NOT tm2.open THEN tm2.e_res + tm2.p                                                      -- resolved (wall)
           END AS res_off,
           CASE
             WHEN tm2.status = 'AwaitingCustomer' THEN tm2.e                                                -- paused at (counted = wall)
             WHEN tm2.status = 'Reopened' THEN floor(0.6 * tm2.e)
             WHEN NOT tm2.open AND tm2.p > 0 THEN tm2.asg_off + floor(0.3 * (tm2.e_res - tm2.asg_off))
           END AS pause_off
    FROM tm2
),
-- received_at: open ones at t0 minus their wall time; stopped ones spread over two years, Resolved within the last 7 days.
rc AS MATERIALIZED (
    SELECT tm3.*,
           CASE WHEN tm3.status = 'Closed' THEN
                  CASE WHEN tm3.u_close < 0.7 THEN floor(43200 + 475200 * tm3.u_close / 0.7) ELSE 604800 + floor(60 * tm3.u_close) END
           END AS close_after,
           CASE
             WHEN tm3.open THEN b0.t0 - pg_temp.secs(tm3.e + tm3.p)
             WHEN tm3.status = 'Resolved' AND tm3.rn <= 300 THEN b0.t0 - pg_temp.secs(608400 + 172800 * tm3.u_age) - pg_temp.secs(tm3.res_off)
             WHEN tm3.status = 'Resolved' THEN b0.t0 - pg_temp.secs(600 + 595000 * tm3.u_age) - pg_temp.secs(tm3.res_off)
             ELSE NULL
           END AS rcv_open
    FROM tm3 CROSS JOIN bench_t0 b0
),
rc2 AS MATERIALIZED (
    SELECT rc.*,
           coalesce(rc.rcv_open,
                    b0.t0 - pg_temp.secs(rc.res_off + rc.close_after + 3600)
                          - pg_temp.secs(rc.u_age * greatest(0, 730 * 86400 - rc.res_off - rc.close_after - 3600))) AS received_at
    FROM rc CROSS JOIN bench_t0 b0
)
SELECT rc2.*,
       rc2.received_at + pg_temp.secs(rc2.fr_off) AS first_responded_at,
       rc2.received_at + pg_temp.secs(rc2.asg_off) AS assigned_at,
       rc2.received_at + pg_temp.secs(rc2.pause_off) AS paused_at,
       rc2.received_at + pg_temp.secs(rc2.pause_off + rc2.p) AS resumed_at,
       rc2.received_at + pg_temp.secs(rc2.res_off) AS resolved_at,
       rc2.received_at + pg_temp.secs(rc2.res_off + rc2.close_after) AS closed_at,
       -- each clock's flags: the drawn stage for the clock that matters now, the shares reached for stopped ones
       CASE WHEN rc2.open THEN rc2.status = 'New' AND rc2.stage >= 1 ELSE rc2.f1 >= 0.8 END AS fr_at_risk,
       CASE WHEN rc2.open THEN CASE WHEN rc2.status = 'New' THEN greatest(rc2.stage - 1, 0) ELSE 0 END
            ELSE CASE WHEN rc2.f1 >= 2 THEN 2 WHEN rc2.f1 >= 1 THEN 1 ELSE 0 END END AS fr_level,
       CASE WHEN rc2.open THEN rc2.status = 'New' AND rc2.stage >= 2 ELSE rc2.f1 >= 1 END AS fr_breached,
       CASE WHEN rc2.open THEN rc2.status <> 'New' AND rc2.stage >= 1 ELSE rc2.e_res >= 0.8 * rc2.rtt END AS res_at_risk,
       CASE WHEN rc2.open THEN CASE WHEN rc2.status <> 'New' THEN greatest(rc2.stage - 1, 0) ELSE 0 END
            ELSE CASE WHEN rc2.e_res >= 2 * rc2.rtt THEN 2 WHEN rc2.e_res >= rc2.rtt THEN 1 ELSE 0 END END AS res_level,
       CASE WHEN rc2.open THEN rc2.status <> 'New' AND rc2.stage >= 2 ELSE rc2.e_res >= rc2.rtt END AS res_breached,
       (ARRAY['Design', 'Manufacturing', 'Supplier', 'Logistics', 'Communication', 'Process', 'HumanError', 'Documentation', 'Other'])
           [1 + floor(9 * power(rc2.u_root, 1.7))::int] AS root_cause,
       CASE rc2.category WHEN 'ProductQuality' THEN 'Quality' WHEN 'Delivery' THEN 'Logistics' WHEN 'Billing' THEN 'Finance'
                         WHEN 'Service' THEN 'Service' ELSE 'Sales' END AS department
FROM rc2;

INSERT INTO complaints (id, reference, account_id, contact_id, channel, category, severity, tier_at_intake, subject, description,
                        requested_remedy, received_at, status, department, assignee_id, first_responded_at, resolved_at, closed_at,
                        resolution, root_cause, corrective_action, first_response_target, resolution_target, calendar,
                        first_response_at_risk, first_response_breached, first_response_escalation_level,
                        resolution_at_risk, resolution_breached, resolution_escalation_level, next_escalation_at,
                        updated_at, pauses, first_response_due_at, resolution_due_at, due_at, sla_state, is_stopped, last_timeline_sequence)
SELECT c.id,
       'CMP-' || extract(year FROM c.received_at AT TIME ZONE 'UTC') || '-' || lpad(c.g::text, 6, '0'),
       c.account_id, NULL, c.channel, c.category, c.severity, c.tier,
       CASE c.category WHEN 'ProductQuality' THEN 'Defective parts in lot L-' || (10000 + c.g % 90000)
                       WHEN 'Delivery' THEN 'Late or short delivery on order SO-' || (100000 + c.g)
                       WHEN 'Billing' THEN 'Invoice INV-' || (200000 + c.g) || ' does not match the contract price'
                       WHEN 'Service' THEN 'No answer from the service desk on ticket ' || (30000 + c.g % 60000)
                       ELSE 'Complaint ' || c.g END,
       'The customer reports: ' || lower(c.category) || ' issue affecting production; details in the attached report. '
           || 'Reported via ' || c.channel || ', severity ' || c.severity || '.',
       CASE WHEN c.g % 3 = 0 THEN 'Replace or credit the affected items and confirm the corrective action in writing' END,
       c.received_at,
       c.status,
       CASE WHEN c.status NOT IN ('New', 'Acknowledged') THEN c.department END,
       CASE WHEN c.status NOT IN ('New', 'Acknowledged') THEN c.assignee END,
       CASE WHEN c.status <> 'New' THEN c.first_responded_at END,
       CASE WHEN c.status IN ('Resolved', 'Closed') THEN c.resolved_at END,
       CASE WHEN c.status = 'Closed' THEN c.closed_at END,
       CASE WHEN c.status IN ('Resolved', 'Closed', 'Reopened') THEN 'Replaced the affected items and credited the customer' END,
       CASE WHEN c.status IN ('Resolved', 'Closed', 'Reopened') THEN c.root_cause END,
       CASE WHEN c.status IN ('Resolved', 'Closed', 'Reopened') THEN 'Added an inspection step and updated the work instruction' END,
       pg_temp.secs(c.frt), pg_temp.secs(c.rtt),
       '{"TimeZone":"UTC","AlwaysOpen":true,"Hours":[],"Holidays":[]}'::jsonb,
       c.fr_at_risk, c.fr_breached, c.fr_level, c.res_at_risk, c.res_breached, c.res_level,
       -- the earliest next threshold of a running clock (the first response while New; the resolution while New,
       -- Acknowledged, InProgress or Reopened)
       CASE WHEN c.status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') THEN least(
            CASE WHEN c.status = 'New' AND c.fr_level < 2
                 THEN c.received_at + pg_temp.secs(CASE WHEN NOT c.fr_at_risk THEN 0.8 WHEN c.fr_level < 1 THEN 1.0 ELSE 2.0 END * c.frt) END,
            CASE WHEN c.res_level < 2
                 THEN c.received_at + pg_temp.secs(c.p + CASE WHEN NOT c.res_at_risk THEN 0.8 WHEN c.res_level < 1 THEN 1.0 ELSE 2.0 END * c.rtt) END) END,
       CASE c.status WHEN 'Closed' THEN c.closed_at WHEN 'Resolved' THEN c.resolved_at WHEN 'New' THEN c.received_at
                     WHEN 'Acknowledged' THEN c.first_responded_at WHEN 'InProgress' THEN c.assigned_at
                     WHEN 'AwaitingCustomer' THEN c.paused_at ELSE c.resumed_at END,
       (CASE c.status
          WHEN 'AwaitingCustomer' THEN jsonb_build_array(jsonb_build_object('From', pg_temp.js(c.paused_at), 'To', NULL))
          WHEN 'Reopened' THEN jsonb_build_array(jsonb_build_object('From', pg_temp.js(c.paused_at), 'To', pg_temp.js(c.resumed_at)))
          WHEN 'Resolved' THEN '[]'::jsonb WHEN 'Closed' THEN '[]'::jsonb
          ELSE '[]'::jsonb END)
       || CASE WHEN c.status IN ('Resolved', 'Closed') AND c.p > 0
               THEN jsonb_build_array(jsonb_build_object('From', pg_temp.js(c.paused_at), 'To', pg_temp.js(c.resumed_at))) ELSE '[]'::jsonb END
       || CASE WHEN c.status IN ('Resolved', 'Closed')
               THEN jsonb_build_array(jsonb_build_object('From', pg_temp.js(c.resolved_at), 'To', NULL)) ELSE '[]'::jsonb END,
       -- due instants: first response while not given, resolution while not stopped and no pause is open; the running
       -- one is the earlier
       CASE WHEN c.status = 'New' THEN c.received_at + pg_temp.secs(c.frt) END,
       CASE WHEN c.status IN ('New', 'Acknowledged', 'InProgress', 'Reopened') THEN c.received_at + pg_temp.secs(c.p + c.rtt) END,
       CASE WHEN c.status = 'New' THEN c.received_at + pg_temp.secs(c.frt)
            WHEN c.status IN ('Acknowledged', 'InProgress', 'Reopened') THEN c.received_at + pg_temp.secs(c.p + c.rtt) END,
       CASE WHEN c.fr_breached OR c.res_breached THEN 'Breached'
            WHEN (c.status = 'New' AND c.fr_at_risk) OR (c.status NOT IN ('Resolved', 'Closed') AND c.res_at_risk) THEN 'AtRisk'
            ELSE 'OnTime' END,
       c.status IN ('Resolved', 'Closed'),
       -- the timeline rows below: Filed, then one per step the status implies
       1 + (c.status <> 'New')::int + (c.status NOT IN ('New', 'Acknowledged'))::int
         + (c.status = 'AwaitingCustomer' OR (c.status IN ('Resolved', 'Closed') AND c.p > 0))::int
         + (c.status IN ('Resolved', 'Closed') AND c.p > 0)::int + (c.status IN ('Resolved', 'Closed', 'Reopened'))::int
         + (c.status = 'Closed')::int + (c.status = 'Reopened')::int
FROM bench_c c;

-- The timeline, in the order things happened: kind + arguments, and what people wrote as the note.
INSERT INTO complaint_timeline (complaint_id, sequence, kind, "by", "at", note, from_status, to_status, assignee_id, department, root_cause,
                                corrective_action, channel, automatic)
SELECT e.id, row_number() OVER (PARTITION BY e.id ORDER BY e.step), e.kind, e.who, e.at, e.note, e.from_status, e.to_status, e.assignee,
       e.department, e.root_cause, e.corrective_action, e.channel, e.automatic
FROM (
    SELECT c.id, v.*
    FROM bench_c c
    CROSS JOIN LATERAL (VALUES
        (1, 'Filed', c.agent, c.received_at, NULL, NULL, 'New', NULL::uuid, NULL, NULL, NULL, c.channel, NULL::boolean, true),
        (2, 'Acknowledged', c.agent, c.first_responded_at, 'We have received your complaint and are looking into it.', 'New', 'Acknowledged', NULL,
            NULL, NULL, NULL, NULL, NULL, c.status <> 'New'),
        (3, 'Assigned', c.agent, c.assigned_at, NULL, 'Acknowledged', 'InProgress', c.assignee, c.department, NULL, NULL, NULL, NULL,
            c.status NOT IN ('New', 'Acknowledged')),
        (4, 'AwaitingCustomer', c.assignee, c.paused_at, 'Asked the customer for photos and the batch numbers', 'InProgress', 'AwaitingCustomer', NULL,
            NULL, NULL, NULL, NULL, NULL, c.status = 'AwaitingCustomer' OR (c.status IN ('Resolved', 'Closed') AND c.p > 0)),
        (5, 'Resumed', c.assignee, c.resumed_at, NULL, 'AwaitingCustomer', 'InProgress', NULL, NULL, NULL, NULL, NULL, NULL,
            c.status IN ('Resolved', 'Closed') AND c.p > 0),
        (6, 'Resolved', c.assignee, c.resolved_at, 'Replaced the affected items and credited the customer', 'InProgress', 'Resolved', NULL,
            NULL, c.root_cause, 'Added an inspection step and updated the work instruction', NULL, NULL, c.status IN ('Resolved', 'Closed', 'Reopened')),
        (7, 'Closed', CASE WHEN c.close_after < 604800 THEN c.agent END, c.closed_at, NULL, 'Resolved', 'Closed', NULL,
            NULL, NULL, NULL, NULL, c.close_after >= 604800, c.status = 'Closed'),
        (8, 'Reopened', c.agent, c.resumed_at, 'The problem came back on the next delivery', 'Resolved', 'Reopened', NULL,
            NULL, NULL, NULL, NULL, NULL, c.status = 'Reopened')
    ) AS v(step, kind, who, at, note, from_status, to_status, assignee, department, root_cause, corrective_action, channel, automatic, included)
    WHERE v.included
) e;

-- New complaints filed through the API take references after these.
SELECT setval('complaint_reference_seq', 100000);

DROP TABLE bench_c, bench_base, bench_open, bench_draw, bench_staff, bench_acc, bench_t0;
