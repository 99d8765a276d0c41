using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>The campaign aggregate at its edges: the workflow table, the dates rule, the cap, a Published template, recurrence.</summary>
public class SurveyCampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly SurveyTemplateId Template = SurveyTemplateId.New();

    private static SurveyCampaignSettings Settings(
        DateTimeOffset? opens = null, DateTimeOffset? closes = null, int cap = SurveyCampaign.DefaultPerAccountCap,
        SurveyRecurrence recurrence = SurveyRecurrence.TwiceYearly, int? reminder = SurveyCampaign.DefaultReminderAfterDays, string language = SurveyCampaign.Chinese) => new(
        "2027 上半年客户满意度调查",
        Template,
        new Audience { Tiers = [Tier.Strategic, Tier.Key, Tier.Key], BuyingRoles = [BuyingRole.DecisionMaker] },
        cap,
        opens ?? new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing),
        closes ?? new DateTimeOffset(2027, 3, 31, 18, 0, 0, Beijing),
        reminder,
        recurrence,
        language);

    private static SurveyCampaign Draft(SurveyCampaignSettings? settings = null) =>
        SurveyCampaign.Draft(settings ?? Settings(), templatePublished: true, new UserId(Guid.NewGuid()), Now);

    private static string CodeOf(TestDelegate action) => Assert.Throws<BusinessRuleViolationException>(action)!.Rule.Code;

    [Test]
    public void Draft_WhenClosesEqualsOpens_BreaksTheDatesRuleOnClosesAt()
    {
        var opens = new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing);
        var e = Assert.Throws<BusinessRuleViolationException>(() => Draft(Settings(opens, opens)))!;
        Assert.That(e.Rule.Code, Is.EqualTo("survey-campaign-closes-before-opening"));
        Assert.That(e.Rule.Field, Is.EqualTo("closesAt"));
    }

    [Test]
    public void Draft_WhenClosesOneSecondAfterOpens_IsAccepted()
    {
        var opens = new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing);
        var campaign = Draft(Settings(opens, opens.AddSeconds(1)));
        Assert.That(campaign.ClosesAt - campaign.OpensAt, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void ClosesAfterOpens_ComparesInstantsWhateverTheOffset()
    {
        // 09:00 in Beijing is 01:00 UTC: closing at 02:00 UTC is after, at 00:30 UTC before, although "09:00" > "02:00".
        var opens = new DateTimeOffset(2027, 3, 1, 9, 0, 0, Beijing);
        Assert.Multiple(() =>
        {
            Assert.That(SurveyCampaign.ClosesAfterOpens(opens, new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero)), Is.True);
            Assert.That(SurveyCampaign.ClosesAfterOpens(opens, new DateTimeOffset(2027, 3, 1, 0, 30, 0, TimeSpan.Zero)), Is.False);
            Assert.That(SurveyCampaign.ClosesAfterOpens(opens, new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)), Is.False, "the same instant");
        });
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(50, true)]
    [TestCase(51, false)]
    public void Draft_PerAccountCap_IsOneToFifty(int cap, bool accepted)
    {
        if (accepted)
        {
            Assert.That(Draft(Settings(cap: cap)).PerAccountCap, Is.EqualTo(cap));
        }
        else
        {
            var e = Assert.Throws<BusinessRuleViolationException>(() => Draft(Settings(cap: cap)))!;
            Assert.That(e.Rule.Field, Is.EqualTo("perAccountCap"));
        }
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(30, true)]
    [TestCase(31, false)]
    public void Draft_ReminderAfterDays_IsOneToThirty(int days, bool accepted) =>
        Assert.That(SurveyCampaign.IsValidReminder(days), Is.EqualTo(accepted));

    [Test]
    public void Draft_WhenTheTemplateIsNotPublished_BreaksTheTemplateRule()
    {
        var e = Assert.Throws<BusinessRuleViolationException>(() => SurveyCampaign.Draft(Settings(), templatePublished: false, null, Now))!;
        Assert.That(e.Rule.Code, Is.EqualTo("survey-template-not-published"));
        Assert.That(e.Rule.Field, Is.EqualTo("templateId"));
    }

    [Test]
    public void Draft_WhenTheLanguageIsUnknown_BreaksTheSettingsRule() =>
        Assert.That(Assert.Throws<BusinessRuleViolationException>(() => Draft(Settings(language: "zh")))!.Rule.Field, Is.EqualTo("defaultLanguage"));

    [Test]
    public void Draft_StoresTheAudienceWithoutDuplicates()
    {
        var campaign = Draft();
        Assert.That(campaign.Audience.Tiers, Is.EqualTo(new[] { Tier.Strategic, Tier.Key }));
        Assert.That(campaign.Status, Is.EqualTo(SurveyCampaignStatus.Draft));
        Assert.That(campaign.AllowedActions, Is.EqualTo(new[] { SurveyCampaignAction.Schedule, SurveyCampaignAction.Open }));
    }

    [Test]
    public void TheWorkflowTable_GivesTheAllowedActionsOfEachStatus()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SurveyCampaignWorkflow.AllowedActions(SurveyCampaignStatus.Draft), Is.EqualTo(new[] { SurveyCampaignAction.Schedule, SurveyCampaignAction.Open }));
            Assert.That(SurveyCampaignWorkflow.AllowedActions(SurveyCampaignStatus.Scheduled), Is.EqualTo(new[] { SurveyCampaignAction.Open }));
            Assert.That(SurveyCampaignWorkflow.AllowedActions(SurveyCampaignStatus.Open), Is.EqualTo(new[] { SurveyCampaignAction.Close }));
            Assert.That(SurveyCampaignWorkflow.AllowedActions(SurveyCampaignStatus.Closed), Is.Empty);
        });
    }

    [Test]
    public void Schedule_ThenOpen_ThenClose_MovesThroughTheTable()
    {
        var campaign = Draft();
        campaign.Schedule(Now);
        Assert.That(campaign.Status, Is.EqualTo(SurveyCampaignStatus.Scheduled));
        campaign.Open(Now.AddDays(1));
        campaign.RecordAudience(12, 3);
        Assert.That((campaign.Status, campaign.OpenedAt, campaign.InvitedCount, campaign.SkippedCount), Is.EqualTo((SurveyCampaignStatus.Open, (DateTimeOffset?)Now.AddDays(1), (int?)12, (int?)3)));
        campaign.Close(Now.AddDays(30), templateStillPublished: true);
        Assert.That(campaign.Status, Is.EqualTo(SurveyCampaignStatus.Closed));
    }

    [Test]
    public void OpenOrSchedule_AtOrAfterTheCloseDate_IsRefusedNamingIt_ButASecondBeforeIsNot()
    {
        var closes = new DateTimeOffset(2027, 3, 31, 18, 0, 0, Beijing);
        var campaign = Draft(Settings(Now.AddDays(1), closes));
        var atClose = Assert.Throws<BusinessRuleViolationException>(() => campaign.Open(closes))!;
        Assert.Multiple(() =>
        {
            Assert.That((atClose.Rule.Code, atClose.Rule.Field), Is.EqualTo(("survey-campaign-past-close", "closesAt")));
            Assert.That(CodeOf(() => campaign.Schedule(closes.AddDays(1))), Is.EqualTo("survey-campaign-past-close"));
            Assert.That(campaign.Status, Is.EqualTo(SurveyCampaignStatus.Draft));
        });
        campaign.Open(closes.AddSeconds(-1));
        Assert.That(campaign.Status, Is.EqualTo(SurveyCampaignStatus.Open));
    }

    [Test]
    public void Open_WhenAlreadyOpen_BreaksTheTransitionRule()
    {
        var campaign = Draft();
        campaign.Open(Now);
        Assert.That(CodeOf(() => campaign.Open(Now)), Is.EqualTo("survey-campaign-transition-not-allowed"));
    }

    [Test]
    public void Close_WhenDraft_BreaksTheTransitionRule() =>
        Assert.That(CodeOf(() => Draft().Close(Now, true)), Is.EqualTo("survey-campaign-transition-not-allowed"));

    [Test]
    public void Edit_WhenScheduled_BreaksTheEditableRule()
    {
        var campaign = Draft();
        campaign.Schedule(Now);
        Assert.That(CodeOf(() => campaign.Edit(Settings(), true, Now)), Is.EqualTo("survey-campaign-not-editable"));
    }

    [Test]
    public void RecordAudience_Twice_Throws()
    {
        var campaign = Draft();
        campaign.Open(Now);
        campaign.RecordAudience(1, 0);
        Assert.Throws<InvalidOperationException>(() => campaign.RecordAudience(1, 0));
    }

    [Test]
    public void Close_WhenTwiceYearly_MakesAScheduledCopySixMonthsLater()
    {
        var campaign = Draft();
        campaign.Open(Now);
        var next = campaign.Close(Now.AddDays(30), templateStillPublished: true)!;
        Assert.Multiple(() =>
        {
            Assert.That(next.Status, Is.EqualTo(SurveyCampaignStatus.Scheduled));
            Assert.That(next.OpensAt, Is.EqualTo(campaign.OpensAt.AddMonths(6)));
            Assert.That(next.ClosesAt, Is.EqualTo(campaign.ClosesAt.AddMonths(6)));
            Assert.That(next.PreviousCampaignId, Is.EqualTo(campaign.Id));
            Assert.That(next.InvitedCount, Is.Null);
        });
    }

    [Test]
    public void Close_WhenNotRecurringOrTheTemplateIsRetired_MakesNoCopy()
    {
        var once = Draft(Settings(recurrence: SurveyRecurrence.None));
        once.Open(Now);
        Assert.That(once.Close(Now, true), Is.Null);
        var retired = Draft();
        retired.Open(Now);
        Assert.That(retired.Close(Now, templateStillPublished: false), Is.Null);
    }

    [Test]
    public void BuyingRolePriority_PutsTheDecisionMakerFirstAndCoversEveryRole()
    {
        Assert.That(Audience.BuyingRolePriority[0], Is.EqualTo(BuyingRole.DecisionMaker));
        Assert.That(Audience.BuyingRolePriority, Is.EquivalentTo(Enum.GetValues<BuyingRole>()));
    }
}
