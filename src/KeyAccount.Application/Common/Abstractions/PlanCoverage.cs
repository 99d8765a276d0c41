using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>An account whose tier requires a development plan and that has no Approved or Active plan covering the day asked about.</summary>
public sealed record AccountNeedingPlanRow(
    AccountId AccountId,
    string AccountName,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    PlanNeedReason Reason,
    DevelopmentPlanId? PlanId,
    PlanStatus? PlanStatus,
    DateOnly? PlanEndDate);

/// <summary>
/// "Accounts that need a plan", read from its one SQL home (set-based, whatever the number of accounts): the list,
/// the dashboard's counts, and the owners' reminders.
/// </summary>
public interface IPlanCoverage
{
    /// <summary>One page, by account name, with the total.</summary>
    Task<(IReadOnlyList<AccountNeedingPlanRow> Rows, int Total)> ReadAsync(AccountScope scope, Tier? tier, PlanNeedReason? reason, DateOnly today, int skip, int take, CancellationToken cancellationToken);

    /// <summary>How many accounts in scope need a plan, per reason (reasons with none are absent).</summary>
    Task<IReadOnlyDictionary<PlanNeedReason, int>> CountAsync(AccountScope scope, DateOnly today, CancellationToken cancellationToken);

    /// <summary>
    /// Reminds the owner of every account that needs a plan (of <paramref name="accounts"/> only, when given): one
    /// reminder per account and week (its due date is the Monday of <paramref name="today"/>'s week). Returns the reminders recorded.
    /// </summary>
    Task<int> RemindOwnersAsync(DateOnly today, DateTimeOffset now, IReadOnlyCollection<AccountId>? accounts, CancellationToken cancellationToken);
}
