using System.Globalization;
using System.Text.RegularExpressions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Complaints;

/// <summary>
/// A complaint from intake to closure (design §1.5): its workflow steps (each moves by <see cref="ComplaintWorkflow"/>'s
/// table), its two SLA clocks and its immutable timeline. The SLA targets and calendar are fixed at intake, so a later policy change applies only to complaints
/// received after it.
/// <para>
/// The aggregate is the one home of its SLA state: every change (a workflow step, an escalation step) recomputes the
/// clocks' due instants, the overall <see cref="SlaState"/>, the running <see cref="DueAt"/> and the instant of the
/// next escalation step, and stores them as plain columns; the queue, the detail, the metrics and the health view
/// read those columns. The timeline is appended to, never read, by the aggregate: entries recorded by a change are in
/// <see cref="NewTimelineEntries"/> (numbered from <see cref="LastTimelineSequence"/>) until they are saved, so that a
/// change never has to load the whole history.
/// </para>
/// </summary>
public sealed partial class Complaint : AggregateRoot
{
    private readonly List<ComplaintTimelineEntry> _newTimelineEntries = [];
    private readonly List<SlaPause> _pauses = [];

    private Complaint()
    {
    }

    public ComplaintId Id { get; private set; }

    /// <summary><c>CMP-&lt;year&gt;-&lt;6 digits&gt;</c>.</summary>
    public string Reference { get; private set; } = string.Empty;

    public AccountId AccountId { get; private set; }

