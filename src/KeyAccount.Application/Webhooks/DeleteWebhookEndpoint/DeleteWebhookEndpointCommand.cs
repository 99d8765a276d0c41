using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.DeleteWebhookEndpoint;

/// <summary>Deletes an endpoint; its deliveries go with it (the database cascades), pending ones are never sent.</summary>
public sealed record DeleteWebhookEndpointCommand(WebhookEndpointId Id, uint ExpectedVersion) : ICommand;

public sealed class DeleteWebhookEndpointHandler(IAppDbContext db) : ICommandHandler<DeleteWebhookEndpointCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var endpoint = await db.LoadEndpointAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
