using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>A member of an account team.</summary>
public sealed record AccountTeamMemberDto
{
    /// <summary>The user.</summary>
    public UserId UserId { get; init; }

    /// <summary>The user's display name.</summary>
    /// <example>Zhang Min</example>
    public string? DisplayName { get; init; }

    /// <summary>The user's platform role.</summary>
    public Role? UserRole { get; init; }

    /// <summary>The member's role on this account.</summary>
    public AccountTeamRole Role { get; init; }
}

/// <summary>A member as sent when replacing the team.</summary>
/// <param name="UserId">The user (an active AccountManager, Director, ServiceAgent or QualityManager).</param>
/// <param name="Role">The member's role on this account.</param>
public sealed record AccountTeamMemberInput(UserId UserId, AccountTeamRole Role);

/// <summary>The account's team.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="OwnerId">The owner (always part of the team implicitly).</param>
/// <param name="Members">Members besides the owner.</param>
public sealed record AccountTeamDto(AccountId AccountId, UserId OwnerId, IReadOnlyList<AccountTeamMemberDto> Members)
{
    /// <summary>Concurrency version of the account; sent as the ETag header.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }
}
