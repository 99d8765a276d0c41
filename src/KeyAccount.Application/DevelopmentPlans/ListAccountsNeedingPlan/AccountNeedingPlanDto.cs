using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.DevelopmentPlans.ListAccountsNeedingPlan;

/// <summary>An active account whose tier's service programme requires a development plan and that has no Approved or Active plan covering today.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="Tier">Its tier, whose service programme requires the plan.</param>
/// <param name="OwnerId">The manager who owns it (and is reminded).</param>
/// <param name="OwnerName" example="Li Wei">The owner's name.</param>
/// <param name="Reason">NoPlan: none (or only cancelled ones); NotApproved: only a Draft or Submitted one; Expired: the last approved plan has ended.</param>
/// <param name="PlanId">The plan the reason is about: the expired one, else the latest draft or submitted one, else an approved plan that has not started yet; null when there is none.</param>
/// <param name="PlanStatus">That plan's status.</param>
/// <param name="PlanEndDate" example="2026-12-31">That plan's last day.</param>
public sealed record AccountNeedingPlanDto(
    AccountId AccountId,
    string AccountName,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    PlanNeedReason Reason,
    DevelopmentPlanId? PlanId,
    PlanStatus? PlanStatus,
    DateOnly? PlanEndDate);
