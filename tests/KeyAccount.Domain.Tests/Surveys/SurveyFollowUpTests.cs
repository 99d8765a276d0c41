using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>The follow-up's clock at its edges: due after 48 hours, warned at 80 %, escalated at 100 % and 200 %, each once; closing needs a note.</summary>
public class SurveyFollowUpTests
{
    // A detractor answered at 09:30 Beijing time (+08:00) on a Friday.
    private static readonly DateTimeOffset Answered = new(2026, 12, 4, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly UserId Owner = new(Guid.NewGuid());

    private static SurveyFollowUp Open(BusinessCalendar? calendar = null) => SurveyFollowUp.Open(
        SurveyResponseId.New(), SurveyCampaignId.New(), new AccountId(Guid.NewGuid()), new ContactId(Guid.NewGuid()), Owner,
        FollowUpReason.Detractor, npsAnswer: 6, SurveyFollowUp.DefaultTarget, calendar ?? BusinessCalendar.TwentyFourSeven, Answered);

    [Test]
    public void Open_IsDueFortyEightHoursLater_OnTime()
    {
        var followUp = Open();
        Assert.Multiple(() =>
        {
            Assert.That(followUp.Status, Is.EqualTo(FollowUpStatus.Open));
            Assert.That(followUp.DueAt, Is.EqualTo(Answered.AddHours(48)));
            Assert.That(followUp.SlaState, Is.EqualTo(SlaState.OnTime));
            Assert.That(followUp.NextEscalationAt, Is.EqualTo(Answered.AddMinutes(2304)));
        });
    }

    [Test]
    public void Open_OnAWorkingHoursCalendar_CountsOnlyWorkingTime()
    {
        // Mon–Fri 09:00–18:00 Beijing: 48 working hours from Friday 09:30 end on the next Friday at 12:30 (8.5 + 4 × 9 + 3.5), not on Sunday.
        var hours = Enumerable.Range(1, 5).Select(d => new WorkingHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(18, 0))).ToList();
        var followUp = Open(BusinessCalendar.Create("Asia/Shanghai", hours, []));
        Assert.That(followUp.DueAt!.Value.ToOffset(TimeSpan.FromHours(8)), Is.EqualTo(new DateTimeOffset(2026, 12, 11, 12, 30, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public void Escalate_TakesEachStepOnce_AtEightyPercentTheDueTimeAndTwiceTheTarget()
    {
        var followUp = Open();
        Assert.Multiple(() =>
        {
            Assert.That(followUp.Escalate(Answered.AddMinutes(2303)), Is.Empty);
            Assert.That(followUp.Escalate(Answered.AddMinutes(2304)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.AtRisk }));
            Assert.That(followUp.SlaState, Is.EqualTo(SlaState.AtRisk));
            Assert.That(followUp.Escalate(Answered.AddMinutes(2304)), Is.Empty);
            Assert.That(followUp.Escalate(Answered.AddHours(48)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level1 }));
            Assert.That(followUp.SlaState, Is.EqualTo(SlaState.Breached));
            Assert.That(followUp.NextEscalationAt, Is.EqualTo(Answered.AddHours(96)));
            Assert.That(followUp.Escalate(Answered.AddHours(96)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level2 }));
            Assert.That(followUp.NextEscalationAt, Is.Null);
            Assert.That(followUp.DomainEvents.OfType<SurveyFollowUpEscalated>().Select(e => e.Level), Is.EqualTo(new[] { 0, 1, 2 }));
        });
    }

    [Test]
    public void Escalate_WhenTheScanIsLate_TakesEveryStepDueAtOnce()
    {
        var followUp = Open();
        Assert.That(followUp.Escalate(Answered.AddDays(5)).Select(s => s.Kind),
            Is.EqualTo(new[] { EscalationKind.AtRisk, EscalationKind.Level1, EscalationKind.Level2 }));
    }

    [Test]
    public void Close_WithANote_StopsTheClock_AndOnTimeIsNotLate()
    {
        var followUp = Open();
        followUp.Close(Owner, "  已致电客户，更换了故障设备。 ", Answered.AddMinutes(2879));
        Assert.Multiple(() =>
        {
            Assert.That(followUp.Status, Is.EqualTo(FollowUpStatus.Closed));
            Assert.That(followUp.Note, Is.EqualTo("已致电客户，更换了故障设备。"));
            Assert.That(followUp.DueAt, Is.Null);
            Assert.That(followUp.NextEscalationAt, Is.Null);
            Assert.That(followUp.SlaState, Is.EqualTo(SlaState.OnTime));
            Assert.That(followUp.DomainEvents.OfType<SurveyFollowUpClosed>().Single().Late, Is.False);
            Assert.That(followUp.Escalate(Answered.AddDays(9)), Is.Empty);
        });
    }

    [Test]
    public void Close_AfterTheDueTime_IsLate_EvenIfNoScanSawIt()
    {
        var followUp = Open();
        followUp.Close(Owner, "Called back.", Answered.AddHours(48));
        Assert.Multiple(() =>
        {
            Assert.That(followUp.SlaState, Is.EqualTo(SlaState.Breached));
            Assert.That(followUp.DomainEvents.OfType<SurveyFollowUpClosed>().Single().Late, Is.True);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Close_WithoutANote_IsRefusedNamingTheNote(string? note)
    {
        var followUp = Open();
        var error = Assert.Throws<BusinessRuleViolationException>(() => followUp.Close(Owner, note, Answered.AddHours(1)));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Rule.Field, Is.EqualTo("note"));
            Assert.That(followUp.Status, Is.EqualTo(FollowUpStatus.Open));
        });
    }

    [Test]
    public void Close_Twice_IsRefused()
    {
        var followUp = Open();
        followUp.Close(Owner, "Done.", Answered.AddHours(1));
        var error = Assert.Throws<BusinessRuleViolationException>(() => followUp.Close(Owner, "Again.", Answered.AddHours(2)));
        Assert.That(error!.Rule.Code, Is.EqualTo("survey-followup-closed"));
    }
}
