namespace KeyAccount.Application.Common.Abstractions;

/// <summary>What a metric refresh did.</summary>
/// <param name="Measures">Objectives with a metric source that were measured.</param>
/// <param name="ObjectivesChanged">Objectives whose actual or progress changed (and were written).</param>
/// <param name="PlansChanged">Plans whose progress changed (and was written).</param>
/// <param name="PlansSkipped">Plans changed by someone while the refresh ran, left for the next run.</param>
public sealed record PlanMetricsRefreshOutcome(int Measures, int ObjectivesChanged, int PlansChanged, int PlansSkipped);

/// <summary>
/// Measures every objective bound to a metric (development plans in Draft, Submitted, Approved or Active) set-based:
/// SQL gathers the account metrics (the facts), the domain's progress rule decides each objective's and each plan's
/// progress, and the changes are written back in bulk.
/// </summary>
public interface IPlanMetricsRefresh
{
    /// <summary>
    /// Measures the plans of <paramref name="accounts"/> (all plans when null) as of <paramref name="now"/>. Inside a
    /// running transaction (a revenue import's) it joins it, so the figures and what they measure commit together.
    /// </summary>
    Task<PlanMetricsRefreshOutcome> RefreshAsync(DateTimeOffset now, IReadOnlyCollection<Domain.Accounts.AccountId>? accounts, CancellationToken cancellationToken);
}

/// <summary>The reminders a plan run records.</summary>
/// <param name="InitiativesOverdue">Overdue initiatives reminded to their owners (each with its development_plan.initiative_overdue event).</param>
/// <param name="ReviewsDue">Plans due for review, reminded to their owners.</param>
/// <param name="AccountsNeedingPlan">Accounts needing a plan, reminded to their owners.</param>
public sealed record PlanRemindersOutcome(int InitiativesOverdue, int ReviewsDue, int AccountsNeedingPlan);

/// <summary>
/// The development plans' reminders, set-based and idempotent: overdue initiatives (once per initiative and week),
/// reviews due (once per plan and review date), accounts needing a plan (once per account and week).
/// </summary>
public interface IPlanReminders
{
    Task<PlanRemindersOutcome> RecordAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
