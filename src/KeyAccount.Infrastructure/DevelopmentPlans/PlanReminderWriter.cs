using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Outbox;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.DevelopmentPlans;

/// <summary>
/// The development plans' reminders, set-based, in one transaction: a statement per kind whatever the number of plans.
/// Arguments are written with the camelCase and enum names of <see cref="ReminderArgs"/> (how EF reads them back).
/// </summary>
internal sealed class PlanReminderWriter(AppDbContext db, IPlanCoverage coverage) : IPlanReminders
{
    /// <summary>How often an initiative that stays overdue is reminded (and its event raised again).</summary>
    public const int OverdueReminderDays = 7;

    // Initiatives not Done past their due date on Approved or Active plans, not reminded in the last week: marked (the
    // mark is the once-a-week guarantee, taken under row locks so that two runs cannot both take one) and returned.
    private const string TakeOverdueSql = """
        WITH due AS (
            SELECT i.id
            FROM plan_initiatives i
            JOIN development_plans p ON p.id = i.plan_id
            WHERE p.status IN ('Approved', 'Active') AND i.status <> 'Done' AND i.due_date < @today
              AND (i.overdue_notified_on IS NULL OR i.overdue_notified_on <= @again_before)
            FOR UPDATE OF i SKIP LOCKED
        )
        UPDATE plan_initiatives i SET overdue_notified_on = @today
        FROM due, development_plans p
        WHERE i.id = due.id AND p.id = i.plan_id
        RETURNING i.id AS initiative_id, p.id AS plan_id, p.account_id, p.title AS plan_title, i.title, i.owner_id, i.due_date
        """;

    // One reminder per plan and review date, for the plan's owner (one per date even if the plan was renamed since).
    private const string ReviewsDueSql = """
        INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
        SELECT p.owner_id, p.account_id, 'PlanReviewDue', p.id, p.next_review_due,
               left('Development plan "' || p.title || '" is due for review on ' || to_char(p.next_review_due, 'YYYY-MM-DD') || '.', 500),
               jsonb_build_object('planTitle', p.title), @now
        FROM development_plans p
        WHERE p.status = 'Active' AND p.next_review_due <= @today
          AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.user_id = p.owner_id AND r.kind = 'PlanReviewDue'
                                                      AND r.subject_id = p.id AND r.due_date = p.next_review_due)
        ON CONFLICT DO NOTHING
        """;

    public async Task<PlanRemindersOutcome> RecordAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = PlanDay.Today(now);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var overdue = await db.Database.SqlQueryRaw<OverdueRow>(
                TakeOverdueSql,
                new NpgsqlParameter("today", today), new NpgsqlParameter("again_before", today.AddDays(-OverdueReminderDays)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (overdue.Count > 0)
        {
            await RemindOverdueAsync(overdue, today, now, cancellationToken).ConfigureAwait(false);
            await OutboxWriter.WriteAsync(
                db,
                [.. overdue.Select(o => (IDomainEvent)new PlanInitiativeOverdue(
                    new DevelopmentPlanId(o.PlanId), new AccountId(o.AccountId), new PlanInitiativeId(o.InitiativeId), o.Title, new UserId(o.OwnerId), o.DueDate, now))],
                cancellationToken).ConfigureAwait(false);
        }

        var reviews = await db.Database.ExecuteSqlRawAsync(
            ReviewsDueSql, [new NpgsqlParameter("today", today), new NpgsqlParameter("now", now)], cancellationToken).ConfigureAwait(false);
        var needing = await coverage.RemindOwnersAsync(today, now, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PlanRemindersOutcome(overdue.Count, reviews, needing);
    }

    /// <summary>One reminder per overdue initiative for its owner, due the day it is sent (one a week while it stays overdue).</summary>
    private Task<int> RemindOverdueAsync(IReadOnlyList<OverdueRow> overdue, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
            SELECT n.user_id, n.account_id, 'InitiativeOverdue', n.subject_id, @today, left(n.message, 500), n.args, @now
            FROM unnest(@users, @accounts, @subjects, @messages, @args) AS n(user_id, account_id, subject_id, message, args)
            ON CONFLICT DO NOTHING
            """,
            [
                new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = overdue.Select(o => o.OwnerId).ToArray() },
                new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = overdue.Select(o => o.AccountId).ToArray() },
                new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = overdue.Select(o => o.InitiativeId).ToArray() },
                new NpgsqlParameter("messages", NpgsqlDbType.Array | NpgsqlDbType.Text)
                {
                    Value = overdue.Select(o => $"Initiative \"{o.Title}\" of plan \"{o.PlanTitle}\" was due {o.DueDate:yyyy-MM-dd} and is not done.").ToArray(),
                },
                new NpgsqlParameter("args", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
                {
                    Value = overdue.Select(o => ReminderArgsJson.Write(new ReminderArgs { PlanTitle = o.PlanTitle, InitiativeTitle = o.Title, InitiativeDueDate = o.DueDate })).ToArray(),
                },
                new NpgsqlParameter("today", today),
                new NpgsqlParameter("now", now),
            ],
            cancellationToken);

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record OverdueRow(Guid InitiativeId, Guid PlanId, Guid AccountId, string PlanTitle, string Title, Guid OwnerId, DateOnly DueDate);
}
