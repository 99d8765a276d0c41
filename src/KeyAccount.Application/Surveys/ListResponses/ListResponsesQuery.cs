using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListResponses;

/// <summary>A campaign's responses (of the accounts the caller may see), newest first.</summary>
public sealed record ListResponsesQuery(SurveyCampaignId CampaignId) : IQuery<PagedResult<SurveyResponseDto>>, IPagedQuery
{
    public AccountId? AccountId { get; init; }

    public NpsGroup? NpsGroup { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListResponsesValidator : AbstractValidator<ListResponsesQuery>
{
    public ListResponsesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.NpsGroup).IsInEnum().OverridePropertyName("npsGroup");
    }
}

public sealed class ListResponsesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListResponsesQuery, PagedResult<SurveyResponseDto>>
{
    public async ValueTask<PagedResult<SurveyResponseDto>> Handle(ListResponsesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadCampaignAsync(query.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var responses = ResponseReading.VisibleTo(db, user, db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == query.CampaignId));
        if (query.AccountId is { } account)
        {
            responses = responses.Where(r => r.AccountId == account);
        }

        if (query.NpsGroup is { } group)
        {
            responses = responses.Where(r => r.NpsGroup == group);
        }

        var total = await responses.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = responses.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        var items = await ResponseReading.Project(db, page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyResponseDto>(items, query.Page, query.PageSize, total, null);
    }
}
