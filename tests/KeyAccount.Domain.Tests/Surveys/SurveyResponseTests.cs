using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>Recording a response at its edges (groups, follow-up, events) and an invitation's answering rules.</summary>
public class SurveyResponseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 17, 30, 0, TimeSpan.FromHours(8));
    private static readonly Guid Nps = DefaultSurveyTemplates.RecommendQuestionId;
    private static readonly Guid Rating = DefaultSurveyTemplates.SatisfactionQuestionId;
    private static readonly Guid Improve = DefaultSurveyTemplates.ImproveQuestionId;

    private static SurveyTemplate Template()
    {
        var template = SurveyTemplate.Create(DefaultSurveyTemplates.Relationship, T0);
        template.Publish(null, null, T0);
        return template;
    }

    private static SurveyInvitation Invitation() =>
        SurveyInvitation.ForPhone(SurveyCampaignId.New(), new AccountId(Guid.NewGuid()), new ContactId(Guid.NewGuid()), BuyingRole.DecisionMaker, SurveyCampaign.Chinese, T0);

    private static SurveyResponse Record(int? nps, int? rating, string? text = null) =>
        SurveyResponse.Record(Invitation(), Template(), [.. Answers(nps, rating, text)], SurveyInvitationChannel.Email, null, T0);

    private static IEnumerable<SurveyAnswer> Answers(int? nps, int? rating, string? text)
    {
        if (nps is not null)
        {
            yield return new SurveyAnswer(Nps, nps);
        }

        if (rating is not null)
        {
            yield return new SurveyAnswer(Rating, rating);
        }

        if (text is not null)
        {
            yield return new SurveyAnswer(Improve, Text: text);
        }
    }

    [TestCase(0, 5, NpsGroup.Detractor, true)]
    [TestCase(6, 5, NpsGroup.Detractor, true)]
    [TestCase(7, 3, NpsGroup.Passive, false)]
    [TestCase(8, 3, NpsGroup.Passive, false)]
    [TestCase(9, 4, NpsGroup.Promoter, false)]
    [TestCase(10, 2, NpsGroup.Promoter, true)]
    public void Record_GroupsTheNpsAnswer_AndNeedsAFollowUpForADetractorOrARatingOfTwoOrLess(int nps, int rating, NpsGroup group, bool followUp)
    {
        var response = Record(nps, rating);
        Assert.Multiple(() =>
        {
            Assert.That(response.Nps, Is.EqualTo(nps));
            Assert.That(response.NpsGroup, Is.EqualTo(group));
            Assert.That(response.LowestRating, Is.EqualTo(rating));
            Assert.That(response.NeedsFollowUp, Is.EqualTo(followUp));
            Assert.That(response.DomainEvents.OfType<SurveyDetractorDetected>().Count(), Is.EqualTo(followUp ? 1 : 0));
            Assert.That(response.DomainEvents.OfType<SurveyResponseReceived>().Count(), Is.EqualTo(1));
        });
    }

    [TestCase(1, 1, 0)]
    [TestCase(3, 1, 0)]
    [TestCase(4, 1, 1)]
    [TestCase(5, 1, 1)]
    public void Record_CountsItsRatingAnswersAndTheSatisfiedOnes_TheCsatItAdds(int? rating, int answers, int satisfied)
    {
        var response = Record(8, rating);
        Assert.Multiple(() =>
        {
            Assert.That(response.RatingAnswers, Is.EqualTo(answers));
            Assert.That(response.SatisfiedRatings, Is.EqualTo(satisfied));
        });
    }

    [Test]
    public void Record_ALowRatingOfAPromoter_IsALowRatingFollowUp()
    {
        var response = Record(9, 2);
        Assert.That(response.FollowUpReason, Is.EqualTo(FollowUpReason.LowRating));
        Assert.That(response.Answers.Single(a => a.QuestionId == Rating).RatingGroup, Is.EqualTo(RatingGroup.Dissatisfied));
    }

    [Test]
    public void Record_AChineseTextAtItsMaxLength_IsKept_AndOneMoreIsRejectedNamingTheField()
    {
        var longest = new string('进', SurveyQuestion.DefaultTextAnswerLength);
        Assert.That(Record(9, 5, longest).Answers.Single(a => a.QuestionId == Improve).Text, Has.Length.EqualTo(SurveyQuestion.DefaultTextAnswerLength));
        var rejected = Assert.Throws<SurveyAnswersRejectedException>(() => Record(9, 5, longest + "进"))!;
        Assert.That(rejected.Broken.Select(r => r.Field), Is.EqualTo(new[] { "answers[2].text" }));
    }

    [Test]
    public void Record_EveryBrokenRuleIsReported_WithItsField()
    {
        var rejected = Assert.Throws<SurveyAnswersRejectedException>(() =>
            SurveyResponse.Record(Invitation(), Template(), [new SurveyAnswer(Nps, 11), new SurveyAnswer(Guid.NewGuid(), 1)], SurveyInvitationChannel.Email, null, T0))!;
        Assert.That(rejected.Broken.Select(r => r.Field), Is.EquivalentTo(new[] { "answers[0].number", "answers[1].questionId", "answers" }));
    }

    [Test]
    public void Record_ByPhone_NamesTheAgent()
    {
        var agent = new UserId(Guid.NewGuid());
        var response = SurveyResponse.Record(Invitation(), Template(), [new SurveyAnswer(Nps, 9), new SurveyAnswer(Rating, 5)], SurveyInvitationChannel.Phone, agent, T0);
        Assert.That(response.RecordedBy, Is.EqualTo(agent));
        Assert.Throws<ArgumentException>(() => SurveyResponse.Record(Invitation(), Template(), [new SurveyAnswer(Nps, 9), new SurveyAnswer(Rating, 5)], SurveyInvitationChannel.Phone, null, T0));
    }

    [Test]
    public void MarkResponded_Once_ThenSurveyAlreadyAnswered()
    {
        var invitation = Invitation();
        invitation.MarkResponded(SurveyInvitationChannel.Phone, T0);
        Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Responded));
        Assert.That(invitation.RespondedAt, Is.EqualTo(T0));
        var twice = Assert.Throws<BusinessRuleViolationException>(() => invitation.MarkResponded(SurveyInvitationChannel.Email, T0.AddSeconds(1)))!;
        Assert.That(twice.Rule.Code, Is.EqualTo("survey-already-answered"));
        Assert.That(RuleCodeAttribute.StatusOf(twice.Rule.GetType()), Is.EqualTo(409));
    }

    [Test]
    public void CheckTakesAnswers_AnsweredFirst_ThenAClosedCampaign_ThenExpired_TheLastTwoAre410()
    {
        var invitation = Invitation();
        Assert.DoesNotThrow(() => invitation.CheckTakesAnswers(SurveyCampaignStatus.Open));
        var closed = Assert.Throws<BusinessRuleViolationException>(() => invitation.CheckTakesAnswers(SurveyCampaignStatus.Closed))!;
        Assert.That(closed.Rule.Code, Is.EqualTo("survey-closed"));
        Assert.That(RuleCodeAttribute.StatusOf(closed.Rule.GetType()), Is.EqualTo(410));
        Assert.That(RuleCodeAttribute.StatusOf(typeof(SurveyInvitationMustNotBeExpired)), Is.EqualTo(410));

        invitation.MarkResponded(SurveyInvitationChannel.Email, T0);
        Assert.That(Assert.Throws<BusinessRuleViolationException>(() => invitation.CheckTakesAnswers(SurveyCampaignStatus.Closed))!.Rule.Code, Is.EqualTo("survey-already-answered"));
    }

    [Test]
    public void Unsubscribe_KeepsAnAnsweredInvitationResponded_AndIsIdempotent()
    {
        var open = Invitation();
        open.Unsubscribe();
        open.Unsubscribe();
        Assert.That(open.Status, Is.EqualTo(SurveyInvitationStatus.Unsubscribed));
        var answered = Invitation();
        answered.MarkResponded(SurveyInvitationChannel.Email, T0);
        answered.Unsubscribe();
        Assert.That(answered.Status, Is.EqualTo(SurveyInvitationStatus.Responded));
    }

    [Test]
    public void APhoneContactMayBeAddedOnlyWhenSkippedForNoEmail()
    {
        Assert.That(new ContactMustBeInvitedOrReachableByPhone(SkipReason.NoEmail).IsBroken(), Is.False);
        Assert.That(new ContactMustBeInvitedOrReachableByPhone(SkipReason.Unsubscribed).IsBroken(), Is.True);
        Assert.That(new ContactMustBeInvitedOrReachableByPhone(null).IsBroken(), Is.True);
        Assert.That(((IBusinessRule)new ContactMustBeInvitedOrReachableByPhone(null)).Field, Is.EqualTo("contactId"));
    }
}
