using System.Text.Json;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Common;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Outbox;

/// <summary>
/// The one writer of the outbox: an event's declared public name and version, and its data in the public JSON, the
/// same whether the event comes from an aggregate saved through EF (<see cref="ToMessage"/>) or from a set-based
/// statement (<see cref="WriteAsync"/>, one INSERT for any number of events).
/// </summary>
public static class OutboxWriter
{
    public static OutboxMessage ToMessage(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var declared = PublicEventAttribute.Of(domainEvent.GetType());
        return new OutboxMessage
        {
            Type = declared.Name,
            Version = declared.Version,
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), PublicJson.Options),
            OccurredOn = domainEvent.OccurredOn,
        };
    }

    /// <summary>Writes the events in one statement, in the caller's transaction.</summary>
    public static async Task<int> WriteAsync(AppDbContext db, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var messages = events.Select(ToMessage).ToList();
        return await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO outbox_messages (type, version, payload, occurred_on)
            SELECT t, v, p, o FROM unnest(@types, @versions, @payloads, @occurred) AS e(t, v, p, o)
            """,
            [
                new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = messages.Select(m => m.Type).ToArray() },
                new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = messages.Select(m => m.Version).ToArray() },
                new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = messages.Select(m => m.Payload).ToArray() },
                new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = messages.Select(m => m.OccurredOn.ToUniversalTime()).ToArray() },
            ],
            cancellationToken).ConfigureAwait(false);
    }
}
