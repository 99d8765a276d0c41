using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Complaints;

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
    AtRisk,
    Escalated,

    /// <summary>The corrective action was linked to a development-plan initiative (its id in the arguments), or unlinked (no id).</summary>
    InitiativeLinked,
}

/// <summary>
/// What a timeline entry is about, as data (design §4: timeline entries are kind + arguments, rendered in the
/// reader's language; no code parses text). Each kind sets only its own arguments: a workflow step its statuses,
/// Filed the channel, Assigned the assignee and department, Resolved the root cause and corrective action, Closed
/// whether it closed automatically, AtRisk the clock, Escalated the clock and level, Resolved and InitiativeLinked the
/// development-plan initiative (and its plan) the corrective action is part of.
/// </summary>
public sealed record TimelineArgs
{
    public static TimelineArgs None { get; } = new();

    public ComplaintStatus? FromStatus { get; init; }

    public ComplaintStatus? ToStatus { get; init; }

    public UserId? AssigneeId { get; init; }

    public Department? Department { get; init; }

    public RootCause? RootCause { get; init; }

    /// <summary>What the person resolving wrote as the corrective action (their words, like a note).</summary>
    public string? CorrectiveAction { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public SlaClockKind? Clock { get; init; }

    public int? Level { get; init; }

    /// <summary>Closed by the scan 7 days after the resolution rather than on the customer's confirmation.</summary>
    public bool? Automatic { get; init; }

    /// <summary>The development-plan initiative the corrective action is part of.</summary>
    public PlanInitiativeId? InitiativeId { get; init; }

    /// <summary>The plan of <see cref="InitiativeId"/>.</summary>
    public DevelopmentPlanId? PlanId { get; init; }
}

/// <summary>
/// One immutable line of a complaint's history: who, when, what (<see cref="Kind"/> and <see cref="Args"/>), and the
/// words a person gave with it (<see cref="Note"/>: a comment, the first response, a note, a reason, a resolution).
/// </summary>
public sealed class ComplaintTimelineEntry
{
    public ComplaintTimelineEntry(ComplaintId complaintId, int sequence, TimelineKind kind, UserId? by, DateTimeOffset at, TimelineArgs args, string? note)
    {
        ComplaintId = complaintId;
        Sequence = sequence;
        Kind = kind;
        By = by;
        At = at;
        Args = args ?? throw new ArgumentNullException(nameof(args));
        Note = note;
    }

    private ComplaintTimelineEntry()
    {
    }

    public ComplaintId ComplaintId { get; private set; }

    /// <summary>Position in the complaint's timeline, from 1.</summary>
    public int Sequence { get; private set; }

    public TimelineKind Kind { get; private set; }

    public UserId? By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public TimelineArgs Args { get; private set; } = TimelineArgs.None;

    public string? Note { get; private set; }
}
