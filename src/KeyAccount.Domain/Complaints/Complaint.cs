using System.Globalization;
using System.Text.RegularExpressions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Complaints;

public readonly record struct ComplaintId(Guid Value) : ITypedId<ComplaintId>
{
    public static ComplaintId New() => new(Guid.CreateVersion7());

    public static ComplaintId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public enum ComplaintStatus
{
    New,
    Acknowledged,
    InProgress,
    AwaitingCustomer,
    Resolved,
    Closed,
    Reopened,
}

public enum ComplaintChannel
{
    Phone,
    Email,
    OnSite,
    Web,
    Api,
}

public enum ComplaintCategory
{
    ProductQuality,
    Delivery,
    Billing,
    Service,
    Other,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum Department
{
    Sales,
    Marketing,
    Service,
    Technical,
    Product,
    Quality,
    Logistics,
    Finance,
}

/// <summary>Why it went wrong, as found by the investigation.</summary>
public enum RootCause
{
    Design,
    Manufacturing,
    Supplier,
    Logistics,
    Communication,
    Process,
    HumanError,
    Documentation,
    Other,
}

/// <summary>What a complaint asks for when filed (ISO 10002: record it with the remedy the customer asks for).</summary>
public sealed record ComplaintIntake(
    AccountId AccountId,
    Guid? ContactId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    Severity Severity,
    string Subject,
    string Description,
    string? RequestedRemedy,
    DateTimeOffset ReceivedAt);

/// <summary>
/// A complaint from intake to closure (design §1.5): its state machine, SLA clocks and immutable timeline. The SLA
/// targets and calendar are fixed at intake, so a later policy change applies only to complaints received after it.
/// </summary>
public sealed partial class Complaint : AggregateRoot
{
    private readonly List<ComplaintTimelineEntry> _timeline = [];
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

    public SlaTargets Targets { get; private set; } = SlaTargets.Default;

    public BusinessCalendar Calendar { get; private set; } = BusinessCalendar.TwentyFourSeven;

    public bool FirstResponseBreached { get; private set; }

    public bool ResolutionBreached { get; private set; }

    /// <summary>0 none, 1 department head / quality manager, 2 director.</summary>
    public int EscalationLevel { get; private set; }

    public bool AtRiskNotified { get; private set; }

    /// <summary>The next instant the escalation scan must look at this complaint; null when no clock is running.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ComplaintTimelineEntry> Timeline => _timeline;

    public IReadOnlyList<SlaPause> Pauses => _pauses;

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
        complaint.Record(TimelineKind.Filed, by, now, $"Filed via {intake.Channel}: {complaint.Subject}", toStatus: ComplaintStatus.New);
        complaint.Reschedule(now);
        return complaint;
    }

    public static string FormatReference(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"CMP-{year:D4}-{sequence:D6}");

    /// <summary>New → Acknowledged: the first response is on record; the first-response clock stops.</summary>
    public void Acknowledge(string response, UserId by, DateTimeOffset now)
    {
        Transition(ComplaintStatus.Acknowledged, nameof(Acknowledge), ComplaintStatus.New);
        CheckRule(new TextIsRequired(response, "response"));
        FirstRespondedAt = now;
        FirstResponseBreached |= SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now) >= Targets.FirstResponse;
        Record(TimelineKind.Acknowledged, by, now, response.Trim(), ComplaintStatus.New, ComplaintStatus.Acknowledged);
        Reschedule(now);
    }

    /// <summary>Acknowledged or Reopened → InProgress with a department and a person; in InProgress, a reassignment.</summary>
    public void Assign(Department department, UserId assignee, UserId by, DateTimeOffset now)
    {
        var from = Status;
        Transition(ComplaintStatus.InProgress, nameof(Assign), ComplaintStatus.Acknowledged, ComplaintStatus.Reopened, ComplaintStatus.InProgress);
        if (from == ComplaintStatus.Reopened)
        {
            ClosePause(now);
        }

        Department = department;
        AssigneeId = assignee;
        Record(TimelineKind.Assigned, by, now, $"Assigned to {department}", from, ComplaintStatus.InProgress, assignee);
        Reschedule(now);
    }

    /// <summary>InProgress → AwaitingCustomer: the clock pauses.</summary>
    public void AwaitCustomer(string note, UserId by, DateTimeOffset now)
    {
        Transition(ComplaintStatus.AwaitingCustomer, "await-customer", ComplaintStatus.InProgress);
        CheckRule(new TextIsRequired(note, "note"));
        _pauses.Add(new SlaPause(now, null));
        Record(TimelineKind.AwaitingCustomer, by, now, note.Trim(), ComplaintStatus.InProgress, ComplaintStatus.AwaitingCustomer);
        Reschedule(now);
    }

    /// <summary>AwaitingCustomer → InProgress: the clock runs again.</summary>
    public void Resume(string? note, UserId by, DateTimeOffset now)
    {
        Transition(ComplaintStatus.InProgress, nameof(Resume), ComplaintStatus.AwaitingCustomer);
        ClosePause(now);
        Record(TimelineKind.Resumed, by, now, string.IsNullOrWhiteSpace(note) ? "Customer answered" : note.Trim(), ComplaintStatus.AwaitingCustomer, ComplaintStatus.InProgress);
        Reschedule(now);
    }

    /// <summary>InProgress → Resolved, with the resolution, its root cause and the corrective action; the resolution clock stops.</summary>
    public void Resolve(string resolution, RootCause rootCause, string correctiveAction, UserId by, DateTimeOffset now)
    {
        Transition(ComplaintStatus.Resolved, nameof(Resolve), ComplaintStatus.InProgress);
        CheckRule(new TextIsRequired(resolution, "resolution"));
        CheckRule(new TextIsRequired(correctiveAction, "correctiveAction"));
        ResolutionBreached |= SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now) >= Targets.Resolution;
        Resolution = resolution.Trim();
        RootCause = rootCause;
        CorrectiveAction = correctiveAction.Trim();
        ResolvedAt = now;
        // Until reopened, the complaint is not in our hands: the clock stands still.
        _pauses.Add(new SlaPause(now, null));
        Record(TimelineKind.Resolved, by, now, $"{rootCause}: {Resolution} — {CorrectiveAction}", ComplaintStatus.InProgress, ComplaintStatus.Resolved);
        Reschedule(now);
    }

    /// <summary>Resolved → Closed: the customer confirmed, or 7 days passed (<paramref name="by"/> null).</summary>
    public void Close(string? note, UserId? by, DateTimeOffset now)
    {
        Transition(ComplaintStatus.Closed, nameof(Close), ComplaintStatus.Resolved);
        ClosedAt = now;
        Record(TimelineKind.Closed, by, now, string.IsNullOrWhiteSpace(note) ? (by is null ? "Closed automatically 7 days after resolution" : "Customer confirmed") : note.Trim(),
            ComplaintStatus.Resolved, ComplaintStatus.Closed);
        Reschedule(now);
    }

    /// <summary>Resolved or Closed → Reopened. A breached target stays breached.</summary>
    public void Reopen(string reason, UserId by, DateTimeOffset now)
    {
        var from = Status;
        Transition(ComplaintStatus.Reopened, nameof(Reopen), ComplaintStatus.Resolved, ComplaintStatus.Closed);
        CheckRule(new TextIsRequired(reason, "reason"));
        ClosePause(now);
        ResolvedAt = null;
        ClosedAt = null;
        Record(TimelineKind.Reopened, by, now, reason.Trim(), from, ComplaintStatus.Reopened);
        Reschedule(now);
    }

    public void Comment(string text, UserId by, DateTimeOffset now)
    {
        CheckRule(new ClosedComplaintTakesNoComments(Status));
        CheckRule(new TextIsRequired(text, "text"));
        Record(TimelineKind.Comment, by, now, text.Trim());
    }

    /// <summary>
    /// The escalation steps due at <paramref name="now"/>, each applied once: AtRisk at 80 % of the running target
    /// (assignee notified), level 1 at the breach (department head / quality manager), level 2 at twice the target
    /// (director). Running it twice changes nothing the second time.
    /// </summary>
    public IReadOnlyList<EscalationStep> Escalate(DateTimeOffset now)
    {
        var steps = new List<EscalationStep>();
        if (RunningTarget() is not { } target)
        {
            NextEscalationAt = null;
            return steps;
        }

        var elapsed = SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now);
        var which = Status == ComplaintStatus.New ? "first response" : "resolution";
        if (!AtRiskNotified && elapsed.Ticks >= target.Ticks * SlaClock.AtRiskShare)
        {
            AtRiskNotified = true;
            steps.Add(new EscalationStep(EscalationKind.AtRisk, $"{Capitalise(which)} target at risk (80% used)"));
        }

        if (elapsed >= target)
        {
            if (Status == ComplaintStatus.New)
            {
                FirstResponseBreached = true;
            }
            else
            {
                ResolutionBreached = true;
            }

            if (EscalationLevel < 1)
            {
                EscalationLevel = 1;
                steps.Add(new EscalationStep(EscalationKind.Level1, $"{Capitalise(which)} target breached: escalated to level 1"));
            }
        }

        if (elapsed >= target * 2 && EscalationLevel < 2)
        {
            EscalationLevel = 2;
            steps.Add(new EscalationStep(EscalationKind.Level2, $"{Capitalise(which)} target exceeded twice over: escalated to level 2"));
        }

        foreach (var step in steps)
        {
            Record(TimelineKind.Escalated, null, now, step.Message);
        }

        Reschedule(now);
        return steps;
    }

    /// <summary>The SLA state of the running clock now (the resolution clock once acknowledged).</summary>
    public SlaState SlaStateAt(DateTimeOffset now)
    {
        if ((FirstResponseBreached && Status == ComplaintStatus.New) || ResolutionBreached)
        {
            return SlaState.Breached;
        }

        var target = RunningTarget() ?? (Status == ComplaintStatus.New ? Targets.FirstResponse : Targets.Resolution);
        return SlaClock.StateOf(SlaClock.Elapsed(Calendar, ReceivedAt, _pauses, now), target);
    }

    /// <summary>When the first response is due; null once given, or while the clock stands still.</summary>
    public DateTimeOffset? FirstResponseDueAt { get; private set; }

    /// <summary>When the resolution is due; null once resolved, or while the clock stands still.</summary>
    public DateTimeOffset? ResolutionDueAt { get; private set; }

    /// <summary>The target whose clock runs now: first response while New; resolution while open after that; none when stopped.</summary>
    private TimeSpan? RunningTarget() => Status switch
    {
        ComplaintStatus.New => Targets.FirstResponse,
        ComplaintStatus.Acknowledged or ComplaintStatus.InProgress or ComplaintStatus.Reopened => Targets.Resolution,
        _ => null,
    };

    /// <summary>Sets <see cref="NextEscalationAt"/> to the next threshold not yet passed (the index the scan uses).</summary>
    private void Reschedule(DateTimeOffset now)
    {
        UpdatedAt = now;
        FirstResponseDueAt = FirstRespondedAt is null ? SlaClock.DueAt(Calendar, ReceivedAt, _pauses, Targets.FirstResponse) : null;
        ResolutionDueAt = Status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? null : SlaClock.DueAt(Calendar, ReceivedAt, _pauses, Targets.Resolution);
        if (RunningTarget() is not { } target || EscalationLevel >= 2)
        {
            NextEscalationAt = null;
            return;
        }

        var share = !AtRiskNotified ? SlaClock.AtRiskShare : EscalationLevel < 1 ? 1m : 2m;
        NextEscalationAt = SlaClock.DueAt(Calendar, ReceivedAt, _pauses, target, share);
    }

    private void ClosePause(DateTimeOffset now)
    {
        var open = _pauses.FindIndex(p => p.To is null);
        if (open >= 0)
        {
            _pauses[open] = _pauses[open] with { To = now };
        }
    }

    private void Transition(ComplaintStatus to, string action, params ComplaintStatus[] allowedFrom)
    {
        CheckRule(new ComplaintTransitionMustBeAllowed(Status, to, action, allowedFrom));
        Status = to;
    }

    private void Record(TimelineKind kind, UserId? by, DateTimeOffset at, string text, ComplaintStatus? fromStatus = null, ComplaintStatus? toStatus = null, UserId? assignee = null) =>
        _timeline.Add(new ComplaintTimelineEntry(Id, _timeline.Count + 1, kind, by, at, text, fromStatus, toStatus, assignee));

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^CMP-\d{4}-\d{6}$")]
    internal static partial Regex ReferencePattern();
}

