using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

public sealed record AccountCreated(AccountId AccountId, string Name, UserId OwnerId, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record AccountOwnerChanged(AccountId AccountId, UserId PreviousOwnerId, UserId NewOwnerId, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record AccountStatusChanged(AccountId AccountId, AccountStatus From, AccountStatus To, DateTimeOffset OccurredOn) : IDomainEvent;

public sealed record InteractionLogged(AccountId AccountId, InteractionId InteractionId, InteractionType Type, DateTimeOffset OccurredOn) : IDomainEvent;
