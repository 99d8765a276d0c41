using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// One contact's answers to a campaign, by the public page (channel Email) or recorded by an agent on the phone
/// (channel Phone): at most one per invitation. Each answer's group (promoter, passive or detractor; satisfied, neutral
/// or dissatisfied) is decided by <see cref="SurveyScores"/> when it is recorded and stored with it, so that the
/// results only count stored groups; the response keeps its NPS answer, its group and its lowest rating for lists,
/// and whether it needs a follow-up (<see cref="SurveyScores.NeedsFollowUp"/>).
/// </summary>
public sealed class SurveyResponse : AggregateRoot
{
    private readonly List<SurveyResponseAnswer> _answers = [];

    private SurveyResponse()
    {
    }

    public SurveyResponseId Id { get; private set; }

    public SurveyInvitationId InvitationId { get; private set; }

    public SurveyCampaignId CampaignId { get; private set; }

    /// <summary>The template version answered.</summary>
    public SurveyTemplateId TemplateId { get; private set; }

    public AccountId AccountId { get; private set; }

    public ContactId ContactId { get; private set; }

    /// <summary>The respondent's buying role as the invitation recorded it (the weighted NPS weighs by it).</summary>
    public BuyingRole BuyingRole { get; private set; }

    public SurveyInvitationChannel Channel { get; private set; }

    /// <summary>The agent who recorded a phone response; null for the public page.</summary>
    public UserId? RecordedBy { get; private set; }

    /// <summary><c>zh-CN</c> or <c>en</c>: the language the questions were read in.</summary>
    public string Language { get; private set; } = SurveyCampaign.Chinese;

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The answer (0–10) to the template's first Nps question, when answered.</summary>
    public int? Nps { get; private set; }

    public NpsGroup? NpsGroup { get; private set; }

    /// <summary>The lowest answer to a Rating question, when any was answered.</summary>
    public int? LowestRating { get; private set; }

    /// <summary>How many Rating questions it answered: the CSAT base this response adds.</summary>
    public int RatingAnswers { get; private set; }

    /// <summary>How many of its Rating answers are <see cref="Surveys.RatingGroup.Satisfied"/> (4–5): the CSAT count it adds.</summary>
    public int SatisfiedRatings { get; private set; }

    /// <summary>A detractor or a rating of 1–2: the response opens a follow-up for the account owner.</summary>
    public bool NeedsFollowUp { get; private set; }

    /// <summary>Why it needs a follow-up (detractor first); null when it does not.</summary>
    public FollowUpReason? FollowUpReason => !NeedsFollowUp ? null : NpsGroup == Surveys.NpsGroup.Detractor ? Surveys.FollowUpReason.Detractor : Surveys.FollowUpReason.LowRating;

    /// <summary>The answered questions, in the template's order (unanswered optional questions have no row).</summary>
    public IReadOnlyList<SurveyResponseAnswer> Answers => _answers;

    /// <summary>
    /// Records <paramref name="answers"/> to <paramref name="template"/> (the invitation's campaign's version) for
    /// <paramref name="invitation"/>. The answers must pass the template's one answer rule (<see cref="SurveyTemplate.Check"/>):
    /// otherwise <see cref="SurveyAnswersRejectedException"/> with every broken rule. Raises
    /// <see cref="SurveyResponseReceived"/> and, when a follow-up is needed, <see cref="SurveyDetractorDetected"/>. The
    /// invitation itself is moved by <see cref="SurveyInvitation.MarkResponded"/>.
    /// </summary>
    public static SurveyResponse Record(
        SurveyInvitation invitation,
        SurveyTemplate template,
        IReadOnlyList<SurveyAnswer> answers,
        SurveyInvitationChannel channel,
        UserId? recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        var broken = template.Check(answers);
        if (broken.Count > 0)
        {
            throw new SurveyAnswersRejectedException(broken);
        }

        if (channel == SurveyInvitationChannel.Phone && recordedBy is null)
        {
            throw new ArgumentException("A phone response names the agent who recorded it.", nameof(recordedBy));
        }

        var response = new SurveyResponse
        {
            Id = SurveyResponseId.New(),
            InvitationId = invitation.Id,
            CampaignId = invitation.CampaignId,
            TemplateId = template.Id,
            AccountId = invitation.AccountId,
            ContactId = invitation.ContactId,
            BuyingRole = invitation.BuyingRole,
            Channel = channel,
            RecordedBy = channel == SurveyInvitationChannel.Phone ? recordedBy : null,
            Language = invitation.Language,
            ReceivedAt = now,
        };

        var byId = answers.Where(a => !a.IsEmpty).ToDictionary(a => a.QuestionId);
        foreach (var question in template.Questions.OrderBy(q => q.Position))
        {
            if (byId.TryGetValue(question.Id, out var answer))
            {
                response._answers.Add(SurveyResponseAnswer.Of(response, question, answer));
            }
        }

        var firstNps = response._answers.FirstOrDefault(a => a.QuestionType == QuestionType.Nps);
        response.Nps = firstNps?.Number;
        response.NpsGroup = firstNps?.NpsGroup;
        var ratings = response._answers.Where(a => a.RatingGroup is not null).ToList();
        response.LowestRating = ratings.Count == 0 ? null : ratings.Min(a => a.Number);
        response.RatingAnswers = ratings.Count;
        response.SatisfiedRatings = ratings.Count(a => a.RatingGroup == Surveys.RatingGroup.Satisfied);
        response.NeedsFollowUp = SurveyScores.NeedsFollowUp(response.NpsGroup, ratings.Select(a => a.RatingGroup!.Value));

        response.Raise(new SurveyResponseReceived(response.Id, response.CampaignId, response.AccountId, response.ContactId, channel, response.Nps, response.NpsGroup, response.LowestRating, now));
        if (response.NeedsFollowUp)
        {
            response.Raise(new SurveyDetractorDetected(response.Id, response.CampaignId, response.AccountId, response.ContactId, response.FollowUpReason!.Value, response.Nps, response.LowestRating, now));
        }

        return response;
    }
}

