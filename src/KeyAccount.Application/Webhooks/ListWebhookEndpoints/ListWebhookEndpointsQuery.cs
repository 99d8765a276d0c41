using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Webhooks.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Webhooks.ListWebhookEndpoints;

/// <summary>Every webhook endpoint, newest first (an installation has a handful).</summary>
public sealed record ListWebhookEndpointsQuery : IQuery<IReadOnlyList<WebhookEndpointDto>>;

public sealed class ListWebhookEndpointsHandler(IAppDbContext db) : IQueryHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery query, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderByDescending(e => e.CreatedAt).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. endpoints.Select(WebhookEndpointDto.From)];
    }
}
