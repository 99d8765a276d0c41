using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Complaints;

public class ComplaintTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Agent = new(Guid.NewGuid());
    private static readonly UserId Engineer = new(Guid.NewGuid());

    /// <summary>First response 4 h, resolution 24 h, around the clock.</summary>
    private static Complaint File(DateTimeOffset? received = null) => Complaint.File(
        "CMP-2026-000123",
        new ComplaintIntake(new AccountId(Guid.NewGuid()), null, ComplaintChannel.Phone, ComplaintCategory.Delivery, Severity.High,
            " Late delivery ", "Three pallets missing", "Deliver the rest by Friday", received ?? T0),
        Tier.Strategic,
        SlaTargets.Create(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        BusinessCalendar.TwentyFourSeven,
        Agent,
        received ?? T0);

    private static Complaint InProgress()
    {
        var c = File();
        c.Acknowledge("We are on it", Agent, T0.AddHours(1));
        c.Assign(Department.Logistics, Engineer, Agent, T0.AddHours(2));
        return c;
    }

    private static IBusinessRule Broken(Action act) => Assert.Throws<BusinessRuleViolationException>(() => act())!.Rule;

    [Test]
    public void File_RecordsTheComplaintAsNewWithATimelineEntryAndTheFirstResponseDue()
    {
        var c = File();
        Assert.Multiple(() =>
        {
            Assert.That(c.Status, Is.EqualTo(ComplaintStatus.New));
            Assert.That(c.Subject, Is.EqualTo("Late delivery"));
            Assert.That(c.Timeline.Single().Kind, Is.EqualTo(TimelineKind.Filed));
            Assert.That(c.FirstResponseDueAt, Is.EqualTo(T0.AddHours(4)));
            Assert.That(c.NextEscalationAt, Is.EqualTo(T0.AddMinutes(192)));
        });
    }

    [TestCase("CMP-2026-12345")]
    [TestCase("CMP-26-000123")]
    [TestCase("cmp-2026-000123")]
    public void File_WithAMalformedReference_BreaksTheRule(string reference) =>
        Assert.Throws<BusinessRuleViolationException>(() => Complaint.File(reference,
            new ComplaintIntake(new AccountId(Guid.NewGuid()), null, ComplaintChannel.Api, ComplaintCategory.Other, Severity.Low, "s", "d", null, T0),
            Tier.Standard, SlaTargets.Default, BusinessCalendar.TwentyFourSeven, null, T0));

    [Test]
    public void FormatReference_PadsToSixDigits() => Assert.That(Complaint.FormatReference(2026, 123), Is.EqualTo("CMP-2026-000123"));

    [Test]
    public void TheHappyPath_GoesNewAcknowledgedInProgressResolvedClosed_WithAnEntryPerStep()
    {
        var c = InProgress();
        c.Resolve("Shipped the missing pallets", RootCause.Logistics, "Two-person check at loading", Engineer, T0.AddHours(10));
        c.Close(null, Agent, T0.AddHours(30));
        Assert.Multiple(() =>
        {
            Assert.That(c.Status, Is.EqualTo(ComplaintStatus.Closed));
            Assert.That(c.Timeline.Select(e => e.Kind), Is.EqualTo(new[] { TimelineKind.Filed, TimelineKind.Acknowledged, TimelineKind.Assigned, TimelineKind.Resolved, TimelineKind.Closed }));
            Assert.That(c.Timeline.Select(e => e.Sequence), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(c.FirstResponseBreached || c.ResolutionBreached, Is.False);
            Assert.That(c.NextEscalationAt, Is.Null);
        });
    }

    [Test]
    public void Resolve_WhenNew_BreaksTheTransitionRule()
    {
        var rule = Broken(() => File().Resolve("r", RootCause.Other, "a", Agent, T0));
        Assert.That(rule, Is.InstanceOf<ComplaintTransitionMustBeAllowed>());
    }

    [Test]
    public void Assign_WhenNotAcknowledged_BreaksTheTransitionRule() =>
        Assert.That(Broken(() => File().Assign(Department.Service, Engineer, Agent, T0)), Is.InstanceOf<ComplaintTransitionMustBeAllowed>());

    [Test]
    public void Close_WhenInProgress_BreaksTheTransitionRule() =>
        Assert.That(Broken(() => InProgress().Close(null, Agent, T0.AddHours(3))), Is.InstanceOf<ComplaintTransitionMustBeAllowed>());

    [Test]
    public void Resolve_WithoutCorrectiveAction_BreaksTheRuleNamingTheField()
    {
        var rule = Broken(() => InProgress().Resolve("done", RootCause.Process, " ", Engineer, T0.AddHours(3)));
        Assert.That(rule.Field, Is.EqualTo("correctiveAction"));
    }

    [Test]
    public void Comment_OnAClosedComplaint_BreaksTheRule()
    {
        var c = InProgress();
        c.Resolve("done", RootCause.Process, "fixed", Engineer, T0.AddHours(3));
        c.Close(null, Agent, T0.AddHours(4));
        Assert.That(Broken(() => c.Comment("hello", Agent, T0.AddHours(5))), Is.InstanceOf<ClosedComplaintTakesNoComments>());
    }

    [Test]
    public void AwaitingCustomer_PausesTheResolutionClock()
    {
        var c = InProgress();
        c.AwaitCustomer("Asked for photos", Engineer, T0.AddHours(3));
        Assert.That((c.ResolutionDueAt, c.NextEscalationAt), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null)));
        c.Resume("Photos received", Engineer, T0.AddHours(13));
        // 10 hours paused: due 10 hours later than the 24 hours from receipt.
        Assert.That(c.ResolutionDueAt, Is.EqualTo(T0.AddHours(34)));
    }

    [Test]
    public void Escalate_StepsAtRiskThenLevel1ThenLevel2_EachOnce()
    {
        var c = InProgress();
        Assert.That(c.Escalate(T0.AddHours(19)), Is.Empty);
        Assert.That(c.Escalate(T0.AddHours(20)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.AtRisk }));
        Assert.That(c.Escalate(T0.AddHours(20.5)), Is.Empty, "idempotent when the job runs twice");
        Assert.That(c.NextEscalationAt, Is.EqualTo(T0.AddHours(24)));
        Assert.That(c.Escalate(T0.AddHours(24)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level1 }));
        Assert.That(c.Escalate(T0.AddHours(48)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level2 }));
        Assert.That(c.Escalate(T0.AddHours(100)), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(c.EscalationLevel, Is.EqualTo(2));
            Assert.That(c.ResolutionBreached, Is.True);
            Assert.That(c.NextEscalationAt, Is.Null);
            Assert.That(c.Timeline.Count(e => e.Kind == TimelineKind.Escalated), Is.EqualTo(3));
        });
    }

    [Test]
    public void Escalate_WhenAScanIsLate_TakesEveryStepDueAtOnce()
    {
        var c = File();
        var steps = c.Escalate(T0.AddHours(9));
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.AtRisk, EscalationKind.Level1, EscalationKind.Level2 }));
            Assert.That(c.FirstResponseBreached, Is.True);
        });
    }

    [Test]
    public void Acknowledge_AfterTheFirstResponseTarget_IsABreachThatStays()
    {
        var c = File();
        c.Acknowledge("Sorry for the wait", Agent, T0.AddHours(5));
        Assert.That(c.FirstResponseBreached, Is.True);
    }

    [Test]
    public void Reopen_AfterABreach_StaysBreachedAndTheClockRunsAgainWithoutTheResolvedTime()
    {
        var c = InProgress();
        c.Escalate(T0.AddHours(25));
        c.Resolve("done", RootCause.Supplier, "new supplier audit", Engineer, T0.AddHours(26));
        c.Close(null, Agent, T0.AddHours(30));
        c.Reopen("Pallets damaged", Agent, T0.AddHours(50));
        Assert.Multiple(() =>
        {
            Assert.That(c.Status, Is.EqualTo(ComplaintStatus.Reopened));
            Assert.That(c.ResolutionBreached, Is.True);
            Assert.That(c.SlaStateAt(T0.AddHours(51)), Is.EqualTo(SlaState.Breached));
            // 24 hours between resolution and reopening do not count.
            Assert.That(c.ResolutionDueAt, Is.EqualTo(T0.AddHours(48)));
        });
        c.Assign(Department.Quality, Engineer, Agent, T0.AddHours(51));
        Assert.That(c.Status, Is.EqualTo(ComplaintStatus.InProgress));
    }

    [Test]
    public void Reopen_WhenInProgress_BreaksTheTransitionRule() =>
        Assert.That(Broken(() => InProgress().Reopen("again", Agent, T0.AddHours(3))), Is.InstanceOf<ComplaintTransitionMustBeAllowed>());

    [Test]
    public void SlaStateAt_FollowsTheRunningTarget()
    {
        var c = File();
        Assert.Multiple(() =>
        {
            Assert.That(c.SlaStateAt(T0.AddHours(3)), Is.EqualTo(SlaState.OnTime));
            Assert.That(c.SlaStateAt(T0.AddHours(3.5)), Is.EqualTo(SlaState.AtRisk));
            Assert.That(c.SlaStateAt(T0.AddHours(4)), Is.EqualTo(SlaState.Breached));
        });
    }
}
