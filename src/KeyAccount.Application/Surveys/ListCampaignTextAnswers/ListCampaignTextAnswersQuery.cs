using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.ListCampaignTextAnswers;

/// <summary>A campaign's text answers (of the accounts the caller may see; of one question when given), newest first.</summary>
public sealed record ListCampaignTextAnswersQuery(SurveyCampaignId CampaignId) : IQuery<PagedResult<SurveyTextAnswerDto>>, IPagedQuery
{
    public Guid? QuestionId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListCampaignTextAnswersValidator : FluentValidation.AbstractValidator<ListCampaignTextAnswersQuery>
{
    public ListCampaignTextAnswersValidator() => Include(PagingValidator.Instance);
}

public sealed class ListCampaignTextAnswersHandler(IAppDbContext db, ISurveyResultsReader reader, ICurrentUser user)
    : IQueryHandler<ListCampaignTextAnswersQuery, PagedResult<SurveyTextAnswerDto>>
{
    public async ValueTask<PagedResult<SurveyTextAnswerDto>> Handle(ListCampaignTextAnswersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadCampaignAsync(query.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var (rows, total) = await reader.ReadTextAnswersAsync(query.CampaignId, user.Scope(), query.QuestionId, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyTextAnswerDto>(rows, query.Page, query.PageSize, total, null);
    }
}
