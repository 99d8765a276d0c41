using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>
/// Records due reminders set-based (three INSERT ... SELECT statements in one transaction, whatever the number of
/// accounts). The unique index (user, kind, subject, due date, arguments) makes a rerun record nothing new. The
/// arguments are built here with the camelCase names of <see cref="Domain.Reminders.ReminderArgs"/>, which is how EF
/// reads them back (a test reads every kind through the API).
/// </summary>
internal sealed class ReminderWriter(AppDbContext db) : IReminderWriter
{
    // Overdue contact: the owner of an active account past its tier's cadence (the published policy's service
    // programme, see ContactCadenceSql) since the last interaction or since the account was created.
    // Due date = the day the account became overdue, so one reminder per overdue spell.
    private static readonly string OverdueContact = $"""
        WITH {ContactCadenceSql.OverdueCte}
        INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
        SELECT o.owner_id, o.id, 'OverdueContact', o.id, o.overdue_since::date,
               'No interaction with ' || o.name || ' for more than ' || o.cadence_days || ' days (' || o.tier || ' cadence).',
               jsonb_build_object('tier', o.tier, 'cadenceDays', o.cadence_days), @now
        FROM overdue o
        WHERE o.overdue_since < @now
        ON CONFLICT DO NOTHING
        """;

    // Birthdays of contacts in the next 7 days, for the account owner.
    private const string Birthdays = """
        INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
        SELECT a.owner_id, a.id, 'ContactBirthday', ct.id, b.next_birthday,
               ct.name || ' (' || a.name || ') has a birthday on ' || to_char(b.next_birthday, 'YYYY-MM-DD') || '.',
               jsonb_build_object('contactName', ct.name), @now
        FROM contacts ct
        JOIN accounts a ON a.id = ct.account_id AND a.status IN ('Active', 'Prospect')
        CROSS JOIN LATERAL (SELECT extract(year from @today)::int - extract(year from ct.birthday)::int AS age) y
        CROSS JOIN LATERAL (
            -- "+ n years" maps 29 February to 28 February in common years.
            SELECT CASE WHEN (ct.birthday + make_interval(years => y.age))::date >= @today
                        THEN (ct.birthday + make_interval(years => y.age))::date
                        ELSE (ct.birthday + make_interval(years => y.age + 1))::date
                   END AS next_birthday) b
        WHERE ct.birthday IS NOT NULL AND b.next_birthday BETWEEN @today AND @today + 7
          -- One per contact and birthday even if the contact was renamed since (the name is an argument).
          AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_id = a.owner_id AND r.kind = 'ContactBirthday'
                                                      AND r.subject_id = ct.id AND r.due_date = b.next_birthday)
        ON CONFLICT DO NOTHING
        """;

    // Open next steps due within the coming week (DueWindow.Horizon: a step logged for next week is reminded from the
    // next run on) or overdue by up to 30 days, for whoever logged the interaction. A step marked done is never
    // reminded again (and its open reminders are dismissed when it is marked done).
    private const string NextSteps = """
        INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
        SELECT i.logged_by, i.account_id, 'NextStepDue', i.id, i.next_step_due,
               'Next step for ' || a.name || ': ' || left(i.next_step, 300),
               jsonb_build_object('nextStep', i.next_step), @now
        FROM interactions i
        JOIN accounts a ON a.id = i.account_id
        WHERE i.next_step_due BETWEEN @today - 30 AND @horizon AND i.next_step_done_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_id = i.logged_by AND r.kind = 'NextStepDue'
                                                      AND r.subject_id = i.id AND r.due_date = i.next_step_due)
        ON CONFLICT DO NOTHING
        """;

    public async Task<int> NotifyAsync(IReadOnlyList<ReminderNotice> notices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return 0;
        }

        return await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
            SELECT n.user_id, n.account_id, n.kind, n.subject_id, @today, left(n.message, 500), n.args, @now
            FROM unnest(@users, @accounts, @kinds, @subjects, @messages, @args) AS n(user_id, account_id, kind, subject_id, message, args)
            ON CONFLICT DO NOTHING
            """,
            [
                new Npgsql.NpgsqlParameter("users", notices.Select(n => n.UserId.Value).ToArray()),
                new Npgsql.NpgsqlParameter("accounts", notices.Select(n => n.AccountId.Value).ToArray()),
                new Npgsql.NpgsqlParameter("kinds", notices.Select(n => n.Kind.ToString()).ToArray()),
                new Npgsql.NpgsqlParameter("subjects", notices.Select(n => n.SubjectId).ToArray()),
                new Npgsql.NpgsqlParameter("messages", notices.Select(n => n.Message).ToArray()),
                new Npgsql.NpgsqlParameter("args", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb) { Value = notices.Select(n => Configurations.ReminderArgsJson.Write(n.Args)).ToArray() },
                new Npgsql.NpgsqlParameter("today", DateOnly.FromDateTime(now.UtcDateTime)),
                new Npgsql.NpgsqlParameter("now", now),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RecordDueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Days are the business calendar's (Beijing): at 00:30 in Beijing a step due that day is due today.
        var today = Domain.Common.BusinessDay.Today(now);
        var parameters = new object[]
        {
            new Npgsql.NpgsqlParameter("now", now),
            new Npgsql.NpgsqlParameter("today", today),
            new Npgsql.NpgsqlParameter("horizon", Domain.Common.DueWindow.Horizon(today)),
        };
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        foreach (var sql in new[] { OverdueContact, Birthdays, NextSteps })
        {
            count += await db.Database.ExecuteSqlRawAsync(sql, parameters.Select(p => ((Npgsql.NpgsqlParameter)p).Clone()), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
