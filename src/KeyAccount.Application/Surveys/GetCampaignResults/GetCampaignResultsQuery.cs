using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Common;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.GetCampaignResults;

/// <summary>A campaign's results within the accounts the caller may see: counted in SQL, computed by <see cref="SurveyScores"/>.</summary>
public sealed record GetCampaignResultsQuery(SurveyCampaignId Id) : IQuery<SurveyResultsDto>;

public sealed class GetCampaignResultsHandler(IAppDbContext db, ISurveyResultsReader reader, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCampaignResultsQuery, SurveyResultsDto>
{
    public async ValueTask<SurveyResultsDto> Handle(GetCampaignResultsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var campaign = await db.LoadCampaignAsync(query.Id, null, cancellationToken).ConfigureAwait(false);
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == campaign.TemplateId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Survey template", campaign.TemplateId.Value);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await reader.ReadAsync(campaign.Id, user.Scope(), today, SurveyFigures.MaxTrend, cancellationToken).ConfigureAwait(false);

        var overall = rows.Overall;
        var questions = template.Questions.OrderBy(q => q.Position).Select(q => Question(q, rows)).ToList();
        var current = new SurveyTrendRow(campaign.Id, campaign.Name, campaign.OpenedAt, campaign.ClosedAt, overall);
        return new SurveyResultsDto(
            campaign.Id,
            overall.Invited,
            overall.Responded,
            SurveyScores.Percent(overall.Responded, overall.Invited),
            NpsDto.From(SurveyFigures.Nps(overall)),
            SurveyFigures.WeightedNps(overall),
            new CsatDto(overall.Ratings, overall.Satisfied, SurveyFigures.Csat(overall)),
            new RevenueCoverageDto(rows.RespondingRevenue, rows.InvitedRevenue, SurveyScores.Percent(rows.RespondingRevenue, rows.InvitedRevenue)),
            questions,
            Breakdown(rows, "tier"),
            Breakdown(rows, "segment"),
            [.. rows.Predecessors.Append(current).Select(SurveyFigures.TrendPoint)]);
    }

    private static List<SurveyBreakdownDto> Breakdown(SurveyResultsRows rows, string dimension) =>
        [.. rows.Breakdowns.Where(b => b.Dimension == dimension).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => SurveyFigures.Breakdown(b.Key, b.Counts))];

    /// <summary>A question with every value it offers (the scale's numbers or the choice keys, in order), zero counts included.</summary>
    private static SurveyQuestionResultDto Question(SurveyQuestion question, SurveyResultsRows rows)
    {
        var counted = rows.Questions.FirstOrDefault(r => r.QuestionId == question.Id);
        var counts = rows.Distributions.Where(d => d.QuestionId == question.Id).ToDictionary(d => d.Value, d => d.Count, StringComparer.Ordinal);
        IEnumerable<string> values = question.Scale is { } scale
            ? Enumerable.Range(scale.Min, scale.Max - scale.Min + 1).Select(v => v.ToString(CultureInfo.InvariantCulture))
            : (question.Choices ?? []).Select(c => c.Key);
        var distribution = values.Select(v => new SurveyDistributionDto(v, counts.GetValueOrDefault(v))).ToList();
        return new SurveyQuestionResultDto(
            question.Id,
            question.Position,
            question.Type,
            LocalizedTextDto.From(question.Text)!,
            counted?.Answered ?? 0,
            question.Scale is null ? null : SurveyScores.Average(counted?.Mean),
            distribution,
            counted?.TextAnswers ?? 0);
    }
}
