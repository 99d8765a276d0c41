using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.CreateWebhookEndpoint;

/// <summary>Subscribes a receiver to event types; answers with its signing secret, shown this once.</summary>
public sealed record CreateWebhookEndpointCommand(WebhookEndpointInput Endpoint) : ICommand<WebhookEndpointSecretDto>;

public sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointValidator()
    {
        RuleFor(x => x.Endpoint).NotNull().SetValidator(new WebhookEndpointInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateWebhookEndpointHandler(IAppDbContext db, IWebhookTargetGuard guard, TimeProvider clock) : ICommandHandler<CreateWebhookEndpointCommand, WebhookEndpointSecretDto>
{
    public async ValueTask<WebhookEndpointSecretDto> Handle(CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var url = await guard.CheckTargetAsync(command.Endpoint.Url, cancellationToken).ConfigureAwait(false);
        var endpoint = WebhookEndpoint.Create(url, command.Endpoint.EventTypes, command.Endpoint.Description, clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookEndpointSecretDto(WebhookEndpointDto.From(endpoint), endpoint.Secret);
    }
}