public enum TimelineKind
{
    Filed,
    Acknowledged,
    Assigned,
    AwaitingCustomer,
    Resumed,
    Resolved,
    Closed,
    Reopened,
    Comment,
    Escalated,
}

/// <summary>One immutable line of a complaint's history: who, when, what.</summary>
public sealed record ComplaintTimelineEntry(
    ComplaintId ComplaintId,
    int Sequence,
    TimelineKind Kind,
    UserId? By,
    DateTimeOffset At,
    string Text,
    ComplaintStatus? FromStatus,
    ComplaintStatus? ToStatus,
    UserId? AssigneeId);

public enum EscalationKind
{
    AtRisk,
    Level1,
    Level2,
}

/// <summary>An escalation step taken; whom to notify follows from its kind.</summary>
public sealed record EscalationStep(EscalationKind Kind, string Message);

[RuleCode("complaint-transition-not-allowed")]
public sealed class ComplaintTransitionMustBeAllowed(ComplaintStatus from, ComplaintStatus to, string action, IReadOnlyCollection<ComplaintStatus> allowedFrom) : IBusinessRule
{
    public bool IsBroken() => !allowedFrom.Contains(from);

    public string Message => $"A complaint in status {from} cannot {action.ToLowerInvariant()} (→ {to}); allowed from: {string.Join(", ", allowedFrom)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["from"] = from.ToString(),
        ["to"] = to.ToString(),
        ["action"] = action,
        ["allowedFrom"] = allowedFrom.Select(s => s.ToString()).ToArray(),
    };
}

[RuleCode("closed-complaint-takes-no-comments")]
public sealed class ClosedComplaintTakesNoComments(ComplaintStatus status) : IBusinessRule
{
    public bool IsBroken() => status == ComplaintStatus.Closed;

    public string Message => "A closed complaint takes no comments; reopen it first.";
}

[RuleCode("text-required")]
public sealed class TextIsRequired(string? text, string fieldName) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string Message => $"{fieldName} is required.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["field"] = fieldName };

    public string? Field => fieldName;
}

[RuleCode("complaint-reference-malformed")]
public sealed class ComplaintReferenceMustBeWellFormed(string? reference) : IBusinessRule
{
    public bool IsBroken() => reference is null || !Complaint.ReferencePattern().IsMatch(reference);

    public string Message => "A complaint reference reads CMP-<year>-<6 digits>.";
}

[RuleCode("complaint-received-in-future")]
public sealed class ComplaintCannotBeReceivedInTheFuture(DateTimeOffset receivedAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => receivedAt > now.AddMinutes(5);

    public string Message => "A complaint cannot be received in the future.";

    public string? Field => "receivedAt";
}
