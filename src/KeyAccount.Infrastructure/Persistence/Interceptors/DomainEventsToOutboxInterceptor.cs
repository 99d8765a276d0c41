using KeyAccount.Domain.Common;
using KeyAccount.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyAccount.Infrastructure.Persistence.Interceptors;

/// <summary>Writes the domain events of every tracked aggregate to the outbox, inside the same SaveChanges.</summary>
public sealed class DomainEventsToOutboxInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            var aggregates = context.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
            foreach (var aggregate in aggregates)
            {
                context.Set<OutboxMessage>().AddRange(aggregate.DomainEvents.Select(OutboxWriter.ToMessage));
                aggregate.ClearDomainEvents();
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
