using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

/// <summary>A new account.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name">Its name.</param>
/// <param name="OwnerId">The key account manager who owns it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.created", 1)]
public sealed record AccountCreated(AccountId AccountId, string Name, UserId OwnerId, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The account's profile changed (name, registration number, industry, region, segment, fit, potential, first contract).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Fields">The profile fields that changed, by their API names.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.updated", 1)]
public sealed record AccountUpdated(AccountId AccountId, IReadOnlyList<string> Fields, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The account has a new owner.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PreviousOwnerId">The owner before.</param>
/// <param name="NewOwnerId">The owner now.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.owner_changed", 1)]
public sealed record AccountOwnerChanged(AccountId AccountId, UserId PreviousOwnerId, UserId NewOwnerId, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The account's status changed (Prospect, Active, Dormant, Lost).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status now.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.status_changed", 1)]
public sealed record AccountStatusChanged(AccountId AccountId, AccountStatus From, AccountStatus To, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A tiering run moved the account to another tier.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="PreviousTier">The tier before the run.</param>
/// <param name="NewTier">The tier now.</param>
/// <param name="Score">The account's score in the run (0–100).</param>
/// <param name="Reason">Why: Initial, Promoted, Demoted or Override.</param>
/// <param name="RunId">The tiering run.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.tier_changed", 1)]
public sealed record AccountTierChanged(AccountId AccountId, Tier PreviousTier, Tier NewTier, decimal Score, TierChangeReason Reason, TieringRunId RunId, DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>An interaction (call, meeting, visit, email, event) was logged on the account.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Type">Call, Meeting, Visit, Email or Event.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("account.interaction_logged", 1)]
public sealed record InteractionLogged(AccountId AccountId, InteractionId InteractionId, InteractionType Type, DateTimeOffset OccurredOn) : IDomainEvent;
