using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KeyAccount.Domain.Common;
using KeyAccount.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyAccount.Infrastructure.Persistence.Interceptors;

/// <summary>Writes the domain events of every tracked aggregate to the outbox, inside the same SaveChanges.</summary>
public sealed class DomainEventsToOutboxInterceptor : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new Application.Common.Serialization.TypedIdJsonConverterFactory() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            var aggregates = context.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
            foreach (var aggregate in aggregates)
            {
                foreach (var domainEvent in aggregate.DomainEvents)
                {
                    context.Set<OutboxMessage>().Add(new OutboxMessage
                    {
                        Type = EventName(domainEvent.GetType().Name),
                        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json),
                        OccurredOn = domainEvent.OccurredOn,
                    });
                }

                aggregate.ClearDomainEvents();
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>AccountOwnerChanged → account.owner_changed.</summary>
    internal static string EventName(string typeName)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < typeName.Length; i++)
        {
            var c = typeName[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append(sb.Length > 0 && !sb.ToString().Contains('.', StringComparison.Ordinal) ? '.' : '_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