    public Guid? ContactId { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public Severity Severity { get; private set; }

    public Tier TierAtIntake { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public string? RequestedRemedy { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public Department? Department { get; private set; }

    public UserId? AssigneeId { get; private set; }

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? Resolution { get; private set; }

    public RootCause? RootCause { get; private set; }

    public string? CorrectiveAction { get; private set; }

    /// <summary>The development-plan initiative the corrective action is part of (design §1.3, issue 12); null when none.</summary>
    public PlanInitiativeId? InitiativeId { get; private set; }

    /// <summary>The plan of <see cref="InitiativeId"/>; null when no initiative is linked.</summary>
    public DevelopmentPlanId? PlanId { get; private set; }

    public SlaTargets Targets { get; private set; } = SlaTargets.Default;

    public BusinessCalendar Calendar { get; private set; } = BusinessCalendar.TwentyFourSeven;

    /// <summary>The first-response clock: runs from receipt until the first response.</summary>
    public SlaClockState FirstResponseClock { get; private set; } = SlaClockState.Initial;

    /// <summary>The resolution clock: runs from receipt until the resolution, paused while awaiting the customer; a reopen runs it again.</summary>
    public SlaClockState ResolutionClock { get; private set; } = SlaClockState.Initial;

    /// <summary>The overall SLA state (<see cref="ComplaintSla.StateOf"/>), as of the last change or escalation step.</summary>
    public SlaState SlaState { get; private set; }

    /// <summary>The due instant of the clock that runs now (the earliest of the running clocks); null when none runs (paused, resolved, closed).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Resolved or closed (<see cref="ComplaintSla.IsStopped"/>): both clocks stand still.</summary>
    public bool IsStopped { get; private set; }

    /// <summary>The earliest instant a step of either clock is due (the escalation scan's index); null when none is.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    /// <summary>The sequence number of the last timeline entry recorded.</summary>
    public int LastTimelineSequence { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Timeline entries recorded since the complaint was loaded or last saved (persistence appends them).</summary>
    public IReadOnlyList<ComplaintTimelineEntry> NewTimelineEntries => _newTimelineEntries;

    public IReadOnlyList<SlaPause> Pauses => _pauses;

    public void ClearNewTimelineEntries() => _newTimelineEntries.Clear();

    public static Complaint File(string reference, ComplaintIntake intake, Tier tier, SlaTargets targets, BusinessCalendar calendar, UserId? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckRule(new ComplaintReferenceMustBeWellFormed(reference));
        CheckRule(new ComplaintCannotBeReceivedInTheFuture(intake.ReceivedAt, now));
        var complaint = new Complaint
        {
            Id = ComplaintId.New(),
            Reference = reference,
            AccountId = intake.AccountId,
            ContactId = intake.ContactId,
            Channel = intake.Channel,
            Category = intake.Category,
            Severity = intake.Severity,
            TierAtIntake = tier,
            Subject = intake.Subject.Trim(),
            Description = intake.Description.Trim(),
            RequestedRemedy = string.IsNullOrWhiteSpace(intake.RequestedRemedy) ? null : intake.RequestedRemedy.Trim(),
            ReceivedAt = intake.ReceivedAt,
            Status = ComplaintStatus.New,
            Targets = targets,
            Calendar = calendar,
            UpdatedAt = now,
        };
        complaint.Record(TimelineKind.Filed, by, now, new TimelineArgs { ToStatus = ComplaintStatus.New, Channel = intake.Channel });
        complaint.Reschedule(now);
        complaint.Raise(new ComplaintFiled(complaint.Id, complaint.Reference, complaint.AccountId, complaint.Channel, complaint.Category, complaint.Severity, tier,
            complaint.ReceivedAt, complaint.FirstResponseClock.DueAt, complaint.ResolutionClock.DueAt, by, now));
        return complaint;
    }

    public static string FormatReference(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"CMP-{year:D4}-{sequence:D6}");

    /// <summary>New → Acknowledged: the first response is on record; the first-response clock stops (breached if late).</summary>
    public void Acknowledge(string response, UserId by, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(response, "response"));
        var from = Transition(ComplaintAction.Acknowledge);
        FirstRespondedAt = now;
        Step(from, ComplaintAction.Acknowledge, by, now, TimelineKind.Acknowledged, TimelineArgs.None, response.Trim());
    }

    /// <summary>Acknowledged or Reopened → InProgress with a department and a person; in InProgress, a reassignment.</summary>
    public void Assign(Department department, UserId assignee, UserId by, DateTimeOffset now)
    {
        var previous = AssigneeId;
        var from = Transition(ComplaintAction.Assign);
        Department = department;
        AssigneeId = assignee;
        Step(from, ComplaintAction.Assign, by, now, TimelineKind.Assigned, new TimelineArgs { AssigneeId = assignee, Department = department }, null);
        Raise(new ComplaintAssigned(Id, Reference, AccountId, department, assignee, previous, by, now));
    }

    /// <summary>InProgress → AwaitingCustomer: the resolution clock pauses.</summary>
    public void AwaitCustomer(string note, UserId by, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(note, "note"));
        var from = Transition(ComplaintAction.AwaitCustomer);
        _pauses.Add(new SlaPause(now, null));
        Step(from, ComplaintAction.AwaitCustomer, by, now, TimelineKind.AwaitingCustomer, TimelineArgs.None, note.Trim());
    }

    /// <summary>AwaitingCustomer → InProgress: the resolution clock runs again.</summary>
    public void Resume(string? note, UserId by, DateTimeOffset now)
    {
        var from = Transition(ComplaintAction.Resume);
        ClosePause(now);
        Step(from, ComplaintAction.Resume, by, now, TimelineKind.Resumed, TimelineArgs.None, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>
    /// InProgress → Resolved, with the resolution, its root cause and the corrective action; the resolution clock stops
    /// (breached if late). The corrective action may be part of an initiative of the account's development plan
    /// (<paramref name="initiative"/>, checked by the caller to be of a plan of this account); the Resolved entry records it.
    /// </summary>
    public void Resolve(string resolution, RootCause rootCause, string correctiveAction, UserId by, DateTimeOffset now, InitiativeLink? initiative = null)
    {
        CheckRule(new TextIsRequired(resolution, "resolution"));
        CheckRule(new TextIsRequired(correctiveAction, "correctiveAction"));
        var from = Transition(ComplaintAction.Resolve);
        Resolution = resolution.Trim();
        RootCause = rootCause;
        CorrectiveAction = correctiveAction.Trim();
        ResolvedAt = now;
        if (initiative is not null)
        {
            InitiativeId = initiative.InitiativeId;
            PlanId = initiative.PlanId;
        }

        // Until reopened, the complaint is not in our hands: the clock stands still.
        _pauses.Add(new SlaPause(now, null));
        Step(from, ComplaintAction.Resolve, by, now, TimelineKind.Resolved, new TimelineArgs { RootCause = rootCause, CorrectiveAction = CorrectiveAction, InitiativeId = initiative?.InitiativeId, PlanId = initiative?.PlanId }, Resolution);
    }

    /// <summary>
    /// Links the complaint's corrective action to an initiative of the account's development plan, or unlinks it
    /// (<paramref name="initiative"/> null), in any status; the timeline records the change. Linking to the initiative
    /// already linked changes nothing (a repeated request records nothing twice).
    /// </summary>
    public void LinkInitiative(InitiativeLink? initiative, UserId by, DateTimeOffset now)
    {
        if (initiative?.InitiativeId == InitiativeId)
        {
            return;
        }

        InitiativeId = initiative?.InitiativeId;
        PlanId = initiative?.PlanId;
        UpdatedAt = now;
        Record(TimelineKind.InitiativeLinked, by, now, new TimelineArgs { InitiativeId = InitiativeId, PlanId = PlanId });
    }

    /// <summary>Resolved → Closed: the customer confirmed, or 7 days passed (<paramref name="by"/> null).</summary>
    public void Close(string? note, UserId? by, DateTimeOffset now)
    {
        var from = Transition(ComplaintAction.Close);
        ClosedAt = now;
        Step(from, ComplaintAction.Close, by, now, TimelineKind.Closed, new TimelineArgs { Automatic = by is null }, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>
    /// Resolved or Closed → Reopened: the resolution clock runs again from where it stopped (the time between the
    /// resolution and the reopen does not count). A breached target stays breached.
    /// </summary>
    public void Reopen(string reason, UserId by, DateTimeOffset now)
    {
        CheckRule(new TextIsRequired(reason, "reason"));
        var from = Transition(ComplaintAction.Reopen);
        ClosePause(now);
        ResolvedAt = null;
        ClosedAt = null;
        Step(from, ComplaintAction.Reopen, by, now, TimelineKind.Reopened, TimelineArgs.None, reason.Trim());
    }

    public void Comment(string text, UserId by, DateTimeOffset now)
    {
        CheckRule(new ClosedComplaintTakesNoComments(Status));
        CheckRule(new TextIsRequired(text, "text"));
        Record(TimelineKind.Comment, by, now, TimelineArgs.None, text.Trim());
        Raise(new ComplaintCommented(Id, Reference, AccountId, LastTimelineSequence, by, now));
    }

    /// <summary>
    /// The escalation steps due at <paramref name="now"/> on each clock that has not stopped, independently and each
    /// once: AtRisk at 80 % of the target (assignee notified), level 1 at the breach (department head / quality
    /// manager), level 2 at twice the target (director). A late scan takes every step due at once; running it twice
    /// at the same instant changes nothing the second time.
    /// </summary>
    public IReadOnlyList<EscalationStep> Escalate(DateTimeOffset now)
    {
        var steps = new List<EscalationStep>();
        var elapsed = SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now);
        if (ComplaintSla.FirstResponseRuns(Status))
        {
            FirstResponseClock = FirstResponseClock.Advance(SlaClockKind.FirstResponse, elapsed, Targets.FirstResponse, steps);
        }

        // A paused resolution clock (awaiting the customer) counts nothing more, but a step it reached before the
        // pause and that no scan took yet is still due.
        if (!ComplaintSla.IsStopped(Status))
        {
            ResolutionClock = ResolutionClock.Advance(SlaClockKind.Resolution, elapsed, Targets.Resolution, steps);
        }

        Reschedule(now);
        foreach (var step in steps)
        {
            if (step.Kind == EscalationKind.AtRisk)
            {
                Record(TimelineKind.AtRisk, null, now, new TimelineArgs { Clock = step.Clock });
                Raise(new ComplaintSlaAtRisk(Id, Reference, AccountId, step.Clock, ClockOf(step.Clock).DueAt, now));
            }
            else
            {
                Record(TimelineKind.Escalated, null, now, new TimelineArgs { Clock = step.Clock, Level = step.Level });
                Raise(new ComplaintEscalated(Id, Reference, AccountId, step.Clock, step.Level, now));
            }
        }

        return steps;
    }

    public SlaClockState ClockOf(SlaClockKind clock) => clock == SlaClockKind.FirstResponse ? FirstResponseClock : ResolutionClock;

    /// <summary>A workflow step's bookkeeping: the timeline entry, the clocks, and the status_changed event when the status changed.</summary>
    private void Step(ComplaintStatus from, ComplaintAction action, UserId? by, DateTimeOffset now, TimelineKind kind, TimelineArgs args, string? note)
    {
        Record(kind, by, now, args with { FromStatus = from, ToStatus = Status }, note);
        Reschedule(now);
        if (from != Status)
        {
            Raise(new ComplaintStatusChanged(Id, Reference, AccountId, from, Status, action, by, now));
        }
    }

    /// <summary>
    /// Recomputes what the readers read, after every change: each clock's due instant and its breach if it ran past
    /// its target (the first-response clock up to the first response, the resolution clock up to now — pauses,
    /// including the one a resolution opens, do not count), the overall state, the running due instant, and the
    /// instant of the next escalation step of either clock (the index the scan uses).
    /// </summary>
    private void Reschedule(DateTimeOffset now)
    {
        UpdatedAt = now;
        var firstResponseRuns = ComplaintSla.FirstResponseRuns(Status);
        IsStopped = ComplaintSla.IsStopped(Status);
        FirstResponseClock = FirstResponseClock.Settle(
            firstResponseRuns ? SlaClock.DueAt(Calendar, ReceivedAt, _pauses, Targets.FirstResponse) : null,
            SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, FirstRespondedAt ?? now) >= Targets.FirstResponse);
        ResolutionClock = ResolutionClock.Settle(
            IsStopped ? null : SlaClock.DueAt(Calendar, ReceivedAt, _pauses, Targets.Resolution),
            SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now) >= Targets.Resolution);
        SlaState = ComplaintSla.StateOf(Status, FirstResponseClock, ResolutionClock);
        DueAt = Earliest(FirstResponseClock.DueAt, ResolutionClock.DueAt);
        NextEscalationAt = Earliest(
            firstResponseRuns ? NextStepAt(FirstResponseClock, Targets.FirstResponse) : null,
            IsStopped ? null : NextStepAt(ResolutionClock, Targets.Resolution));
    }

    /// <summary>When the clock's next step is due; null when every step was taken or while a pause is open.</summary>
    private DateTimeOffset? NextStepAt(SlaClockState clock, TimeSpan target) =>
        clock.NextStepShare is { } share ? SlaClock.DueAt(Calendar, ReceivedAt, _pauses, target, share) : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private void ClosePause(DateTimeOffset now)
    {
        var open = _pauses.FindIndex(p => p.To is null);
        if (open >= 0)
        {
            _pauses[open] = _pauses[open] with { To = now };
        }
    }

    /// <summary>Moves by <see cref="ComplaintWorkflow"/>'s table (a step it does not allow from the current status is a 409) and returns the status before.</summary>
    private ComplaintStatus Transition(ComplaintAction action)
    {
        CheckRule(new ComplaintTransitionMustBeAllowed(Status, action));
        var from = Status;
        Status = ComplaintWorkflow.Target(from, action)!.Value;
        return from;
    }

    private void Record(TimelineKind kind, UserId? by, DateTimeOffset at, TimelineArgs args, string? note = null) =>
        _newTimelineEntries.Add(new ComplaintTimelineEntry(Id, ++LastTimelineSequence, kind, by, at, args, note));

    [GeneratedRegex(@"^CMP-\d{4}-\d{6}$")]
    internal static partial Regex ReferencePattern();
}
