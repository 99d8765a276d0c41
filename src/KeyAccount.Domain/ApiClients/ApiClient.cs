using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.ApiClients;

/// <summary>
/// A third-party system that authenticates with OAuth 2.0 client credentials. It may do what its scopes (permission
/// strings) allow; when bound to an account manager (<see cref="AccountScopeUserId"/>) it sees exactly the accounts
/// that user sees. Only the hash of its secret is kept. A rotated secret keeps working next to the new one for an
/// overlap window, so the third party can switch without an outage. Revoking is final.
/// </summary>
public sealed class ApiClient : AggregateRoot
{
    public const int MaxNameLength = 100;
    public const int MaxOverlapHours = 168;
    public const int MaxRequestsPerMinute = 100_000;
    public static readonly TimeSpan DefaultSecretOverlap = TimeSpan.FromHours(24);

    private List<string> _scopes = [];

    private ApiClient()
    {
        Name = string.Empty;
        SecretHash = string.Empty;
    }

    public ApiClientId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The permission strings it may be granted (checked against the permission table where requests are validated).</summary>
    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>The account manager whose accounts it is limited to, or null for every account its scopes reach.</summary>
    public UserId? AccountScopeUserId { get; private set; }

    /// <summary>Its own request budget per minute, or null for the configured default.</summary>
    public int? RequestsPerMinute { get; private set; }

    public string SecretHash { get; private set; }

    public string? PreviousSecretHash { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When it last got a token (not updated on every request: that would be a write per call). Written by the token endpoint as a plain column update.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A new client and its secret, which is returned this once and kept only as a hash.</summary>
    public static (ApiClient Client, string Secret) Create(string name, IReadOnlyCollection<string> scopes, UserId? accountScopeUserId, DateTimeOffset? expiresAt, int? requestsPerMinute, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        var secret = ApiClientSecret.New();
        var client = new ApiClient
        {
            Id = ApiClientId.New(),
            Name = name.Trim(),
            _scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            AccountScopeUserId = accountScopeUserId,
            ExpiresAt = expiresAt?.ToUniversalTime(),
            RequestsPerMinute = requestsPerMinute,
            SecretHash = ApiClientSecret.Hash(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (client, secret);
    }

    /// <summary>
    /// Changes what it is and may do. Its account scope is not changed here: who a client acts for is decided when it
    /// is created (a new binding is a new client). Tokens holding a scope it loses stop at their next request.
    /// </summary>
    public void Update(string name, IReadOnlyCollection<string> scopes, DateTimeOffset? expiresAt, int? requestsPerMinute, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        CheckRule(new Rules.RevokedApiClientCannotChange(this));
        Name = name.Trim();
        _scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ExpiresAt = expiresAt?.ToUniversalTime();
        RequestsPerMinute = requestsPerMinute;
        UpdatedAt = now;
    }

    public ApiClientState StateAt(DateTimeOffset now) => StateOf(RevokedAt, ExpiresAt, now);

    /// <summary>The same rule over the stored columns, for the per-request check that reads them without loading the client.</summary>
    public static ApiClientState StateOf(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? ApiClientState.Revoked
        : expiresAt is { } expires && expires <= now ? ApiClientState.Expired
        : ApiClientState.Active;

    /// <summary>Whether <paramref name="secret"/> is its current secret, or the previous one within the overlap window.</summary>
    public bool SecretMatches(string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);

        // Both are compared whatever the first answer, so the time taken does not say which secret matched.
        var current = ApiClientSecret.Matches(secret, SecretHash);
        var previous = ApiClientSecret.Matches(secret, PreviousSecretHash) && PreviousSecretExpiresAt > now;
        return current | previous;
    }

    /// <summary>A new secret; the current one keeps working for <paramref name="overlap"/> (zero: it stops now).</summary>
    public string RotateSecret(TimeSpan overlap, DateTimeOffset now)
    {
        CheckRule(new Rules.RevokedApiClientCannotChange(this));
        var secret = ApiClientSecret.New();
        PreviousSecretHash = overlap > TimeSpan.Zero ? SecretHash : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        SecretHash = ApiClientSecret.Hash(secret);
        UpdatedAt = now;
        return secret;
    }

    /// <summary>Stops the client: no more tokens, and its tokens stop at their next request. Revoking twice is revoking once.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        PreviousSecretHash = null;
        PreviousSecretExpiresAt = null;
        UpdatedAt = now;
    }
}
