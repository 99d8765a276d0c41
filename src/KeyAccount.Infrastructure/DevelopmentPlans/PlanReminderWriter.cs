using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Reminders;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.DevelopmentPlans;

/// <summary>
/// The development plans' reminders. Overdue initiatives go through the aggregate: SQL finds the plans in force whose
/// stored earliest open due date has passed and that have an initiative not reminded in the last week (facts, by index);
/// the domain decides which initiatives are overdue (<see cref="PlanInitiative.IsOverdue"/>) and records each reminder
/// with its event (<see cref="DevelopmentPlan.NotifyOverdue"/>), which the outbox interceptor writes on save — in
/// batches, each in one transaction with its reminders. Reviews due and accounts needing a plan are one INSERT ... SELECT
/// each. Arguments are written with the camelCase and enum names of <see cref="ReminderArgs"/> (how EF reads them back).
/// </summary>
internal sealed class PlanReminderWriter(AppDbContext db, IPlanCoverage coverage, IReminderWriter reminders) : IPlanReminders
{
    /// <summary>How often an initiative that stays overdue is reminded (and its event raised again).</summary>
    public const int OverdueReminderDays = 7;

    private const int Batch = 200;

    private const string CandidatesSql = """
        SELECT p.id AS "Value"
        FROM development_plans p
        WHERE p.status IN ('Approved', 'Active') AND p.earliest_open_due_date < @today
          AND EXISTS (SELECT 1 FROM plan_initiatives i
                      WHERE i.plan_id = p.id AND (i.overdue_notified_on IS NULL OR i.overdue_notified_on <= @again_before))
        ORDER BY p.id
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
        now = now.ToUniversalTime(); // timestamptz parameters take UTC instants only
        var today = PlanDay.Today(now);
        var overdue = await RemindOverdueAsync(today, now, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var reviews = await db.Database.ExecuteSqlRawAsync(
            ReviewsDueSql, [new NpgsqlParameter("today", today), new NpgsqlParameter("now", now)], cancellationToken).ConfigureAwait(false);
        var needing = await coverage.RemindOwnersAsync(today, now, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PlanRemindersOutcome(overdue, reviews, needing);
    }

    private async Task<int> RemindOverdueAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var againBefore = today.AddDays(-OverdueReminderDays);
        var candidates = await db.Database.SqlQueryRaw<Guid>(CandidatesSql, new NpgsqlParameter("today", today), new NpgsqlParameter("again_before", againBefore))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reminded = 0;
        foreach (var chunk in candidates.Chunk(Batch))
        {
            try
            {
                reminded += await RemindOverdueAsync([.. chunk.Select(id => new DevelopmentPlanId(id))], today, againBefore, now, cancellationToken).ConfigureAwait(false);
            }
            catch (PreconditionFailedException)
            {
                // A plan of the batch was changed meanwhile: the batch was rolled back; take its plans one by one.
                foreach (var id in chunk)
                {
                    try
                    {
                        reminded += await RemindOverdueAsync([new DevelopmentPlanId(id)], today, againBefore, now, cancellationToken).ConfigureAwait(false);
                    }
                    catch (PreconditionFailedException)
                    {
                        // Changed again: its next run will see it.
                    }
                }
            }
        }

        return reminded;
    }

    private async Task<int> RemindOverdueAsync(IReadOnlyList<DevelopmentPlanId> ids, DateOnly today, DateOnly againBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var plans = await db.DevelopmentPlans.Include(p => p.Initiatives).Where(p => ids.Contains(p.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var notices = new List<ReminderNotice>();
        foreach (var plan in plans.Where(p => p.Status is PlanStatus.Approved or PlanStatus.Active))
        {
            foreach (var initiative in plan.Initiatives.Where(i => i.IsOverdue(today) && (i.OverdueNotifiedOn is not { } last || last <= againBefore)).ToList())
            {
                plan.NotifyOverdue(initiative.Id, today, now);
                notices.Add(new ReminderNotice(
                    initiative.OwnerId, plan.AccountId, ReminderKind.InitiativeOverdue, initiative.Id.Value,
                    new ReminderArgs { PlanTitle = plan.Title, InitiativeTitle = initiative.Title, InitiativeDueDate = initiative.DueDate },
                    string.Create(CultureInfo.InvariantCulture, $"Initiative \"{initiative.Title}\" of plan \"{plan.Title}\" was due {initiative.DueDate:yyyy-MM-dd} and is not done.")));
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await reminders.NotifyAsync(notices, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return notices.Count;
    }
}
