using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>A plan was submitted for a Director's approval.</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number (1 for the first, +1 for each revision).</param>
/// <param name="By">Who submitted it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.submitted", 1)]
public sealed record DevelopmentPlanSubmitted(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A Director approved the plan: its baseline is frozen, and any previous version is superseded.</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number.</param>
/// <param name="SupersededPlanId">The previous version this one replaces, if any.</param>
/// <param name="By">The approving Director.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.approved", 1)]
public sealed record DevelopmentPlanApproved(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, DevelopmentPlanId? SupersededPlanId, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A Director sent the plan back to its author as a draft (read the comment from the plan).</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number.</param>
/// <param name="By">The rejecting Director.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.rejected", 1)]
public sealed record DevelopmentPlanRejected(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The approved plan is being carried out.</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number.</param>
/// <param name="NextReviewDue">When its first review is due.</param>
/// <param name="By">Who activated it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.activated", 1)]
public sealed record DevelopmentPlanActivated(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, DateOnly? NextReviewDue, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The plan was carried out to its end.</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number.</param>
/// <param name="Progress">Its progress at completion, 0–100.</param>
/// <param name="By">Who completed it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.completed", 1)]
public sealed record DevelopmentPlanCompleted(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, decimal? Progress, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The plan was stopped before its end (read the reason from the plan).</summary>
/// <param name="PlanId">The plan (this version).</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="PlanVersion">The plan's version number.</param>
/// <param name="By">Who cancelled it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.cancelled", 1)]
public sealed record DevelopmentPlanCancelled(DevelopmentPlanId PlanId, AccountId AccountId, int PlanVersion, UserId By, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>An initiative of an approved or active plan is past its due date and not done (raised at most once a week per initiative).</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="AccountId">The account it plans for.</param>
/// <param name="InitiativeId">The overdue initiative.</param>
/// <param name="Title">Its title.</param>
/// <param name="OwnerId">The user who carries it.</param>
/// <param name="DueDate">The date it was due.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("development_plan.initiative_overdue", 1)]
public sealed record DevelopmentPlanInitiativeOverdue(DevelopmentPlanId PlanId, AccountId AccountId, PlanInitiativeId InitiativeId, string Title, UserId OwnerId, DateOnly DueDate, DateTimeOffset OccurredOn) : IDomainEvent;
