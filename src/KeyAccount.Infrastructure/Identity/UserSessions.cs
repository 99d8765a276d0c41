using System.Collections.Concurrent;
using KeyAccount.Application.Common.Behaviors;
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
/// process evicts the user's entry at once (<see cref="UserSessionEviction"/>), and every replica (this one included)
/// evicts it again when the change commits, told by PostgreSQL (NOTIFY on <see cref="Channel"/>, heard by
/// <see cref="UserSessionListener"/>): a deactivation or a new role stops the user's tokens at their next request
/// on any replica, a few milliseconds after the commit. Only while a replica's listening connection is down (it
/// reconnects, and then forgets everything cached) does the cache's lifetime, <c>Auth:SessionCheckCacheSeconds</c>
/// (5 s by default), bound how long it may still accept an ended session.
/// </summary>
public sealed class UserSessions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IConfiguration configuration)
{
    public const string StampClaim = "sst";

    /// <summary>The PostgreSQL notification channel that carries the id of each user whose session facts changed.</summary>
    public const string Channel = "user_sessions";

    /// <summary>What names an API client on <see cref="Channel"/> (a user is named by the bare id).</summary>
    public const string ClientPrefix = "client:";

    public static string Payload(UserId user) => user.Value.ToString();

    public static string Payload(ApiClientId client) => ClientPrefix + client.Value;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Auth:SessionCheckCacheSeconds", 5));
    private readonly ConcurrentDictionary<UserId, Entry> _cache = new();
    private long _evictions;

    public async Task<bool> AcceptsAsync(UserId user, Guid stamp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(user, out var entry) || entry.ReadAt + _lifetime <= now)
        {
            var evictions = Interlocked.Read(ref _evictions);
            // Every signed-in request passes here first: after a database restart, this read meets a dead pooled
            // connection before any handler does, so it runs again like the pipeline's reads.
            var facts = await UnitOfWorkRetry.RunAsync(
                async ct =>
                {
                    await using var db = AppDbContext.Rent(contexts);
                    return await db.Users.AsNoTracking().Where(u => u.Id == user)
                        .Select(u => new SessionFacts(u.IsActive, u.LockedUntil, u.SecurityStamp))
                        .FirstOrDefaultAsync(ct).ConfigureAwait(false);
                },
                DatabaseFaults.Unavailable,
                static () => { },
                cancellationToken).ConfigureAwait(false);
            entry = facts is null ? Entry.Unknown(now) : new Entry(true, facts.IsActive, facts.LockedUntil, facts.SecurityStamp, now);
            _cache[user] = entry;

            // An eviction while the facts were being read may concern a commit this read did not see: do not keep
            // them (an eviction after this check removes the entry itself).
            if (Interlocked.Read(ref _evictions) != evictions)
            {
                _cache.TryRemove(user, out _);
            }
        }

        return entry.Exists && User.AcceptsSession(entry.IsActive, entry.LockedUntil, entry.SecurityStamp, stamp, now);
    }

    public void Evict(UserId user)
    {
        Interlocked.Increment(ref _evictions);
        _cache.TryRemove(user, out _);
    }

    /// <summary>Forgets every cached fact (after notifications may have been missed).</summary>
    public void EvictAll()
    {
        Interlocked.Increment(ref _evictions);
        _cache.Clear();
    }

    private sealed record SessionFacts(bool IsActive, DateTimeOffset? LockedUntil, Guid SecurityStamp);

    private sealed record Entry(bool Exists, bool IsActive, DateTimeOffset? LockedUntil, Guid SecurityStamp, DateTimeOffset ReadAt)
    {
        public static Entry Unknown(DateTimeOffset now) => new(false, false, null, Guid.Empty, now);
    }
}

/// <summary>
/// Evicts the cached session facts of every user and API client a save changed, once the save succeeded, and tells every replica of a user change
/// with a notification in the save's transaction: PostgreSQL delivers it when that transaction commits (and drops
/// it on a rollback), so a listener that evicts then cannot read the facts from before the commit again.
/// </summary>
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

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        foreach (var payload in Evict(eventData.Context))
        {
            await eventData.Context!.Database.ExecuteSqlRawAsync("SELECT pg_notify({0}, {1})", [UserSessions.Channel, payload], cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        foreach (var payload in Evict(eventData.Context))
        {
            eventData.Context!.Database.ExecuteSqlRaw("SELECT pg_notify({0}, {1})", UserSessions.Channel, payload);
        }

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

    /// <summary>Evicts here what the save changed; returns the notification payloads for the other replicas (<see cref="UserSessions.Payload(UserId)"/>, <see cref="UserSessions.Payload(ApiClientId)"/>).</summary>
    private string[] Evict(DbContext? context)
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

            return [.. changed.Users.Select(UserSessions.Payload), .. changed.Clients.Select(UserSessions.Payload)];
        }

        return [];
    }
}
