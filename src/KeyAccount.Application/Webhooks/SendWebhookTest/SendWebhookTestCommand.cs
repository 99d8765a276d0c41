using System.Text.Json;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.SendWebhookTest;

/// <summary>Queues a <c>webhook.test</c> delivery to one endpoint (whatever it subscribes to), sent at once like any other.</summary>
public sealed record SendWebhookTestCommand(WebhookEndpointId Id) : ICommand<WebhookDeliveryDto>;

public sealed class SendWebhookTestHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SendWebhookTestCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendWebhookTestCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var endpoint = await db.LoadEndpointAsync(command.Id, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var sent = new WebhookTestSent(endpoint.Id, now);
        var declared = PublicEventAttribute.Of(typeof(WebhookTestSent));
        var body = WebhookEnvelope.Build(declared.Name, declared.Version, now, JsonSerializer.Serialize(sent, PublicJson.Options));
        var delivery = WebhookDelivery.Create(Guid.CreateVersion7(), endpoint.Id, declared.Name, body, now);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WebhookDeliveryDto.From(delivery);
    }
}
