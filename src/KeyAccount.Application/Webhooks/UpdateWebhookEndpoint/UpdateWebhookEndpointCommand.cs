using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.UpdateWebhookEndpoint;

/// <summary>Changes an endpoint's URL, event types, description, or switches it off or on (If-Match).</summary>
public sealed record UpdateWebhookEndpointCommand(WebhookEndpointId Id, WebhookEndpointInput Endpoint, uint ExpectedVersion) : ICommand<WebhookEndpointDto>;

public sealed class UpdateWebhookEndpointValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointValidator()
    {
        RuleFor(x => x.Endpoint).NotNull().SetValidator(new WebhookEndpointInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateWebhookEndpointHandler(IAppDbContext db, IWebhookTargetGuard guard, TimeProvider clock) : ICommandHandler<UpdateWebhookEndpointCommand, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(UpdateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var endpoint = await db.LoadEndpointAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var url = await guard.CheckTargetAsync(command.Endpoint.Url, cancellationToken).ConfigureAwait(false);
        endpoint.Update(url, command.Endpoint.EventTypes, command.Endpoint.Description, command.Endpoint.Enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return WebhookEndpointDto.From(endpoint);
    }
}
