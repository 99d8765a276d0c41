using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>An NPS with what it rests on.</summary>
/// <param name="Respondents" example="18">Responses with an NPS answer (n).</param>
/// <param name="Promoters" example="9">Answers of 9–10.</param>
/// <param name="Passives" example="5">Answers of 7–8.</param>
/// <param name="Detractors" example="4">Answers of 0–6.</param>
/// <param name="Score" example="28">% promoters − % detractors, −100..100 (half away from zero); null without respondents.</param>
/// <param name="MarginOfError" example="12.4">The 95 % margin of error in points, finite-population corrected; null with fewer than two respondents.</param>
/// <param name="Population" example="20">The contacts invited in the group (the panel the margin is corrected for).</param>
public sealed record NpsDto(int Respondents, int Promoters, int Passives, int Detractors, int? Score, decimal? MarginOfError, int? Population)
{
    public static NpsDto From(NpsResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new NpsDto(r.Respondents, r.Promoters, r.Passives, r.Detractors, r.Score, r.MarginOfError, r.Population);
    }
}

/// <summary>CSAT: the share of Rating answers of 4 or 5.</summary>
/// <param name="Ratings" example="20">Rating answers.</param>
/// <param name="Satisfied" example="15">Of them, 4 or 5.</param>
/// <param name="Score" example="75">Whole percent; null without ratings.</param>
public sealed record CsatDto(int Ratings, int Satisfied, int? Score);

/// <summary>How much of the invited accounts' trailing-12-month revenue the responding accounts hold.</summary>
/// <param name="RespondingRevenue" example="8400000.00">Trailing revenue of the accounts with at least one response.</param>
/// <param name="InvitedRevenue" example="12000000.00">Trailing revenue of the invited accounts.</param>
/// <param name="Percent" example="70.0">Responding of invited, in percent (1 decimal); null when the invited accounts have no revenue.</param>
public sealed record RevenueCoverageDto(
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal RespondingRevenue,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal InvitedRevenue,
    decimal? Percent);

/// <summary>How many answers gave one value.</summary>
/// <param name="Value" example="9">"0".."10" (Nps), "1".."5" (Rating) or a choice key.</param>
/// <param name="Count" example="6">Answers.</param>
public sealed record SurveyDistributionDto(string Value, int Count);

/// <summary>One question of the campaign's template version with its answers.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Position" example="1">Its position in the template.</param>
/// <param name="Type">Its type.</param>
/// <param name="Text">Its text in both languages.</param>
/// <param name="Answered" example="18">Answers to it.</param>
/// <param name="Average" example="3.85">The mean answer (Nps and Rating; 2 decimals); null otherwise or without answers.</param>
/// <param name="Distribution">Every value offered (0–10, 1–5 or the choice keys, in order) with its count; empty for Text.</param>
/// <param name="TextAnswers" example="7">Non-empty text answers (read them from `results/text-answers`).</param>
public sealed record SurveyQuestionResultDto(
    Guid QuestionId,
    int Position,
    QuestionType Type,
    LocalizedTextDto Text,
    int Answered,
    decimal? Average,
    IReadOnlyList<SurveyDistributionDto> Distribution,
    int TextAnswers);

/// <summary>The figures of one tier or segment (the accounts' current one).</summary>
/// <param name="Key" example="Strategic">The tier or segment.</param>
/// <param name="Invited" example="20">Invitations.</param>
/// <param name="Responded" example="12">Responses.</param>
/// <param name="Nps">The group's NPS (margin corrected for its invited contacts).</param>
/// <param name="Csat" example="75">The group's CSAT; null without ratings.</param>
public sealed record SurveyBreakdownDto(string Key, int Invited, int Responded, NpsDto Nps, int? Csat);

/// <summary>One campaign of the trend.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name" example="2026 下半年客户满意度调查">Its name.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="ClosedAt">When it closed; null while open.</param>
/// <param name="Respondents" example="18">Responses with an NPS answer.</param>
/// <param name="Nps" example="28">Its NPS; null without respondents.</param>
/// <param name="MarginOfError" example="12.4">Its margin of error in points.</param>
/// <param name="WeightedNps" example="35">Its NPS weighted by buying role.</param>
/// <param name="Csat" example="75">Its CSAT.</param>
public sealed record SurveyTrendPointDto(SurveyCampaignId CampaignId, string Name, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, int Respondents, int? Nps, decimal? MarginOfError, int? WeightedNps, int? Csat);

/// <summary>A campaign's results within the accounts the caller may see.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Invited" example="20">Invitations.</param>
/// <param name="Responded" example="18">Responses.</param>
/// <param name="ResponseRate" example="90.0">Responded of invited, percent, 1 decimal; null with no invitation.</param>
/// <param name="Nps">The NPS with its margin of error.</param>
/// <param name="WeightedNps" example="35">The NPS weighted by the respondents' buying roles (`Surveys:RoleWeights`); null without respondents.</param>
/// <param name="Csat">CSAT over every Rating answer.</param>
/// <param name="RevenueCoverage">The responding accounts' share of the invited accounts' trailing revenue.</param>
/// <param name="Questions">Every question of the template version, in order.</param>
/// <param name="ByTier">By the accounts' current tier.</param>
/// <param name="BySegment">By the accounts' segment.</param>
/// <param name="Trend">This campaign and its predecessors (recurrence), oldest first, at most 12.</param>
public sealed record SurveyResultsDto(
    SurveyCampaignId CampaignId,
    int Invited,
    int Responded,
    decimal? ResponseRate,
    NpsDto Nps,
    int? WeightedNps,
    CsatDto Csat,
    RevenueCoverageDto RevenueCoverage,
    IReadOnlyList<SurveyQuestionResultDto> Questions,
    IReadOnlyList<SurveyBreakdownDto> ByTier,
    IReadOnlyList<SurveyBreakdownDto> BySegment,
    IReadOnlyList<SurveyTrendPointDto> Trend);

