using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// One SLA state per clock, and the complaint's SLA state as plain columns the aggregate maintains (DESIGN §4, one
    /// home per rule); timeline entries and complaint reminders as kind + arguments.
    /// <para>
    /// Existing rows: the new columns are computed here in SQL from what is stored, and every open complaint is marked
    /// for recomputation by the next escalation scan (its next_escalation_at set to its receipt, so the scan loads it,
    /// takes any step now due on either clock — e.g. the resolution warning the single flag used to suppress — and
    /// lets the aggregate reschedule it exactly, business calendar included). Stopped complaints take no more steps:
    /// their stored state is final from here.
    /// </para>
    /// <para>
    /// The single at-risk flag and escalation level become per clock. Where the timeline recorded the steps (the old
    /// scan wrote "First response target …" / "Resolution target …" entries), each clock gets its own steps; this
    /// migration is the only place that reads those sentences, to turn them into kind + arguments once. Flags without
    /// such entries go to the clock that was running: the first response while New, the resolution afterwards.
    /// </para>
    /// </summary>
    public partial class SlaClocksPerTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // --- Timeline: kind + arguments; what people wrote stays, as the note.
            migrationBuilder.Sql("""
                ALTER TABLE complaint_timeline
                    ADD COLUMN department character varying(32),
                    ADD COLUMN root_cause character varying(32),
                    ADD COLUMN corrective_action character varying(4000),
                    ADD COLUMN channel character varying(32),
                    ADD COLUMN clock character varying(32),
                    ADD COLUMN level integer,
                    ADD COLUMN automatic boolean;
                ALTER TABLE complaint_timeline RENAME COLUMN text TO note;
                ALTER TABLE complaint_timeline ALTER COLUMN note DROP NOT NULL;

                UPDATE complaint_timeline t SET channel = c.channel, note = NULL
                FROM complaints c WHERE c.id = t.complaint_id AND t.kind = 'Filed';

                UPDATE complaint_timeline SET department = substring(note FROM '^Assigned to (\w+)$'), note = NULL
                WHERE kind = 'Assigned';

                UPDATE complaint_timeline SET note = NULL WHERE kind = 'Resumed' AND note = 'Customer answered';

                UPDATE complaint_timeline SET automatic = (note = 'Closed automatically 7 days after resolution'),
                       note = CASE WHEN note IN ('Closed automatically 7 days after resolution', 'Customer confirmed') THEN NULL ELSE note END
                WHERE kind = 'Closed';

                -- "<root cause>: <resolution> — <corrective action>": split exactly where the complaint still holds
                -- that resolution, at the last " — " for an earlier one (before a reopen).
                UPDATE complaint_timeline
                SET root_cause = split_part(note, ': ', 1), note = substring(note FROM position(': ' IN note) + 2)
                WHERE kind = 'Resolved' AND note ~ '^\w+: ';
                UPDATE complaint_timeline t
                SET corrective_action = CASE WHEN t.note = c.resolution || ' — ' || c.corrective_action THEN c.corrective_action
                                             ELSE regexp_replace(t.note, '^.* — ', '') END,
                    note = CASE WHEN t.note = c.resolution || ' — ' || c.corrective_action THEN c.resolution
                                ELSE regexp_replace(t.note, ' — (?!.* — ).*$', '') END
                FROM complaints c
                WHERE c.id = t.complaint_id AND t.kind = 'Resolved' AND strpos(t.note, ' — ') > 0;

                UPDATE complaint_timeline
                SET clock = CASE WHEN note LIKE 'First response%' THEN 'FirstResponse' ELSE 'Resolution' END,
                    kind = CASE WHEN note LIKE '%at risk%' THEN 'AtRisk' ELSE 'Escalated' END,
                    level = CASE WHEN note LIKE '%at risk%' THEN NULL WHEN note LIKE '%level 2' THEN 2 ELSE 1 END,
                    note = NULL
                WHERE kind = 'Escalated';
                """);

            // --- Complaints: per-clock state and the stored readers' columns (plain, no longer generated).
            migrationBuilder.Sql("""
                DROP INDEX ix_complaints_queue;
                ALTER TABLE complaints ALTER COLUMN is_stopped DROP EXPRESSION;
                ALTER TABLE complaints DROP COLUMN queue_due_at;
                ALTER TABLE complaints
                    ADD COLUMN first_response_at_risk boolean NOT NULL DEFAULT false,
                    ADD COLUMN first_response_escalation_level integer NOT NULL DEFAULT 0,
                    ADD COLUMN resolution_at_risk boolean NOT NULL DEFAULT false,
                    ADD COLUMN resolution_escalation_level integer NOT NULL DEFAULT 0,
                    ADD COLUMN sla_state character varying(32) NOT NULL DEFAULT 'OnTime',
                    ADD COLUMN due_at timestamp with time zone,
                    ADD COLUMN last_timeline_sequence integer NOT NULL DEFAULT 0;

                WITH e AS (
                    SELECT complaint_id,
                           bool_or(kind = 'AtRisk' AND clock = 'FirstResponse') AS fr_risk,
                           coalesce(max(level) FILTER (WHERE kind = 'Escalated' AND clock = 'FirstResponse'), 0) AS fr_level,
                           bool_or(kind = 'AtRisk' AND clock = 'Resolution') AS res_risk,
                           coalesce(max(level) FILTER (WHERE kind = 'Escalated' AND clock = 'Resolution'), 0) AS res_level,
                           max(sequence) AS last_sequence
                    FROM complaint_timeline GROUP BY complaint_id
                )
                UPDATE complaints c
                SET first_response_at_risk = coalesce(e.fr_risk, false) OR (c.status = 'New' AND c.at_risk_notified),
                    first_response_escalation_level = greatest(coalesce(e.fr_level, 0), CASE WHEN c.status = 'New' THEN c.escalation_level ELSE 0 END),
                    resolution_at_risk = coalesce(e.res_risk, false)
                        OR (c.status <> 'New' AND c.at_risk_notified AND NOT coalesce(e.fr_risk, false)),
                    resolution_escalation_level = greatest(coalesce(e.res_level, 0),
                        CASE WHEN c.status <> 'New' AND c.escalation_level > coalesce(e.fr_level, 0) THEN c.escalation_level ELSE 0 END),
                    last_timeline_sequence = coalesce(e.last_sequence, 0)
                FROM complaints c2 LEFT JOIN e ON e.complaint_id = c2.id
                WHERE c2.id = c.id;

                -- Stopped: resolved or closed. The running due instant: the earliest due instant of a running clock
                -- (the stored ones are null once a clock stopped or while it is paused).
                UPDATE complaints
                SET sla_state = CASE WHEN first_response_breached OR resolution_breached THEN 'Breached'
                                     WHEN (status = 'New' AND first_response_at_risk) OR (NOT is_stopped AND resolution_at_risk) THEN 'AtRisk'
                                     ELSE 'OnTime' END,
                    due_at = CASE WHEN NOT is_stopped THEN least(first_response_due_at, resolution_due_at) END,
                    next_escalation_at = CASE WHEN NOT is_stopped THEN received_at END;

                ALTER TABLE complaints DROP COLUMN at_risk_notified, DROP COLUMN escalation_level;
                ALTER TABLE complaints ALTER COLUMN first_response_at_risk DROP DEFAULT, ALTER COLUMN first_response_escalation_level DROP DEFAULT,
                    ALTER COLUMN resolution_at_risk DROP DEFAULT, ALTER COLUMN resolution_escalation_level DROP DEFAULT,
                    ALTER COLUMN sla_state DROP DEFAULT, ALTER COLUMN last_timeline_sequence DROP DEFAULT;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_queue",
                table: "complaints",
                columns: new[] { "is_stopped", "due_at", "received_at" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_queue_by_sla_state",
                table: "complaints",
                columns: new[] { "sla_state", "is_stopped", "due_at", "received_at" },
                descending: new[] { false, false, false, true });

            // --- The health seam reads the stored columns: open = not stopped, breaches = a breached clock.
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW account_service AS
                SELECT c.account_id,
                       (count(*) FILTER (WHERE NOT c.is_stopped))::integer AS open_complaints,
                       (count(*) FILTER (WHERE (c.first_response_breached OR c.resolution_breached) AND c.received_at >= now() - interval '90 days'))::integer AS sla_breaches_90d
                FROM complaints c
                GROUP BY c.account_id;
                """);

            // --- Reminders: kind + arguments; the arguments tell one complaint's steps of a day apart.
            migrationBuilder.DropIndex(
                name: "ix_reminders_user_id_kind_subject_id_due_date",
                table: "reminders");

            migrationBuilder.AddColumn<string>(
                name: "args",
                table: "reminders",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_reminders_user_id_kind_subject_id_due_date_args",
                table: "reminders",
                columns: new[] { "user_id", "kind", "subject_id", "due_date", "args" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reminders_user_id_kind_subject_id_due_date_args",
                table: "reminders");

            // Reminders of two steps of the same day would collide in the old index: keep the first.
            migrationBuilder.Sql("""
                DELETE FROM reminders r USING reminders o
                WHERE o.user_id = r.user_id AND o.kind = r.kind AND o.subject_id = r.subject_id AND o.due_date = r.due_date AND o.id < r.id;
                """);

            migrationBuilder.DropColumn(
                name: "args",
                table: "reminders");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_user_id_kind_subject_id_due_date",
                table: "reminders",
                columns: new[] { "user_id", "kind", "subject_id", "due_date" },
                unique: true);

            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW account_service AS
                SELECT c.account_id,
                       (count(*) FILTER (WHERE c.status NOT IN ('Resolved', 'Closed')))::integer AS open_complaints,
                       (count(*) FILTER (WHERE (c.first_response_breached OR c.resolution_breached) AND c.received_at >= now() - interval '90 days'))::integer AS sla_breaches_90d
                FROM complaints c
                GROUP BY c.account_id;

                DROP INDEX ix_complaints_queue;
                DROP INDEX ix_complaints_queue_by_sla_state;
                ALTER TABLE complaints ADD COLUMN at_risk_notified boolean NOT NULL DEFAULT false, ADD COLUMN escalation_level integer NOT NULL DEFAULT 0;
                UPDATE complaints
                SET at_risk_notified = CASE WHEN status = 'New' THEN first_response_at_risk ELSE first_response_at_risk OR resolution_at_risk END,
                    escalation_level = CASE WHEN status = 'New' THEN first_response_escalation_level
                                            ELSE greatest(first_response_escalation_level, resolution_escalation_level) END;
                ALTER TABLE complaints ALTER COLUMN at_risk_notified DROP DEFAULT, ALTER COLUMN escalation_level DROP DEFAULT;
                UPDATE complaints SET next_escalation_at = NULL WHERE escalation_level >= 2;
                ALTER TABLE complaints DROP COLUMN first_response_at_risk, DROP COLUMN first_response_escalation_level,
                    DROP COLUMN resolution_at_risk, DROP COLUMN resolution_escalation_level, DROP COLUMN sla_state, DROP COLUMN due_at,
                    DROP COLUMN last_timeline_sequence, DROP COLUMN is_stopped;
                ALTER TABLE complaints ADD COLUMN is_stopped boolean GENERATED ALWAYS AS (status IN ('Resolved', 'Closed')) STORED,
                    ADD COLUMN queue_due_at timestamp with time zone GENERATED ALWAYS AS (CASE WHEN status = 'New' THEN first_response_due_at ELSE resolution_due_at END) STORED;
                CREATE INDEX ix_complaints_queue ON complaints (is_stopped, queue_due_at, received_at DESC);

                -- The timeline back to English sentences, as the old code wrote them.
                UPDATE complaint_timeline SET note = 'Filed via ' || channel WHERE kind = 'Filed';
                UPDATE complaint_timeline SET note = 'Assigned to ' || department WHERE kind = 'Assigned';
                UPDATE complaint_timeline SET note = 'Customer answered' WHERE kind = 'Resumed' AND note IS NULL;
                UPDATE complaint_timeline SET note = root_cause || ': ' || coalesce(note, '') || ' — ' || coalesce(corrective_action, '') WHERE kind = 'Resolved';
                UPDATE complaint_timeline SET note = CASE WHEN automatic THEN 'Closed automatically 7 days after resolution' ELSE 'Customer confirmed' END
                    WHERE kind = 'Closed' AND note IS NULL;
                UPDATE complaint_timeline
                SET note = CASE clock WHEN 'FirstResponse' THEN 'First response' ELSE 'Resolution' END
                           || CASE WHEN kind = 'AtRisk' THEN ' target at risk (80% used)'
                                   WHEN level = 2 THEN ' target exceeded twice over: escalated to level 2'
                                   ELSE ' target breached: escalated to level 1' END,
                    kind = 'Escalated'
                WHERE kind IN ('AtRisk', 'Escalated');
                UPDATE complaint_timeline SET note = '' WHERE note IS NULL;
                ALTER TABLE complaint_timeline ALTER COLUMN note SET NOT NULL;
                ALTER TABLE complaint_timeline RENAME COLUMN note TO text;
                ALTER TABLE complaint_timeline DROP COLUMN department, DROP COLUMN root_cause, DROP COLUMN corrective_action,
                    DROP COLUMN channel, DROP COLUMN clock, DROP COLUMN level, DROP COLUMN automatic;
                """);
        }
    }
}
