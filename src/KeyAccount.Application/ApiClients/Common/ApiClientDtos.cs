using System.ComponentModel.DataAnnotations;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.ApiClients.Common;

/// <summary>An API client: who it is, what it may do, and its state. Its secret is never shown again after creation or rotation.</summary>
/// <param name="Id">Client id.</param>
/// <param name="ClientId" example="0193a5b0-c8e4-7d3f-9a1e-2b3c4d5e6f70">The OAuth client_id to send to POST /api/v1/auth/token (the same value as the id).</param>
/// <param name="Name" example="ERP 收入同步">What it is.</param>
/// <param name="Scopes">The permission strings it may be granted (e.g. revenue:write).</param>
/// <param name="AccountScopeUserId">The account manager it is bound to: it sees exactly the accounts that user sees (null: every account its scopes reach).</param>
/// <param name="RequestsPerMinute" example="600">Its own request budget per minute (null: the installation's default).</param>
/// <param name="State">Active, Expired or Revoked.</param>
/// <param name="ExpiresAt">When it stops working (null: never).</param>
/// <param name="RevokedAt">When it was revoked.</param>
/// <param name="PreviousSecretExpiresAt">After a rotation: until when the previous secret still works.</param>
/// <param name="LastUsedAt">When it last got a token.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Concurrency version (also the ETag).</param>
public sealed record ApiClientDto(
    ApiClientId Id, string ClientId, string Name, IReadOnlyList<string> Scopes, UserId? AccountScopeUserId, int? RequestsPerMinute, ApiClientState State,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version)
{
    public static ApiClientDto From(ApiClient c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(
            c.Id, c.Id.Value.ToString(), c.Name, c.Scopes, c.AccountScopeUserId, c.RequestsPerMinute, c.StateAt(now), c.ExpiresAt, c.RevokedAt,
            c.PreviousSecretExpiresAt > now ? c.PreviousSecretExpiresAt : null, c.LastUsedAt, c.CreatedAt, c.UpdatedAt, c.Version);
    }
}

/// <summary>A client with its secret: shown once, when the client is created or its secret rotated.</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientId" example="0193a5b0-c8e4-7d3f-9a1e-2b3c4d5e6f70">The OAuth client_id.</param>
/// <param name="ClientSecret" example="kac_Q2hhbmdlLW1lLW5vdy1pdC1pcy1hbi1leGFtcGxlLW9ubHk">The client secret: store it now; it is not shown again.</param>
public sealed record ApiClientSecretDto(ApiClientDto Client, string ClientId, string ClientSecret);

/// <summary>A new API client.</summary>
public sealed record CreateApiClientInput
{
    /// <summary>What it is (1–100 characters).</summary>
    /// <example>ERP 收入同步</example>
    [MaxLength(ApiClient.MaxNameLength)]
    public required string Name { get; init; }

    /// <summary>The permission strings it may be granted (1–50), each one of the permissions of the role table (an Admin may grant any).</summary>
    /// <example>["revenue:write"]</example>
    [MaxLength(50)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Optional: an active account manager whose accounts the client is limited to (it then sees exactly what that user sees).</summary>
    public UserId? AccountScopeUserId { get; init; }

    /// <summary>Optional: when it stops working (any UTC offset; in the future).</summary>
    /// <example>2027-12-31T23:59:59+08:00</example>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Optional: its own request budget per minute, 1–100000 (default: the installation's RateLimits:RequestsPerMinutePerClient).</summary>
    /// <example>600</example>
    [Range(1, ApiClient.MaxRequestsPerMinute)]
    public int? RequestsPerMinute { get; init; }
}

/// <summary>A changed API client (its account scope stays as created).</summary>
public sealed record UpdateApiClientInput
{
    /// <summary>What it is (1–100 characters).</summary>
    /// <example>ERP 收入同步</example>
    [MaxLength(ApiClient.MaxNameLength)]
    public required string Name { get; init; }

    /// <summary>The permission strings it may be granted (1–50). Tokens holding a scope it loses stop at their next request.</summary>
    /// <example>["revenue:write"]</example>
    [MaxLength(50)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>When it stops working (any UTC offset; in the future), or null for never.</summary>
    /// <example>2027-12-31T23:59:59+08:00</example>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Its own request budget per minute, 1–100000, or null for the installation's default.</summary>
    /// <example>600</example>
    [Range(1, ApiClient.MaxRequestsPerMinute)]
    public int? RequestsPerMinute { get; init; }
}

/// <summary>How to rotate.</summary>
public sealed record RotateApiClientSecretInput
{
    /// <summary>How many hours the previous secret keeps working, 0–168 (default 24; 0 stops it at once, e.g. after a leak).</summary>
    /// <example>24</example>
    [Range(0, ApiClient.MaxOverlapHours)]
    public int? OverlapHours { get; init; }
}
