using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;

namespace KeyAccount.Application.Webhooks.GetWebhookEndpoint;

public sealed record GetWebhookEndpointQuery(WebhookEndpointId Id) : IQuery<WebhookEndpointDto>;

public sealed class GetWebhookEndpointHandler(IAppDbContext db) : IQueryHandler<GetWebhookEndpointQuery, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(GetWebhookEndpointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WebhookEndpointDto.From(await db.LoadEndpointAsync(query.Id, expectedVersion: null, cancellationToken).ConfigureAwait(false));
    }
}
