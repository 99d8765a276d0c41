using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.Responses;

/// <summary>One answer as the public page or an agent sends it: the question and the one value its type takes.</summary>
public sealed record SurveyAnswerInput
{
    /// <summary>The question answered (its id in the template).</summary>
    /// <example>0193a3c2-5b7e-7d41-9c2f-3a1b2c4d5e6f</example>
    public required Guid QuestionId { get; init; }

    /// <summary>Nps 0–10, Rating 1–5; absent for other types.</summary>
    /// <example>9</example>
    [Range(0, 10)]
    public int? Number { get; init; }

    /// <summary>The chosen keys of a SingleChoice (exactly one) or MultiChoice question; absent for other types.</summary>
    [MaxLength(SurveyQuestion.MaxChoices), KeyAccount.Application.Common.Models.ItemMaxLength(SurveyQuestion.ChoiceKeyMaxLength)]
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The answer to a Text question (at most its maxLength characters); absent for other types.</summary>
    /// <example>希望交付周期更短，售后响应更快。</example>
    [MaxLength(SurveyQuestion.LongestTextAnswer)]
    public string? Text { get; init; }

    public SurveyAnswer ToDomain() => new(QuestionId, Number, Choices, Text);
}

/// <summary>A contact's answers: one per answered question (optional questions may be left out).</summary>
public sealed record SurveyAnswersInput
{
    /// <summary>The answers, each naming its question.</summary>
    [MaxLength(SurveyTemplateQuestionsMustFit.Max)]
    public required IReadOnlyList<SurveyAnswerInput> Answers { get; init; }
}

public sealed class SurveyAnswersInputValidator : AbstractValidator<SurveyAnswersInput>
{
    public SurveyAnswersInputValidator()
    {
        // What each answer holds is the template's one answer rule (SurveyTemplate.Check); here only the list's size.
        RuleFor(x => x.Answers).NotNull();
        RuleFor(x => x.Answers.Count).LessThanOrEqualTo(SurveyTemplateQuestionsMustFit.Max).OverridePropertyName("answers").When(x => x.Answers is not null);
    }
}

/// <summary>One answered question of a response.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Position" example="1">Its position in the template version answered.</param>
/// <param name="Type">Nps, Rating, SingleChoice, MultiChoice or Text.</param>
/// <param name="Number" example="9">Nps 0–10 or Rating 1–5.</param>
/// <param name="Choices">The chosen keys (choice questions).</param>
/// <param name="Text" example="希望交付周期更短。">The text answer.</param>
public sealed record SurveyResponseAnswerDto(Guid QuestionId, int Position, QuestionType Type, int? Number, IReadOnlyList<string>? Choices, string? Text);

/// <summary>A contact's response to a campaign, by the public page (Email) or recorded by an agent (Phone).</summary>
/// <param name="Id">The response.</param>
/// <param name="CampaignId">Its campaign.</param>
/// <param name="CampaignName" example="2027 上半年客户满意度调查">The campaign's name.</param>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="ContactId">The contact who answered.</param>
/// <param name="ContactName" example="王芳">Their name.</param>
/// <param name="BuyingRole">The contact's buying role as the invitation recorded it.</param>
/// <param name="Channel">Email (the public page) or Phone (recorded by an agent).</param>
/// <param name="Language" example="zh-CN">The language the questions were read in.</param>
/// <param name="ReceivedAt">When it was received (UTC).</param>
/// <param name="Nps" example="9">The answer to the first Nps question.</param>
/// <param name="NpsGroup">Promoter, Passive or Detractor; null without an Nps answer.</param>
/// <param name="LowestRating" example="4">The lowest Rating answer.</param>
/// <param name="FollowUpId">The follow-up it opened (a detractor or a rating of 1–2); null when none.</param>
/// <param name="Answers">The answered questions, in the template's order.</param>
public sealed record SurveyResponseDto(
    SurveyResponseId Id,
    SurveyCampaignId CampaignId,
    string CampaignName,
    AccountId AccountId,
    string AccountName,
    ContactId ContactId,
    string ContactName,
    BuyingRole BuyingRole,
    SurveyInvitationChannel Channel,
    string Language,
    DateTimeOffset ReceivedAt,
    int? Nps,
    NpsGroup? NpsGroup,
    int? LowestRating,
    SurveyFollowUpId? FollowUpId,
    IReadOnlyList<SurveyResponseAnswerDto> Answers);

/// <summary>Reading responses under the caller's account access (a response of an account they may not see is a 404).</summary>
public static class ResponseReading
{
    /// <summary>The responses of <paramref name="source"/> whose accounts the caller may see.</summary>
    public static IQueryable<SurveyResponse> VisibleTo(IAppDbContext db, ICurrentUser user, IQueryable<SurveyResponse> source)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (AccountAccess.RestrictedTo(user) is null)
        {
            return source;
        }

        var visible = db.VisibleAccounts(user);
        return source.Where(r => visible.Any(a => a.Id == r.AccountId));
    }

    /// <summary>The responses as the client reads them, with the names of their campaign, account and contact, and their follow-up.</summary>
    public static IQueryable<SurveyResponseDto> Project(IAppDbContext db, IQueryable<SurveyResponse> source)
    {
        ArgumentNullException.ThrowIfNull(db);
        return source.Select(r => new SurveyResponseDto(
            r.Id,
            r.CampaignId,
            db.SurveyCampaigns.Where(c => c.Id == r.CampaignId).Select(c => c.Name).First(),
            r.AccountId,
            db.Accounts.Where(a => a.Id == r.AccountId).Select(a => a.Name).First(),
            r.ContactId,
            db.Accounts.Where(a => a.Id == r.AccountId).SelectMany(a => a.Contacts).Where(c => c.Id == r.ContactId).Select(c => c.Name).FirstOrDefault() ?? string.Empty,
            r.BuyingRole,
            r.Channel,
            r.Language,
            r.ReceivedAt,
            r.Nps,
            r.NpsGroup,
            r.LowestRating,
            db.SurveyFollowUps.Where(f => f.ResponseId == r.Id).Select(f => (SurveyFollowUpId?)f.Id).FirstOrDefault(),
            r.Answers.OrderBy(a => a.Position).Select(a => new SurveyResponseAnswerDto(a.QuestionId, a.Position, a.QuestionType, a.Number, a.Choices, a.Text)).ToList()));
    }

    public static async Task<SurveyResponseDto> ReadAsync(IAppDbContext db, ICurrentUser user, SurveyResponseId id, CancellationToken cancellationToken) =>
        await Project(db, VisibleTo(db, user, db.SurveyResponses.AsNoTracking().Where(r => r.Id == id))).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new EntityNotFoundException("Survey response", id.Value);
}
