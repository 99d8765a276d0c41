using System.Collections.Concurrent;
using KeyAccount.Application.Common.Behaviors;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace KeyAccount.Infrastructure.Identity;

/// <summary>
/// Whether an API client's token may still be used: its client must exist and be active (not revoked, not expired —
/// the rule is <see cref="ApiClient.StateOf"/>) and still hold every scope the token carries. Like <see cref="UserSessions"/>, the facts are cached for a few
/// seconds and evicted at once when a save through this process changes the client (<see cref="UserSessionEviction"/>).
/// The cached entry also carries the client's own request budget, which the rate limiter reads.
/// </summary>
public sealed class ClientSessions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Auth:SessionCheckCacheSeconds", 5));
    private readonly ConcurrentDictionary<ApiClientId, Entry> _cache = new();

    /// <summary>
    /// The client's facts when a token of it holding <paramref name="tokenScopes"/> is honoured now, or null when it is
    /// not: the client is revoked or expired, or has lost one of those scopes since the token was issued.
    /// </summary>
    public async Task<ActiveClient?> AcceptsAsync(ApiClientId client, IReadOnlyCollection<string> tokenScopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(client, out var entry) || entry.ReadAt + _lifetime <= now)
        {
            var facts = await UnitOfWorkRetry.RunAsync(
                async ct =>
                {
                    await using var db = AppDbContext.Rent(contexts);
                    return await db.ApiClients.AsNoTracking().Where(c => c.Id == client)
                        .Select(c => new ClientFacts(c.RevokedAt, c.ExpiresAt, c.RequestsPerMinute, EF.Property<List<string>>(c, "_scopes")))
                        .FirstOrDefaultAsync(ct).ConfigureAwait(false);
                },
                DatabaseFaults.Unavailable,
                static () => { },
                cancellationToken).ConfigureAwait(false);
            entry = facts is null ? new Entry(false, null, null, null, [], now) : new Entry(true, facts.RevokedAt, facts.ExpiresAt, facts.RequestsPerMinute, [.. facts.Scopes], now);
            _cache[client] = entry;
        }

        return entry.Exists && ApiClient.StateOf(entry.RevokedAt, entry.ExpiresAt, now) == ApiClientState.Active
            && tokenScopes.All(entry.Scopes.Contains)
            ? new ActiveClient(client, entry.RequestsPerMinute)
            : null;
    }

    public void Evict(ApiClientId client) => _cache.TryRemove(client, out _);

    /// <summary>Forgets every cached client (after notifications may have been missed).</summary>
    public void EvictAll() => _cache.Clear();

    private sealed record ClientFacts(DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt, int? RequestsPerMinute, List<string> Scopes);

    private sealed record Entry(bool Exists, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt, int? RequestsPerMinute, HashSet<string> Scopes, DateTimeOffset ReadAt);
}

/// <summary>A client whose token is honoured, with its own request budget per minute (null: the default).</summary>
public sealed record ActiveClient(ApiClientId Id, int? RequestsPerMinute);
