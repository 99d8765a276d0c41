using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Complaints;

/// <summary>
/// The two SLA clocks at their edges (design §1.5): each warns at 80 %, escalates at 100 % and 200 % of its own
/// target, independently and each step once; pauses and time outside the calendar never count; a breach stays.
/// </summary>
public class ComplaintSlaClocksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserId Agent = new(Guid.NewGuid());
    private static readonly UserId Engineer = new(Guid.NewGuid());

    /// <summary>First response 4 h, resolution 24 h, around the clock unless a calendar is given.</summary>
    private static Complaint File(BusinessCalendar? calendar = null, DateTimeOffset? received = null) => Complaint.File(
        "CMP-2026-000123",
        new ComplaintIntake(new AccountId(Guid.NewGuid()), null, ComplaintChannel.Phone, ComplaintCategory.Delivery, Severity.High,
            "Late delivery", "Three pallets missing", null, received ?? T0),
        Tier.Strategic,
        SlaTargets.Create(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        calendar ?? BusinessCalendar.TwentyFourSeven,
        Agent,
        received ?? T0);

    /// <summary><see cref="T0"/> plus exact hours (AddHours truncates 19.2 h a tick short of 80 % of a day).</summary>
    private static DateTimeOffset At(double hours) => T0.AddTicks(Ticks(hours));

    private static long Ticks(double hours) => (long)Math.Round(hours * TimeSpan.TicksPerHour);

    private static EscalationStep Step(SlaClockKind clock, EscalationKind kind) => new(clock, kind);

    [Test]
    public void Escalate_BothClocks_WarnAndEscalateIndependently()
    {
        var c = File();
        Assert.That(c.Escalate(At(3.2)), Is.EqualTo(new[] { Step(SlaClockKind.FirstResponse, EscalationKind.AtRisk) }));
        Assert.That(c.SlaState, Is.EqualTo(SlaState.AtRisk));

        // Answered in time: the first-response clock stops at risk but not breached; the resolution clock, which
        // has warned nobody yet, is what runs now.
        c.Acknowledge("On it", Agent, At(3.5));
        c.Assign(Department.Logistics, Engineer, Agent, At(4));
        Assert.Multiple(() =>
        {
            Assert.That(c.SlaState, Is.EqualTo(SlaState.OnTime));
            Assert.That(c.DueAt, Is.EqualTo(At(24)));
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(19.2)), "the resolution clock's own 80 %");
        });

        Assert.That(c.Escalate(At(19.2)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.AtRisk) }),
            "after a first-response warning, the resolution clock still warns at its 80 %");
        Assert.That(c.SlaState, Is.EqualTo(SlaState.AtRisk));
        Assert.That(c.Escalate(At(24)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.Level1) }));
        Assert.Multiple(() =>
        {
            Assert.That(c.SlaState, Is.EqualTo(SlaState.Breached));
            Assert.That(c.FirstResponseClock, Is.EqualTo(new SlaClockState { AtRisk = true }));
            Assert.That(c.ResolutionClock, Is.EqualTo(new SlaClockState { DueAt = At(24), AtRisk = true, Breached = true, EscalationLevel = 1 }));
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(48)));
        });
    }

    [Test]
    public void Escalate_AfterFirstResponseLevel2_StillEscalatesALaterResolutionBreach()
    {
        var c = File();
        Assert.That(c.Escalate(At(8)).Select(s => (s.Clock, s.Kind)), Is.EqualTo(new[]
        {
            (SlaClockKind.FirstResponse, EscalationKind.AtRisk), (SlaClockKind.FirstResponse, EscalationKind.Level1), (SlaClockKind.FirstResponse, EscalationKind.Level2),
        }));
        Assert.That(c.NextEscalationAt, Is.EqualTo(At(19.2)), "level 2 on the first response does not take the complaint off the scan");

        c.Acknowledge("Sorry for the wait", Agent, At(9));
        c.Assign(Department.Quality, Engineer, Agent, At(10));
        Assert.That(c.Escalate(At(30)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.AtRisk), Step(SlaClockKind.Resolution, EscalationKind.Level1) }));
        Assert.That(c.Escalate(At(48)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.Level2) }));
        Assert.Multiple(() =>
        {
            Assert.That((c.FirstResponseClock.EscalationLevel, c.ResolutionClock.EscalationLevel), Is.EqualTo((2, 2)));
            Assert.That(c.NextEscalationAt, Is.Null);
            Assert.That(c.DomainEvents.OfType<ComplaintEscalated>().Select(e => (e.Clock, e.Level)), Is.EqualTo(new[]
            {
                (SlaClockKind.FirstResponse, 1), (SlaClockKind.FirstResponse, 2), (SlaClockKind.Resolution, 1), (SlaClockKind.Resolution, 2),
            }));
        });
    }

    [Test]
    public void Escalate_WhileNew_RunsTheResolutionClockToo()
    {
        // Never answered: 20 hours after receipt the resolution target (24 h) is at risk as well.
        var c = File();
        var steps = c.Escalate(At(20));
        Assert.That(steps.Where(s => s.Clock == SlaClockKind.Resolution), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.AtRisk) }));
        Assert.That(c.DueAt, Is.EqualTo(At(4)), "the first response, the earliest running target, is what the queue counts down to");
    }

    [Test]
    public void AwaitCustomer_AcrossThe80PercentPoint_WarnsOnlyWhenTheCountedTimeGetsThere()
    {
        var c = File();
        c.Acknowledge("On it", Agent, At(1));
        c.Assign(Department.Logistics, Engineer, Agent, At(2));
        c.AwaitCustomer("Asked for photos", Engineer, At(19));
        Assert.Multiple(() =>
        {
            Assert.That((c.DueAt, c.NextEscalationAt, c.ResolutionClock.DueAt), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null)));
            Assert.That(c.Escalate(At(30)), Is.Empty, "19 h counted: paused short of 80 %");
        });

        c.Resume(null, Engineer, At(40));
        // 21 hours paused: 80 % (19.2 h counted) comes 12 minutes after the resume.
        Assert.Multiple(() =>
        {
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(40.2)));
            Assert.That(c.DueAt, Is.EqualTo(At(45)));
            Assert.That(c.Escalate(At(40.1)), Is.Empty);
            Assert.That(c.Escalate(At(40.2)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.AtRisk) }));
        });
    }

    [Test]
    public void AwaitCustomer_PastTheDueInstantBeforeAScan_RecordsTheBreach()
    {
        var c = File();
        c.Acknowledge("On it", Agent, At(1));
        c.Assign(Department.Logistics, Engineer, Agent, At(2));
        c.AwaitCustomer("Asked for photos", Engineer, At(25));
        Assert.Multiple(() =>
        {
            Assert.That((c.ResolutionClock.Breached, c.SlaState), Is.EqualTo((true, SlaState.Breached)));
            Assert.That(c.ResolutionClock.EscalationLevel, Is.Zero, "escalating is the scan's: it notifies");
        });
        c.Resume(null, Engineer, At(30));
        Assert.That(c.NextEscalationAt, Is.LessThanOrEqualTo(At(30)), "the steps it missed are due at once");
        Assert.That(c.Escalate(At(30)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.AtRisk), Step(SlaClockKind.Resolution, EscalationKind.Level1) }));
    }

    [Test]
    public void Acknowledge_AfterTheTargetWithoutAScan_IsABreachWithoutEscalation()
    {
        var c = File();
        c.Acknowledge("Sorry", Agent, At(4));
        Assert.Multiple(() =>
        {
            Assert.That(c.FirstResponseClock, Is.EqualTo(new SlaClockState { Breached = true }));
            Assert.That(c.SlaState, Is.EqualTo(SlaState.Breached));
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(19.2)), "only the resolution clock has steps left");
        });
    }

    [Test]
    public void Reopen_AfterABreach_StaysBreachedAndNeverRepeatsAStep()
    {
        var c = File();
        c.Acknowledge("On it", Agent, At(1));
        c.Assign(Department.Logistics, Engineer, Agent, At(2));
        Assert.That(c.Escalate(At(25)), Has.Count.EqualTo(2));
        c.Resolve("Shipped", RootCause.Logistics, "Loading check", Engineer, At(26));
        Assert.That((c.SlaState, c.IsStopped, c.DueAt, c.NextEscalationAt), Is.EqualTo((SlaState.Breached, true, (DateTimeOffset?)null, (DateTimeOffset?)null)));

        c.Reopen("Two pallets damaged", Agent, At(50));
        Assert.Multiple(() =>
        {
            Assert.That((c.SlaState, c.IsStopped), Is.EqualTo((SlaState.Breached, false)));
            Assert.That(c.ResolutionClock.EscalationLevel, Is.EqualTo(1));
            Assert.That(c.Escalate(At(51)), Is.Empty, "at-risk and level 1 were taken before the resolution");
            // 26 h counted at the reopen: level 2 (48 h counted) comes 22 h later.
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(72)));
        });
        c.Assign(Department.Quality, Engineer, Agent, At(52));
        Assert.That(c.Escalate(At(72)), Is.EqualTo(new[] { Step(SlaClockKind.Resolution, EscalationKind.Level2) }));
    }

    [Test]
    public void Reopen_AfterAnOnTimeResolution_RunsTheResolutionClockOnFromWhereItStopped()
    {
        var c = File();
        c.Acknowledge("On it", Agent, At(1));
        c.Assign(Department.Logistics, Engineer, Agent, At(2));
        c.Resolve("Shipped", RootCause.Logistics, "Loading check", Engineer, At(10));
        c.Close(null, null, At(200));
        c.Reopen("Came back", Agent, At(300));
        Assert.Multiple(() =>
        {
            Assert.That(c.SlaState, Is.EqualTo(SlaState.OnTime));
            // 10 h counted: 14 h left, 80 % (19.2 h) 9.2 h after the reopen.
            Assert.That(c.DueAt, Is.EqualTo(At(314)));
            Assert.That(c.NextEscalationAt, Is.EqualTo(At(309.2)));
        });
    }

    [Test]
    public void Escalate_OutsideTheBusinessCalendar_CountsNothing()
    {
        // Weekdays 09:00–17:00 UTC; received Friday 27 Nov 16:00: one working hour on Friday, then Monday.
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList();
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        var c = File(BusinessCalendar.Create("UTC", weekdays, []), friday);
        Assert.Multiple(() =>
        {
            Assert.That(c.FirstResponseClock.DueAt, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)));
            Assert.That(c.Escalate(friday.AddDays(2)), Is.Empty, "Sunday: one working hour counted");
            // 80 % of 4 h = 3 h 12 min: Friday's hour and Monday 09:00–11:12.
            Assert.That(c.NextEscalationAt, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 11, 12, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public void Steps_RaiseTheirPublicEvents()
    {
        var c = File();
        c.Acknowledge("On it", Agent, At(1));
        c.Assign(Department.Logistics, Engineer, Agent, At(2));
        c.Assign(Department.Quality, Agent, Agent, At(3));
        c.Comment("Called again", Agent, At(4));
        Assert.Multiple(() =>
        {
            Assert.That(c.DomainEvents.OfType<ComplaintStatusChanged>().Select(e => (e.From, e.To, e.Action)), Is.EqualTo(new[]
            {
                (ComplaintStatus.New, ComplaintStatus.Acknowledged, ComplaintAction.Acknowledge),
                (ComplaintStatus.Acknowledged, ComplaintStatus.InProgress, ComplaintAction.Assign),
            }), "a reassignment changes no status");
            Assert.That(c.DomainEvents.OfType<ComplaintAssigned>().Select(e => (e.Department, e.AssigneeId, e.PreviousAssigneeId)), Is.EqualTo(new[]
            {
                (Department.Logistics, Engineer, (UserId?)null), (Department.Quality, Agent, (UserId?)Engineer),
            }));
            Assert.That(c.DomainEvents.OfType<ComplaintCommented>().Single().Sequence, Is.EqualTo(5));
        });
    }

    [TestCase(ComplaintStatus.New, false, false, false, false, SlaState.OnTime)]
    [TestCase(ComplaintStatus.New, true, false, false, false, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.InProgress, true, false, false, false, SlaState.OnTime)]
    [TestCase(ComplaintStatus.InProgress, false, false, true, false, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.AwaitingCustomer, false, false, true, false, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.Resolved, true, false, true, false, SlaState.OnTime)]
    [TestCase(ComplaintStatus.Reopened, false, false, true, false, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.InProgress, false, true, false, false, SlaState.Breached)]
    [TestCase(ComplaintStatus.Closed, false, true, false, false, SlaState.Breached)]
    [TestCase(ComplaintStatus.Closed, false, false, false, true, SlaState.Breached)]
    public void StateOf_IsBreachedForAnyBreach_ThenAtRiskForARunningClock(ComplaintStatus status, bool frAtRisk, bool frBreached, bool resAtRisk, bool resBreached, SlaState expected) =>
        Assert.That(ComplaintSla.StateOf(status, new SlaClockState { AtRisk = frAtRisk, Breached = frBreached }, new SlaClockState { AtRisk = resAtRisk, Breached = resBreached }),
            Is.EqualTo(expected));

    [TestCase(19.1, false, false, 0)]
    [TestCase(19.2, true, false, 0)]
    [TestCase(24, true, true, 1)]
    [TestCase(47.9, true, true, 1)]
    [TestCase(48, true, true, 2)]
    public void Advance_At80And100And200Percent(double hours, bool atRisk, bool breached, int level)
    {
        var steps = new List<EscalationStep>();
        var elapsed = TimeSpan.FromTicks(Ticks(hours));
        var state = SlaClockState.Initial.Advance(SlaClockKind.Resolution, elapsed, TimeSpan.FromHours(24), steps);
        Assert.Multiple(() =>
        {
            Assert.That((state.AtRisk, state.Breached, state.EscalationLevel), Is.EqualTo((atRisk, breached, level)));
            Assert.That(steps, Has.Count.EqualTo((atRisk ? 1 : 0) + level));
            Assert.That(state.Advance(SlaClockKind.Resolution, elapsed, TimeSpan.FromHours(24), steps), Is.EqualTo(state));
        });
    }

    [TestCase(false, false, true, SlaState.OnTime)]
    [TestCase(false, false, false, SlaState.OnTime)]
    [TestCase(true, false, true, SlaState.AtRisk)]
    [TestCase(true, false, false, SlaState.OnTime)]
    [TestCase(true, true, true, SlaState.Breached)]
    [TestCase(false, true, false, SlaState.Breached)]
    public void One_clock_s_state_is_breached_once_missed_and_at_risk_only_while_it_runs(bool atRisk, bool breached, bool running, SlaState expected) =>
        Assert.That(new SlaClockState { AtRisk = atRisk, Breached = breached }.StateWhile(running), Is.EqualTo(expected));

    [TestCase(ComplaintStatus.New, true, false, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.InProgress, true, false, SlaState.OnTime)]
    [TestCase(ComplaintStatus.InProgress, false, true, SlaState.AtRisk)]
    [TestCase(ComplaintStatus.Resolved, false, true, SlaState.OnTime)]
    public void A_complaint_is_the_worse_of_its_two_clocks(ComplaintStatus status, bool firstAtRisk, bool resolutionAtRisk, SlaState expected) =>
        Assert.That(
            ComplaintSla.StateOf(status, new SlaClockState { AtRisk = firstAtRisk }, new SlaClockState { AtRisk = resolutionAtRisk }),
            Is.EqualTo(expected));
}
