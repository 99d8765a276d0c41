using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new signing secret, shown once; for 24 hours deliveries carry signatures with both the new and the previous secret.</summary>
public sealed record RotateWebhookSecretCommand(WebhookEndpointId Id, uint ExpectedVersion) : ICommand<WebhookEndpointSecretDto>;

public sealed class RotateWebhookSecretHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RotateWebhookSecretCommand, WebhookEndpointSecretDto>
{
    public async ValueTask<WebhookEndpointSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var endpoint = await db.LoadEndpointAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var secret = endpoint.RotateSecret(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookEndpointSecretDto(WebhookEndpointDto.From(endpoint), secret);
    }
}
