using System.Collections.Concurrent;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace KeyAccount.Infrastructure.Identity;

/// <summary>
/// Whether a user's token may still be used: checked on every request against the user's current facts (active, not
/// locked out, same security stamp — the rule is <see cref="User.AcceptsSession(bool, DateTimeOffset?, Guid, Guid, DateTimeOffset)"/>),
/// which are cached for a few seconds so that the check costs no query on most requests. A change saved through this
/// process evicts the user's entry at once (<see cref="UserSessionEviction"/>); other replicas see it within the
/// cache's lifetime.
/// </summary>
public sealed class UserSessions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IConfiguration configuration)
{
    public const string StampClaim = "sst";

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Auth:SessionCheckCacheSeconds", 5));
    private readonly ConcurrentDictionary<UserId, Entry> _cache = new();

    public async Task<bool> AcceptsAsync(UserId user, Guid stamp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(user, out var entry) || entry.ReadAt + _lifetime <= now)
        {
            await using var db = AppDbContext.Rent(contexts);
            var facts = await db.Users.AsNoTracking().Where(u => u.Id == user)
                .Select(u => new { u.IsActive, u.LockedUntil, u.SecurityStamp })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            entry = facts is null ? Entry.Unknown(now) : new Entry(true, facts.IsActive, facts.LockedUntil, facts.SecurityStamp, now);
            _cache[user] = entry;
        }

        return entry.Exists && User.AcceptsSession(entry.IsActive, entry.LockedUntil, entry.SecurityStamp, stamp, now);
    }

    public void Evict(UserId user) => _cache.TryRemove(user, out _);

    private sealed record Entry(bool Exists, bool IsActive, DateTimeOffset? LockedUntil, Guid SecurityStamp, DateTimeOffset ReadAt)
    {
        public static Entry Unknown(DateTimeOffset now) => new(false, false, null, Guid.Empty, now);
    }
}

/// <summary>Evicts the cached session facts of every user and API client a save changed, once the save succeeded.</summary>
public sealed class UserSessionEviction(Lazy<UserSessions> sessions, Lazy<ClientSessions> clients) : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<DbContext, (UserId[] Users, ApiClientId[] Clients)> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Evict(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Evict(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            _pending.TryRemove(context, out _);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries<User>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .ToArray();
        var changedClients = context.ChangeTracker.Entries<ApiClient>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .ToArray();
        if (changed.Length > 0 || changedClients.Length > 0)
        {
            _pending[context] = (changed, changedClients);
        }
    }

    private void Evict(DbContext? context)
    {
        if (context is not null && _pending.TryRemove(context, out var changed))
        {
            foreach (var user in changed.Users)
            {
                sessions.Value.Evict(user);
            }

            foreach (var client in changed.Clients)
            {
                clients.Value.Evict(client);
            }
        }
    }
}
