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
            Assert.That(c.NewTimelineEntries.Single().Kind, Is.EqualTo(TimelineKind.Filed));
            Assert.That(c.NewTimelineEntries.Single().Args.Channel, Is.EqualTo(ComplaintChannel.Phone));
            Assert.That(c.FirstResponseClock.DueAt, Is.EqualTo(T0.AddHours(4)));
            Assert.That(c.ResolutionClock.DueAt, Is.EqualTo(T0.AddHours(24)));
            Assert.That(c.DueAt, Is.EqualTo(T0.AddHours(4)), "the running due instant is the first response's");
            Assert.That((c.SlaState, c.IsStopped, c.LastTimelineSequence), Is.EqualTo((SlaState.OnTime, false, 1)));
            Assert.That(c.NextEscalationAt, Is.EqualTo(T0.AddMinutes(192)));
            Assert.That(c.DomainEvents.Single(), Is.InstanceOf<ComplaintFiled>());
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
            Assert.That(c.NewTimelineEntries.Select(e => e.Kind), Is.EqualTo(new[] { TimelineKind.Filed, TimelineKind.Acknowledged, TimelineKind.Assigned, TimelineKind.Resolved, TimelineKind.Closed }));
            Assert.That(c.NewTimelineEntries.Select(e => e.Sequence), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(c.FirstResponseClock.Breached || c.ResolutionClock.Breached, Is.False);
            Assert.That((c.SlaState, c.IsStopped, c.DueAt, c.NextEscalationAt), Is.EqualTo((SlaState.OnTime, true, (DateTimeOffset?)null, (DateTimeOffset?)null)));
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
        Assert.That((c.ResolutionClock.DueAt, c.DueAt, c.NextEscalationAt), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null)));
        c.Resume("Photos received", Engineer, T0.AddHours(13));
        // 10 hours paused: due 10 hours later than the 24 hours from receipt.
        Assert.That((c.ResolutionClock.DueAt, c.DueAt), Is.EqualTo(((DateTimeOffset?)T0.AddHours(34), (DateTimeOffset?)T0.AddHours(34))));
    }

    [Test]
    public void Escalate_StepsAtRiskThenLevel1ThenLevel2_EachOnce()
    {
        var c = InProgress();
        Assert.That(c.Escalate(T0.AddHours(19)), Is.Empty);
        Assert.That(c.Escalate(T0.AddHours(20)), Is.EqualTo(new[] { new EscalationStep(SlaClockKind.Resolution, EscalationKind.AtRisk) }));
        Assert.That(c.SlaState, Is.EqualTo(SlaState.AtRisk));
        Assert.That(c.Escalate(T0.AddHours(20.5)), Is.Empty, "idempotent when the job runs twice");
        Assert.That(c.NextEscalationAt, Is.EqualTo(T0.AddHours(24)));
        Assert.That(c.Escalate(T0.AddHours(24)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level1 }));
        Assert.That(c.SlaState, Is.EqualTo(SlaState.Breached));
        Assert.That(c.Escalate(T0.AddHours(48)).Select(s => s.Kind), Is.EqualTo(new[] { EscalationKind.Level2 }));
        Assert.That(c.Escalate(T0.AddHours(100)), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(c.ResolutionClock.EscalationLevel, Is.EqualTo(2));
            Assert.That(c.ResolutionClock.Breached, Is.True);
            Assert.That(c.FirstResponseClock, Is.EqualTo(SlaClockState.Initial), "answered in time: the first-response clock took no step");
            Assert.That(c.NextEscalationAt, Is.Null);
            Assert.That(c.NewTimelineEntries.Where(e => e.Kind is TimelineKind.AtRisk or TimelineKind.Escalated).Select(e => (e.Kind, e.Args.Clock, e.Args.Level)),
                Is.EqualTo(new[] { (TimelineKind.AtRisk, (SlaClockKind?)SlaClockKind.Resolution, (int?)null), (TimelineKind.Escalated, SlaClockKind.Resolution, 1), (TimelineKind.Escalated, SlaClockKind.Resolution, 2) }));
            Assert.That(c.DomainEvents.OfType<ComplaintEscalated>().Select(e => (e.Clock, e.Level)), Is.EqualTo(new[] { (SlaClockKind.Resolution, 1), (SlaClockKind.Resolution, 2) }));
            Assert.That(c.DomainEvents.OfType<ComplaintSlaAtRisk>().Single().DueAt, Is.EqualTo(T0.AddHours(24)));
        });
    }

    [Test]
    public void Escalate_WhenAScanIsLate_TakesEveryStepDueAtOnce()
    {
        var c = File();
        var steps = c.Escalate(T0.AddHours(9));
        Assert.Multiple(() =>
        {
            // First response 4 h (9 h is past twice over); resolution 24 h (9 h is under 80 %).
            Assert.That(steps, Is.EqualTo(new[]
            {
                new EscalationStep(SlaClockKind.FirstResponse, EscalationKind.AtRisk),
                new EscalationStep(SlaClockKind.FirstResponse, EscalationKind.Level1),
                new EscalationStep(SlaClockKind.FirstResponse, EscalationKind.Level2),
            }));
            Assert.That(c.FirstResponseClock.Breached, Is.True);
            Assert.That(c.ResolutionClock.AtRisk, Is.False);
            Assert.That(c.Escalate(T0.AddHours(9)), Is.Empty, "a second scan at the same instant takes none");
        });
    }

    [Test]
    public void Acknowledge_AfterTheFirstResponseTarget_IsABreachThatStays()
    {
        var c = File();
        c.Acknowledge("Sorry for the wait", Agent, T0.AddHours(5));
        Assert.That((c.FirstResponseClock.Breached, c.FirstResponseClock.DueAt, c.SlaState), Is.EqualTo((true, (DateTimeOffset?)null, SlaState.Breached)));
        c.Assign(Department.Logistics, Engineer, Agent, T0.AddHours(6));
        c.Resolve("done", RootCause.Process, "fixed", Engineer, T0.AddHours(7));
        c.Close(null, Agent, T0.AddHours(8));
        Assert.That((c.FirstResponseClock.Breached, c.ResolutionClock.Breached, c.SlaState), Is.EqualTo((true, false, SlaState.Breached)),
            "in progress, resolved, closed: a late first response keeps the complaint breached");
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
            Assert.That(c.ResolutionClock.Breached, Is.True);
            Assert.That(c.SlaState, Is.EqualTo(SlaState.Breached));
            // 24 hours between resolution and reopening do not count.
            Assert.That(c.ResolutionClock.DueAt, Is.EqualTo(T0.AddHours(48)));
            Assert.That(c.DueAt, Is.EqualTo(T0.AddHours(48)));
            // Level 1 was taken before the resolution; level 2 is at 48 h of counted time, 24 h of wall time later.
            Assert.That(c.NextEscalationAt, Is.EqualTo(T0.AddHours(72)));
        });
        c.Assign(Department.Quality, Engineer, Agent, T0.AddHours(51));
        Assert.That(c.Status, Is.EqualTo(ComplaintStatus.InProgress));
    }

    [Test]
    public void Reopen_WhenInProgress_BreaksTheTransitionRule() =>
        Assert.That(Broken(() => InProgress().Reopen("again", Agent, T0.AddHours(3))), Is.InstanceOf<ComplaintTransitionMustBeAllowed>());
}
