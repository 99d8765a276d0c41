using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace KeyAccount.Infrastructure.Idempotency;

/// <summary>A create's Idempotency-Key and, once its transaction commits, the response it answered with.</summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request (route values and body), hex.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Body { get; set; }

    public string? Location { get; set; }

    public string? Etag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_requests");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(300);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Body).HasColumnType("text");
        builder.Property(r => r.Location).HasMaxLength(1000);
        builder.Property(r => r.Etag).HasMaxLength(200);
        builder.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>
/// Claims run inside the request's transaction: a concurrent request with the same key waits on the row until the
/// first commits (and then replays its answer) or rolls back (and then goes ahead), up to a short lock timeout after
/// which it is told the first is still in flight.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db) : IIdempotencyStore
{
    public const int MaxKeyLength = 255;

    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a duplicate waits for the first request before it is answered 409.</summary>
    public const string InFlightWait = "3s";

    public async Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An idempotency claim must be made inside the request's transaction.");
        }

        try
        {
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL lock_timeout = '{InFlightWait}'", cancellationToken).ConfigureAwait(false);
            var claimed = await db.Database.SqlQueryRaw<bool>(
                """
                INSERT INTO idempotency_requests (scope, key, fingerprint, created_at)
                VALUES (@scope, @key, @fingerprint, @now)
                ON CONFLICT (scope, key) DO UPDATE
                    SET fingerprint = excluded.fingerprint, created_at = excluded.created_at, status = NULL, content_type = NULL,
                        body = NULL, location = NULL, etag = NULL, completed_at = NULL
                    WHERE idempotency_requests.created_at < @expired
                RETURNING true AS "Value"
                """,
                new NpgsqlParameter("scope", scope),
                new NpgsqlParameter("key", key),
                new NpgsqlParameter("fingerprint", fingerprint),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("expired", now - Retention)).ToListAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = 0", cancellationToken).ConfigureAwait(false);
            if (claimed.Count > 0)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Claimed);
            }
        }
        catch (Exception e) when ((e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            // EF reports the lock timeout as a transient failure wrapping PostgreSQL's error.
            return new IdempotencyClaim(IdempotencyOutcome.InFlight);
        }

        var first = await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(first.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return new IdempotencyClaim(IdempotencyOutcome.Mismatch);
        }

        return first is { Status: { } status, Body: { } body }
            ? new IdempotencyClaim(IdempotencyOutcome.Replay, new StoredResponse(status, first.ContentType, body, first.Location, first.Etag))
            : new IdempotencyClaim(IdempotencyOutcome.InFlight);
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await db.Set<IdempotencyRecord>().Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Status, response.Status)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Body, response.Body)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.Etag, response.ETag)
                .SetProperty(r => r.CompletedAt, now),
            cancellationToken).ConfigureAwait(false);
    }
}
