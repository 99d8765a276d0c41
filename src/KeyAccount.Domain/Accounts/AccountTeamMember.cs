using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

/// <summary>A user with a role on an account. Team members (AccountManagers) can see and work the account.</summary>
public sealed record AccountTeamMember(UserId UserId, AccountTeamRole Role);
