using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Surveys.RecordResponse;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.GetPublicSurvey;

/// <summary>The survey behind a token, in the invitation's language or <paramref name="Language"/>; records nothing.</summary>
public sealed record GetPublicSurveyQuery(string Token, string? Language) : IQuery<PublicSurveyDto>;

/// <summary>A survey as the respondent reads it: texts already in one language.</summary>
/// <param name="Language" example="zh-CN">zh-CN or en: the language of the texts.</param>
/// <param name="Title" example="2027 上半年客户满意度调查">The campaign's name.</param>
/// <param name="ClosesAt">When the survey stops taking answers (UTC).</param>
/// <param name="Questions">The questions, in order.</param>
/// <param name="UnsubscribeUrl" example="/api/v1/public/surveys/q3XvK9mZp2LwR8tY5nB7cD4fG6hJ1kA0sE2uI9oP3xQ/unsubscribe">Where a POST unsubscribes the contact from surveys (relative to this API's origin).</param>
public sealed record PublicSurveyDto(string Language, string Title, DateTimeOffset ClosesAt, IReadOnlyList<PublicSurveyQuestionDto> Questions, string UnsubscribeUrl);

/// <summary>One question as the respondent reads it.</summary>
/// <param name="Id">The question's id: answers name it.</param>
/// <param name="Type">Nps (0–10), Rating (1–5), SingleChoice, MultiChoice or Text.</param>
/// <param name="Required" example="true">Whether it must be answered.</param>
/// <param name="Text" example="您向同事或合作伙伴推荐我们的可能性有多大？">The question.</param>
/// <param name="LowLabel" example="完全不可能">What the lowest value means (Nps and Rating).</param>
/// <param name="HighLabel" example="非常可能">What the highest value means (Nps and Rating).</param>
/// <param name="Choices">The options (choice questions); empty otherwise.</param>
/// <param name="MaxLength" example="2000">The longest answer in characters (Text questions).</param>
public sealed record PublicSurveyQuestionDto(Guid Id, QuestionType Type, bool Required, string Text, string? LowLabel, string? HighLabel, IReadOnlyList<PublicSurveyChoiceDto> Choices, int? MaxLength);

/// <summary>One option of a choice question.</summary>
/// <param name="Key" example="delivery">What the answer sends.</param>
/// <param name="Label" example="交付及时性">What the respondent reads.</param>
public sealed record PublicSurveyChoiceDto(string Key, string Label);

public sealed class GetPublicSurveyHandler(IAppDbContext db) : IQueryHandler<GetPublicSurveyQuery, PublicSurveyDto>
{
    /// <summary>Where the unsubscribe link of a token points (the path of the public endpoint).</summary>
    public static string UnsubscribePath(string token) => $"/api/v1/public/surveys/{token}/unsubscribe";

    public async ValueTask<PublicSurveyDto> Handle(GetPublicSurveyQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Language is { } requested && !SurveyCampaign.Languages.Contains(requested, StringComparer.Ordinal))
        {
            throw RequestValidationException.For("lang", FieldErrorCodes.InvalidValue, $"Use one of: {string.Join(", ", SurveyCampaign.Languages)}.", new Dictionary<string, object?> { ["allowed"] = SurveyCampaign.Languages.ToArray() });
        }

        var invitation = await db.FindInvitationByTokenAsync(query.Token, cancellationToken).ConfigureAwait(false);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId)
            .Select(c => new { c.Name, c.Status, c.ClosesAt, c.TemplateId }).FirstAsync(cancellationToken).ConfigureAwait(false);
        invitation.CheckTakesAnswers(campaign.Status);
        var template = await db.SurveyTemplates.AsNoTracking().FirstAsync(t => t.Id == campaign.TemplateId, cancellationToken).ConfigureAwait(false);
        var language = query.Language ?? invitation.Language;
        var questions = template.Questions.OrderBy(q => q.Position).Select(q => new PublicSurveyQuestionDto(
            q.Id,
            q.Type,
            q.Required,
            q.Text.In(language),
            q.LowLabel?.In(language),
            q.HighLabel?.In(language),
            [.. (q.Choices ?? []).Select(c => new PublicSurveyChoiceDto(c.Key, c.Label.In(language)))],
            q.Type == QuestionType.Text ? q.TextAnswerLimit : null)).ToList();
        return new PublicSurveyDto(language, campaign.Name, campaign.ClosesAt, questions, UnsubscribePath(query.Token));
    }
}
