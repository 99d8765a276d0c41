using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Webhooks.ReplayWebhookDelivery;

/// <summary>Sends a delivery again now, with the same webhook-id and body (a delivery of a deleted endpoint no longer exists: 404).</summary>
public sealed record ReplayWebhookDeliveryCommand(Guid Id) : ICommand<WebhookDeliveryDto>;

public sealed class ReplayWebhookDeliveryHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ReplayWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(ReplayWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("WebhookDelivery", command.Id);
        delivery.Replay(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WebhookDeliveryDto.From(delivery);
    }
}
