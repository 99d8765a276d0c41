using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>
/// What one group of invitations (a campaign, a tier, a segment, an account) counts, as SQL counted it from the stored
/// groups: invitations, responses, each NPS group, the summed buying-role weights of each group (the weighted NPS),
/// Rating answers and satisfied ones. The figures are made from these by <see cref="SurveyScores"/> only.
/// </summary>
public sealed record SurveyGroupCounts(
    int Invited,
    int Responded,
    int Promoters,
    int Passives,
    int Detractors,
    decimal PromoterWeight,
    decimal PassiveWeight,
    decimal DetractorWeight,
    int Ratings,
    int Satisfied)
{
    public static readonly SurveyGroupCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>A breakdown's group (<c>tier</c> or <c>segment</c>, its key) with its counts.</summary>
public sealed record SurveyBreakdownRow(string Dimension, string Key, SurveyGroupCounts Counts);

/// <summary>One question's answers: how many, the mean of the numbers (Nps, Rating) and the non-empty texts.</summary>
public sealed record SurveyQuestionRow(Guid QuestionId, int Answered, decimal? Mean, int TextAnswers);

/// <summary>How many answers of a question gave a value (a number as text, or a choice key).</summary>
public sealed record SurveyDistributionRow(Guid QuestionId, string Value, int Count);

/// <summary>One campaign of a trend with its counts.</summary>
public sealed record SurveyTrendRow(SurveyCampaignId CampaignId, string Name, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, SurveyGroupCounts Counts);

/// <summary>Everything the results page counts in SQL for a campaign, within the caller's accounts.</summary>
public sealed record SurveyResultsRows(
    SurveyGroupCounts Overall,
    IReadOnlyList<SurveyBreakdownRow> Breakdowns,
    IReadOnlyList<SurveyQuestionRow> Questions,
    IReadOnlyList<SurveyDistributionRow> Distributions,
    decimal RespondingRevenue,
    decimal InvitedRevenue,
    IReadOnlyList<SurveyTrendRow> Predecessors);

/// <summary>One invited account of a campaign with its counts and trailing revenue.</summary>
public sealed record SurveyAccountResultRow(AccountId AccountId, string Name, Tier Tier, decimal Revenue, SurveyGroupCounts Counts);

/// <summary>An account's stored satisfaction (table <c>account_satisfaction</c>) with its campaign's name.</summary>
public sealed record StoredSatisfactionRow(SurveyCampaignId CampaignId, string CampaignName, int Nps, int? WeightedNps, int Respondents, int? Csat, DateTimeOffset MeasuredAt);

/// <summary>One calendar month's responses (its first day) with their counts.</summary>
public sealed record SurveyMonthRow(DateOnly Month, SurveyGroupCounts Counts);

/// <summary>An account's satisfaction: the stored measure, the campaigns it answered (oldest first) and its open follow-ups.</summary>
public sealed record AccountSatisfactionRows(StoredSatisfactionRow? Latest, IReadOnlyList<SurveyTrendRow> Campaigns, int OpenFollowUps);

/// <summary>
/// The survey results, aggregated in SQL over the stored groups (counts, sums, means, distributions, breakdowns by
/// tier and segment, revenue coverage with the shared trailing revenue), within an <see cref="AccountScope"/>.
/// </summary>
public interface ISurveyResultsReader
{
    /// <summary>The campaign's figures; <paramref name="maxTrend"/> campaigns at most, this one included, in its predecessor chain.</summary>
    Task<SurveyResultsRows> ReadAsync(SurveyCampaignId campaign, AccountScope scope, DateOnly today, int maxTrend, CancellationToken cancellationToken);

    /// <summary>The invited accounts in scope, by trailing revenue (highest first), one page, with the total.</summary>
    Task<(IReadOnlyList<SurveyAccountResultRow> Rows, int Total)> ReadAccountsAsync(SurveyCampaignId campaign, AccountScope scope, DateOnly today, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The text answers in scope (of one question when given), newest first, one page, with the total.</summary>
    Task<(IReadOnlyList<SurveyTextAnswerDto> Rows, int Total)> ReadTextAnswersAsync(SurveyCampaignId campaign, AccountScope scope, Guid? questionId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The responses received from <paramref name="since"/> by the accounts in scope, counted per calendar month of the
    /// business's time zone (<paramref name="offset"/> from UTC); only months with a response. <c>Invited</c> counts the
    /// responses (a month has no panel).
    /// </summary>
    Task<IReadOnlyList<SurveyMonthRow>> ReadMonthlyAsync(AccountScope scope, DateTimeOffset since, TimeSpan offset, CancellationToken cancellationToken);

    /// <summary>The account's stored satisfaction, its last <paramref name="maxTrend"/> answered campaigns and its open follow-ups.</summary>
    Task<AccountSatisfactionRows> ReadAccountAsync(AccountId account, int maxTrend, CancellationToken cancellationToken);
}
