using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListCampaigns;

/// <summary>The campaigns, latest opening first: filters on status and text in the name.</summary>
public sealed record ListCampaignsQuery : IQuery<PagedResult<SurveyCampaignSummaryDto>>, IPagedQuery
{
    /// <summary>Only campaigns in one of these statuses (none: every status).</summary>
    public IReadOnlyList<SurveyCampaignStatus> Status { get; init; } = [];

    /// <summary>Text in the name.</summary>
    public string? Q { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListCampaignsValidator : AbstractValidator<ListCampaignsQuery>
{
    public ListCampaignsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Q).MaximumLength(100).OverridePropertyName("q");
        RuleForEach(x => x.Status).IsInEnum().OverridePropertyName("status");
    }
}

public sealed class ListCampaignsHandler(IAppDbContext db) : IQueryHandler<ListCampaignsQuery, PagedResult<SurveyCampaignSummaryDto>>
{
    public async ValueTask<PagedResult<SurveyCampaignSummaryDto>> Handle(ListCampaignsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var campaigns = db.SurveyCampaigns.AsNoTracking();
        if (query.Status.Count > 0)
        {
            var statuses = query.Status.Distinct().ToList();
            campaigns = campaigns.Where(c => statuses.Contains(c.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            campaigns = campaigns.Where(c => c.Name.ToLower().Contains(text));
        }

        var total = await campaigns.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await campaigns.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new SurveyCampaignSummaryDto(c.Id, c.Name, c.TemplateId, c.Status, c.OpensAt, c.ClosesAt, c.Recurrence, c.InvitedCount, c.SkippedCount, c.UpdatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyCampaignSummaryDto>(items, query.Page, query.PageSize, total, null);
    }
}
