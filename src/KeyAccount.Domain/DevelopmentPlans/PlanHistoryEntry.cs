using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>What a line of a plan's history records (its arguments in <see cref="PlanHistoryArgs"/>).</summary>
public enum PlanHistoryKind
{
    /// <summary>A workflow step (submit, approve, reject, activate, complete, cancel): its action, from and to.</summary>
    StatusChanged,

    /// <summary>A new version was made of this one: the revision's id and version.</summary>
    Revised,

    /// <summary>A later version was approved and replaced this one: from its status to Superseded, and the later version.</summary>
    Superseded,

    /// <summary>An initiative moved: its key and title, from and to.</summary>
    InitiativeStatusChanged,
}

/// <summary>
/// A history line's arguments, as data (design §4: entries are kind + arguments, rendered in the reader's language; no
/// code parses text). Each kind sets only its own: a step its action and statuses, Revised and Superseded the other
/// version, InitiativeStatusChanged the initiative and its statuses.
/// </summary>
public sealed record PlanHistoryArgs
{
    public static PlanHistoryArgs None { get; } = new();

    public PlanAction? Action { get; init; }

    public PlanStatus? FromStatus { get; init; }

    public PlanStatus? ToStatus { get; init; }

    /// <summary>The other version: the revision made of this one (Revised), the version that replaced it (Superseded).</summary>
    public DevelopmentPlanId? RelatedPlanId { get; init; }

    /// <summary>That version's number.</summary>
    public int? RelatedPlanVersion { get; init; }

    /// <summary>The initiative's key (the same across the plan's versions).</summary>
    public Guid? InitiativeKey { get; init; }

    /// <summary>The initiative's title then.</summary>
    public string? InitiativeTitle { get; init; }

    public InitiativeStatus? InitiativeFrom { get; init; }

    public InitiativeStatus? InitiativeTo { get; init; }
}

/// <summary>
/// One immutable line of a plan version's history: who (<see cref="By"/>; null for an API client or the system), when,
/// what (<see cref="Kind"/> and <see cref="Args"/>), and the words a person gave with it (<see cref="Comment"/>: the
/// approval's or rejection's comment, the cancellation's reason, an initiative's note). Written only by the aggregate's
/// methods, appended, never changed.
/// </summary>
public sealed class PlanHistoryEntry
{
    internal PlanHistoryEntry(DevelopmentPlanId planId, PlanHistoryKind kind, UserId? by, DateTimeOffset at, PlanHistoryArgs args, string? comment)
    {
        PlanId = planId;
        Kind = kind;
        By = by;
        At = at;
        Args = args ?? throw new ArgumentNullException(nameof(args));
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    private PlanHistoryEntry()
    {
    }

    /// <summary>Assigned by the database in the order entries are written (newest first is descending id).</summary>
    public long Id { get; private set; }

    public DevelopmentPlanId PlanId { get; private set; }

    public PlanHistoryKind Kind { get; private set; }

    public UserId? By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public PlanHistoryArgs Args { get; private set; } = PlanHistoryArgs.None;

    public string? Comment { get; private set; }
}
