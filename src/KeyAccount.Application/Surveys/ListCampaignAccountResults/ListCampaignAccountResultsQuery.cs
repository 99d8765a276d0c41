using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.ListCampaignAccountResults;

/// <summary>A campaign's invited accounts (those the caller may see) with their figures, highest trailing revenue first.</summary>
public sealed record ListCampaignAccountResultsQuery(SurveyCampaignId CampaignId) : IQuery<PagedResult<SurveyAccountResultDto>>, IPagedQuery
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListCampaignAccountResultsValidator : FluentValidation.AbstractValidator<ListCampaignAccountResultsQuery>
{
    public ListCampaignAccountResultsValidator() => Include(PagingValidator.Instance);
}

public sealed class ListCampaignAccountResultsHandler(IAppDbContext db, ISurveyResultsReader reader, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListCampaignAccountResultsQuery, PagedResult<SurveyAccountResultDto>>
{
    public async ValueTask<PagedResult<SurveyAccountResultDto>> Handle(ListCampaignAccountResultsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadCampaignAsync(query.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (rows, total) = await reader.ReadAccountsAsync(query.CampaignId, user.Scope(), today, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken).ConfigureAwait(false);
        var items = rows.Select(r => new SurveyAccountResultDto(
            r.AccountId, r.Name, r.Tier, r.Counts.Invited, r.Counts.Responded, NpsDto.From(SurveyFigures.Nps(r.Counts)), SurveyFigures.WeightedNps(r.Counts), SurveyFigures.Csat(r.Counts), r.Revenue)).ToList();
        return new PagedResult<SurveyAccountResultDto>(items, query.Page, query.PageSize, total, null);
    }
}
