using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>An account's full profile.</summary>
public sealed record AccountDto
{
    /// <summary>Account id.</summary>
    /// <example>0193f2a4-5b6c-7d8e-9f00-112233445566</example>
    public AccountId Id { get; init; }

    /// <summary>Customer's name.</summary>
    /// <example>华东精密制造有限公司</example>
    public required string Name { get; init; }

    /// <summary>Legal/registration number (unique).</summary>
    /// <example>91310000MA1FL1234X</example>
    public required string RegistrationNumber { get; init; }

    /// <summary>Industry: the code of an entry of the Industry list (labels in zh-CN and en at GET /api/v1/reference-data?kind=Industry).</summary>
    /// <example>manufacturing</example>
    public required string Industry { get; init; }

    /// <summary>Sales region: the code of an entry of the Region list (labels at GET /api/v1/reference-data?kind=Region).</summary>
    /// <example>east-china</example>
    public required string Region { get; init; }

    /// <summary>Customer type (segment): the code of an entry of the Segment list (labels at GET /api/v1/reference-data?kind=Segment).</summary>
    /// <example>enterprise</example>
    public required string Segment { get; init; }

    /// <summary>Lifecycle status.</summary>
    public AccountStatus Status { get; init; }

    /// <summary>Current tier (set by tiering runs).</summary>
    public Tier Tier { get; init; }

    /// <summary>A Director's pin of the tier, respected by runs until it expires; null when none.</summary>
    public TierOverrideDto? TierOverride { get; init; }

    /// <summary>The key account manager who owns the account.</summary>
    public UserId OwnerId { get; init; }

    /// <summary>Display name of the owner.</summary>
    /// <example>Li Wei</example>
    public string? OwnerName { get; init; }

    /// <summary>Strategic-fit assessment, 1–5.</summary>
    /// <example>4</example>
    public int? StrategicFit { get; init; }

    /// <summary>Estimated potential annual revenue.</summary>
    public MoneyDto? PotentialAnnualRevenue { get; init; }

    /// <summary>Date of the first contract.</summary>
    /// <example>2019-04-01</example>
    public DateOnly? FirstContractDate { get; init; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the account or any of its contacts or team last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Concurrency version; sent as the ETag header, not in the body.</summary>
    [JsonIgnore]
    public uint Version { get; init; }
}

/// <summary>One row of the accounts list.</summary>
public sealed record AccountSummaryDto
{
    /// <summary>Account id.</summary>
    public AccountId Id { get; init; }

    /// <summary>Customer's name.</summary>
    /// <example>华东精密制造有限公司</example>
    public required string Name { get; init; }

    /// <summary>Legal/registration number.</summary>
    /// <example>91310000MA1FL1234X</example>
    public required string RegistrationNumber { get; init; }

    /// <summary>Industry: the code of an entry of the Industry list (labels in zh-CN and en at GET /api/v1/reference-data?kind=Industry).</summary>
    /// <example>manufacturing</example>
    public required string Industry { get; init; }

    /// <summary>Sales region: the code of an entry of the Region list (labels at GET /api/v1/reference-data?kind=Region).</summary>
    /// <example>east-china</example>
    public required string Region { get; init; }

    /// <summary>Customer type (segment): the code of an entry of the Segment list (labels at GET /api/v1/reference-data?kind=Segment).</summary>
    /// <example>enterprise</example>
    public required string Segment { get; init; }

    /// <summary>Lifecycle status.</summary>
    public AccountStatus Status { get; init; }

    /// <summary>Current tier.</summary>
    public Tier Tier { get; init; }

    /// <summary>Owner (key account manager).</summary>
    public UserId OwnerId { get; init; }

    /// <summary>Owner's display name.</summary>
    /// <example>Li Wei</example>
    public string? OwnerName { get; init; }

    /// <summary>Created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The editable profile of an account, as sent on create and update.</summary>
public sealed record AccountProfileInput
{
    /// <summary>Customer's name (1–200 characters).</summary>
    /// <example>华东精密制造有限公司</example>
    [MaxLength(200)]
    public required string Name { get; init; }

    /// <summary>Legal/registration number, unique across accounts (compared without case and surrounding spaces).</summary>
    /// <example>91310000MA1FL1234X</example>
    [MaxLength(50)]
    public required string RegistrationNumber { get; init; }

    /// <summary>Industry: the code of an entry of the Industry list (labels in zh-CN and en at GET /api/v1/reference-data?kind=Industry).</summary>
    /// <example>manufacturing</example>
    [MaxLength(100)]
    public required string Industry { get; init; }

    /// <summary>Sales region: the code of an entry of the Region list (labels at GET /api/v1/reference-data?kind=Region).</summary>
    /// <example>east-china</example>
    [MaxLength(100)]
    public required string Region { get; init; }

    /// <summary>Customer type (segment): the code of an entry of the Segment list (labels at GET /api/v1/reference-data?kind=Segment).</summary>
    /// <example>enterprise</example>
    [MaxLength(100)]
    public required string Segment { get; init; }

    /// <summary>Lifecycle status.</summary>
    /// <example>Active</example>
    public required AccountStatus Status { get; init; }

    /// <summary>Strategic-fit assessment, 1–5.</summary>
    /// <example>4</example>
    [Range(1, 5)]
    public int? StrategicFit { get; init; }

    /// <summary>Estimated potential annual revenue (amount ≥ 0).</summary>
    public MoneyDto? PotentialAnnualRevenue { get; init; }

    /// <summary>Date of the first contract.</summary>
    /// <example>2019-04-01</example>
    public DateOnly? FirstContractDate { get; init; }

    /// <summary>Owner (key account manager). Defaults to the caller when an AccountManager creates the account.</summary>
    public UserId? OwnerId { get; init; }
}

/// <summary>A pinned tier.</summary>
/// <param name="Tier">The pinned tier.</param>
/// <param name="Reason" example="Strategic partner under the 2027 framework agreement">Why it is pinned.</param>
/// <param name="ExpiresOn">Runs on or after this day ignore the pin.</param>
/// <param name="SetBy">The Director who pinned it.</param>
/// <param name="SetAt">When it was pinned (UTC).</param>
public sealed record TierOverrideDto(Tier Tier, string Reason, DateOnly ExpiresOn, UserId SetBy, DateTimeOffset SetAt);
