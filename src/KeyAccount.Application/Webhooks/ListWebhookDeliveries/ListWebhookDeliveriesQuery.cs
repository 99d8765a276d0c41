using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Webhooks.ListWebhookDeliveries;

/// <summary>An endpoint's delivery log, newest first.</summary>
public sealed record ListWebhookDeliveriesQuery : IQuery<PagedResult<WebhookDeliveryDto>>, IPagedQuery
{
    public required WebhookEndpointId EndpointId { get; init; }

    /// <summary>Only deliveries in this status.</summary>
    public WebhookDeliveryStatus? Status { get; init; }

    /// <summary>Only this event type.</summary>
    public string? EventType { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        Include(PagingValidator.Instance);
    }
}

public sealed class ListWebhookDeliveriesHandler(IAppDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, PagedResult<WebhookDeliveryDto>>
{
    public async ValueTask<PagedResult<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadEndpointAsync(query.EndpointId, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        var rows = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == query.EndpointId);
        if (query.Status is { } status)
        {
            rows = rows.Where(d => d.Status == status);
        }

        if (query.EventType is { } type)
        {
            rows = rows.Where(d => d.EventType == type);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<WebhookDeliveryDto>([.. page.Select(WebhookDeliveryDto.From)], query.Page, query.PageSize, total, null);
    }
}
