using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListSurveyTemplates;

/// <summary>Template versions, newest change first: filtered by status and by text in the name.</summary>
public sealed record ListSurveyTemplatesQuery : IQuery<PagedResult<SurveyTemplateDto>>, IPagedQuery
{
    /// <summary>Only versions in one of these statuses (none: every status).</summary>
    public IReadOnlyList<SurveyTemplateStatus> Status { get; init; } = [];

    /// <summary>Text in the name.</summary>
    public string? Q { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListSurveyTemplatesValidator : AbstractValidator<ListSurveyTemplatesQuery>
{
    public ListSurveyTemplatesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Q).MaximumLength(100).OverridePropertyName("q");
        RuleForEach(x => x.Status).IsInEnum().OverridePropertyName("status");
    }
}

public sealed class ListSurveyTemplatesHandler(IAppDbContext db) : IQueryHandler<ListSurveyTemplatesQuery, PagedResult<SurveyTemplateDto>>
{
    public async ValueTask<PagedResult<SurveyTemplateDto>> Handle(ListSurveyTemplatesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var templates = db.SurveyTemplates.AsNoTracking();
        if (query.Status.Count > 0)
        {
            var statuses = query.Status.Distinct().ToList();
            templates = templates.Where(t => statuses.Contains(t.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim().ToLowerInvariant();
            templates = templates.Where(t => t.Name.ToLower().Contains(text));
        }

        var total = await templates.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await templates.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var revised = await db.RevisedAmongAsync([.. page.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
        var used = await db.CampaignCountsAsync([.. page.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyTemplateDto>([.. page.Select(t => SurveyTemplateDto.From(t, revised.Contains(t.Id), usedByCampaigns: used.GetValueOrDefault(t.Id)))], query.Page, query.PageSize, total, null);
    }
}