/// <summary>One invited account's results in a campaign.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="Tier">Its current tier.</param>
/// <param name="Invited" example="3">Its contacts invited.</param>
/// <param name="Responded" example="2">Their responses.</param>
/// <param name="Nps">Its NPS (margin corrected for its invited contacts).</param>
/// <param name="WeightedNps" example="40">Its NPS weighted by buying role.</param>
/// <param name="Csat" example="100">Its CSAT.</param>
/// <param name="Revenue" example="3200000.00">Its trailing-12-month revenue.</param>
public sealed record SurveyAccountResultDto(
    AccountId AccountId,
    string AccountName,
    Tier Tier,
    int Invited,
    int Responded,
    NpsDto Nps,
    int? WeightedNps,
    int? Csat,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal Revenue);

/// <summary>One text answer.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="ContactName" example="王芳">Who answered.</param>
/// <param name="BuyingRole">Their buying role when invited.</param>
/// <param name="Text" example="交付周期希望再缩短一些。">The answer.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record SurveyTextAnswerDto(SurveyResponseId ResponseId, AccountId AccountId, string AccountName, string ContactName, BuyingRole BuyingRole, string Text, DateTimeOffset ReceivedAt);

/// <summary>The account's latest measured satisfaction (what tiering and health read).</summary>
/// <param name="CampaignId">The latest campaign (by opening) in which the account has an NPS answer.</param>
/// <param name="CampaignName" example="2027 上半年客户满意度调查">Its name.</param>
/// <param name="Nps" example="33">The account's NPS in it.</param>
/// <param name="WeightedNps" example="50">Weighted by buying role.</param>
/// <param name="Respondents" example="3">Its contacts with an NPS answer.</param>
/// <param name="Csat" example="67">Its CSAT; null without ratings.</param>
/// <param name="MeasuredAt">When its latest response there was received.</param>
public sealed record AccountSatisfactionLatestDto(SurveyCampaignId CampaignId, string CampaignName, int Nps, int? WeightedNps, int Respondents, int? Csat, DateTimeOffset MeasuredAt);

/// <summary>The account's figures in one campaign it answered.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name" example="2026 下半年客户满意度调查">Its name.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="Nps" example="33">The account's NPS in it; null without an NPS answer.</param>
/// <param name="WeightedNps" example="50">Weighted by buying role.</param>
/// <param name="Respondents" example="3">Its contacts with an NPS answer.</param>
/// <param name="Csat" example="67">Its CSAT.</param>
public sealed record AccountSatisfactionTrendDto(SurveyCampaignId CampaignId, string Name, DateTimeOffset? OpenedAt, int? Nps, int? WeightedNps, int Respondents, int? Csat);

/// <summary>An account's satisfaction: the latest measure, its trend and its open follow-ups.</summary>
/// <param name="Latest">The measure tiering and health read; null before any NPS answer.</param>
/// <param name="Trend">The campaigns the account answered, oldest first, at most 12.</param>
/// <param name="OpenFollowUps" example="1">Survey follow-ups still open for the account.</param>
public sealed record AccountSatisfactionDto(AccountSatisfactionLatestDto? Latest, IReadOnlyList<AccountSatisfactionTrendDto> Trend, int OpenFollowUps);

/// <summary>Counts → figures, by <see cref="SurveyScores"/> only (the one home of the formulas).</summary>
public static class SurveyFigures
{
    /// <summary>The trend shows this many campaigns at most.</summary>
    public const int MaxTrend = 12;

    /// <summary>The NPS of a group, its margin corrected for the contacts invited in it.</summary>
    public static NpsResult Nps(SurveyGroupCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var n = c.Promoters + c.Passives + c.Detractors;
        return SurveyScores.Nps(c.Promoters, c.Passives, c.Detractors, Math.Max(c.Invited, n));
    }

    public static int? WeightedNps(SurveyGroupCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return SurveyScores.WeightedNps(c.PromoterWeight, c.PassiveWeight, c.DetractorWeight);
    }

    public static int? Csat(SurveyGroupCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return SurveyScores.Csat(c.Satisfied, c.Ratings);
    }

    public static SurveyBreakdownDto Breakdown(string key, SurveyGroupCounts c) =>
        new(key, c.Invited, c.Responded, NpsDto.From(Nps(c)), Csat(c));

    public static SurveyTrendPointDto TrendPoint(SurveyTrendRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var nps = Nps(row.Counts);
        return new SurveyTrendPointDto(row.CampaignId, row.Name, row.OpenedAt, row.ClosedAt, nps.Respondents, nps.Score, nps.MarginOfError, WeightedNps(row.Counts), Csat(row.Counts));
    }
}
