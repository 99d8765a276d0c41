using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Surveys.GetAccountSatisfaction;

/// <summary>An account's satisfaction: the stored latest measure, the campaigns it answered and its open follow-ups.</summary>
public sealed record GetAccountSatisfactionQuery(AccountId AccountId) : IQuery<AccountSatisfactionDto>;

public sealed class GetAccountSatisfactionHandler(IAppDbContext db, ISurveyResultsReader reader, ICurrentUser user)
    : IQueryHandler<GetAccountSatisfactionQuery, AccountSatisfactionDto>
{
    public async ValueTask<AccountSatisfactionDto> Handle(GetAccountSatisfactionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var rows = await reader.ReadAccountAsync(query.AccountId, SurveyFigures.MaxTrend, cancellationToken).ConfigureAwait(false);
        var latest = rows.Latest is { } l ? new AccountSatisfactionLatestDto(l.CampaignId, l.CampaignName, l.Nps, l.WeightedNps, l.Respondents, l.Csat, l.MeasuredAt) : null;
        var trend = rows.Campaigns.Select(c =>
        {
            var nps = SurveyFigures.Nps(c.Counts);
            return new AccountSatisfactionTrendDto(c.CampaignId, c.Name, c.OpenedAt, nps.Score, SurveyFigures.WeightedNps(c.Counts), nps.Respondents, SurveyFigures.Csat(c.Counts));
        }).ToList();
        return new AccountSatisfactionDto(latest, trend, rows.OpenFollowUps);
    }
}