/// <summary>One answered question of a <see cref="SurveyResponse"/> (table <c>survey_answers</c>), with its group.</summary>
public sealed class SurveyResponseAnswer
{
    private SurveyResponseAnswer()
    {
    }

    public SurveyResponseId ResponseId { get; private set; }

    public Guid QuestionId { get; private set; }

    /// <summary>Copied from the response for set-based results (per campaign, per account).</summary>
    public SurveyCampaignId CampaignId { get; private set; }

    public AccountId AccountId { get; private set; }

    /// <summary>The question's position in the template version answered.</summary>
    public int Position { get; private set; }

    public QuestionType QuestionType { get; private set; }

    /// <summary>Nps 0–10 or Rating 1–5.</summary>
    public int? Number { get; private set; }

    /// <summary>The chosen keys of a SingleChoice or MultiChoice question.</summary>
    public IReadOnlyList<string>? Choices { get; private set; }

    public string? Text { get; private set; }

    /// <summary>The group of an Nps answer (<see cref="SurveyScores.GroupOf"/>).</summary>
    public NpsGroup? NpsGroup { get; private set; }

    /// <summary>The group of a Rating answer (<see cref="SurveyScores.RatingGroupOf"/>).</summary>
    public RatingGroup? RatingGroup { get; private set; }

    internal static SurveyResponseAnswer Of(SurveyResponse response, SurveyQuestion question, SurveyAnswer answer) => new()
    {
        ResponseId = response.Id,
        QuestionId = question.Id,
        CampaignId = response.CampaignId,
        AccountId = response.AccountId,
        Position = question.Position,
        QuestionType = question.Type,
        Number = question.Type is QuestionType.Nps or QuestionType.Rating ? answer.Number : null,
        Choices = question.Type is QuestionType.SingleChoice or QuestionType.MultiChoice ? [.. answer.Choices ?? []] : null,
        Text = question.Type == QuestionType.Text ? answer.Text?.Trim() : null,
        NpsGroup = question.Type == QuestionType.Nps && answer.Number is { } n ? SurveyScores.GroupOf(n) : null,
        RatingGroup = question.Type == QuestionType.Rating && answer.Number is { } r ? SurveyScores.RatingGroupOf(r) : null,
    };
}

/// <summary>The answers break the template's answer rule: every broken rule, each naming its field (a 400).</summary>
public sealed class SurveyAnswersRejectedException(IReadOnlyList<IBusinessRule> broken)
    : Exception(broken is { Count: > 0 } ? broken[0].Message : "The answers were rejected.")
{
    public IReadOnlyList<IBusinessRule> Broken { get; } = broken ?? [];
}

/// <summary>A contact answered a survey (by the public page or by phone).</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="CampaignId">Its campaign.</param>
/// <param name="AccountId">The contact's account.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">Email (the public page) or Phone (recorded by an agent).</param>
/// <param name="Nps">The NPS answer 0–10, when given.</param>
/// <param name="NpsGroup">Promoter, Passive or Detractor, when an NPS answer was given.</param>
/// <param name="LowestRating">The lowest 1–5 rating given, when any.</param>
/// <param name="OccurredOn">When it was received (UTC).</param>
[PublicEvent("survey.response_received", 1)]
public sealed record SurveyResponseReceived(
    SurveyResponseId ResponseId,
    SurveyCampaignId CampaignId,
    AccountId AccountId,
    ContactId ContactId,
    SurveyInvitationChannel Channel,
    int? Nps,
    NpsGroup? NpsGroup,
    int? LowestRating,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A response needs a follow-up: a detractor (NPS 0–6) or a rating of 1–2.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="CampaignId">Its campaign.</param>
/// <param name="AccountId">The contact's account.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Reason">Detractor or LowRating.</param>
/// <param name="Nps">The NPS answer 0–10, when given.</param>
/// <param name="LowestRating">The lowest 1–5 rating given, when any.</param>
/// <param name="OccurredOn">When it was received (UTC).</param>
[PublicEvent("survey.detractor_detected", 1)]
public sealed record SurveyDetractorDetected(
    SurveyResponseId ResponseId,
    SurveyCampaignId CampaignId,
    AccountId AccountId,
    ContactId ContactId,
    FollowUpReason Reason,
    int? Nps,
    int? LowestRating,
    DateTimeOffset OccurredOn) : IDomainEvent;
