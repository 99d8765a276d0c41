namespace KeyAccount.Domain.Complaints;

/// <summary>The two SLA targets of a complaint; each has a clock of its own.</summary>
public enum SlaClockKind
{
    /// <summary>From receipt until the first response (acknowledgement).</summary>
    FirstResponse,

    /// <summary>From receipt until the resolution; pauses while awaiting the customer and between a resolution and a reopen.</summary>
    Resolution,
}

/// <summary>
/// The state of one SLA clock (design §1.5: each target has its own clock state). The clock warns once at 80 % of
/// its target (<see cref="AtRisk"/>), is breached at 100 %, and escalates to level 1 at 100 % and level 2 at 200 %;
/// the steps are taken by the escalation scan through <see cref="Advance"/>, each once, and a breach is also recorded
/// when the clock stops or pauses past its target. Nothing here ever turns back: a breached target stays breached.
/// The time arithmetic (calendar, pauses) is <see cref="SlaClock"/>'s; this is only the state.
/// </summary>
public sealed record SlaClockState
{
    /// <summary>A clock nothing has happened to yet.</summary>
    public static SlaClockState Initial { get; } = new();

    /// <summary>When the target is due while the clock runs; null once it has stopped, or while it is paused.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Whether the 80 % warning was given (set by the escalation scan, which notifies the assignee).</summary>
    public bool AtRisk { get; init; }

    /// <summary>Whether the target was missed; once true it stays true.</summary>
    public bool Breached { get; init; }

    /// <summary>0 none, 1 department head / quality manager (at the breach), 2 director (at twice the target).</summary>
    public int EscalationLevel { get; init; }

    /// <summary>
    /// This clock's SLA state: <b>Breached</b> once its target was missed (a breach stays), else <b>AtRisk</b> when it
    /// got its 80 % warning and <paramref name="running"/> (has not stopped), else <b>OnTime</b>. A complaint is the
    /// worse of its two clocks (<see cref="ComplaintSla.StateOf"/>); a survey follow-up is its one clock.
    /// </summary>
    public SlaState StateWhile(bool running) => Breached ? SlaState.Breached : running && AtRisk ? SlaState.AtRisk : SlaState.OnTime;

    /// <summary>The share of the target at which this clock's next step is due (0.8, 1, 2); null when every step was taken.</summary>
    public decimal? NextStepShare =>
        !AtRisk ? SlaClock.AtRiskShare : EscalationLevel < 1 ? 1m : EscalationLevel < 2 ? 2m : null;

    /// <summary>
    /// Takes every step due after <paramref name="elapsed"/> of counted time against <paramref name="target"/>, each
    /// once: a late scan takes all of them at once, a second scan at the same instant none.
    /// </summary>
    public SlaClockState Advance(SlaClockKind clock, TimeSpan elapsed, TimeSpan target, ICollection<EscalationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var next = this;
        if (!next.AtRisk && elapsed.Ticks >= target.Ticks * SlaClock.AtRiskShare)
        {
            next = next with { AtRisk = true };
            steps.Add(new EscalationStep(clock, EscalationKind.AtRisk));
        }

        if (elapsed >= target)
        {
            next = next with { Breached = true };
            if (next.EscalationLevel < 1)
            {
                next = next with { EscalationLevel = 1 };
                steps.Add(new EscalationStep(clock, EscalationKind.Level1));
            }
        }

        if (elapsed >= target * 2 && next.EscalationLevel < 2)
        {
            next = next with { EscalationLevel = 2 };
            steps.Add(new EscalationStep(clock, EscalationKind.Level2));
        }

        return next;
    }

    /// <summary>
    /// The clock after a change of the complaint: its due instant now, and a breach when <paramref name="late"/> (the
    /// counted time reached the target, whether or not the scan has seen it yet: a late first response, a resolution
    /// or a pause after the due instant). No warning or escalation is taken here: those are the scan's, with their
    /// notifications.
    /// </summary>
    public SlaClockState Settle(DateTimeOffset? dueAt, bool late) => this with { DueAt = dueAt, Breached = Breached || late };
}

/// <summary>An escalation step taken on one clock; whom to notify follows from its kind.</summary>
/// <param name="Clock">The clock that reached the step.</param>
/// <param name="Kind">AtRisk (80 %), Level1 (100 %) or Level2 (200 %).</param>
public sealed record EscalationStep(SlaClockKind Clock, EscalationKind Kind)
{
    /// <summary>The escalation level the step reaches: 0 for the at-risk warning, then 1 or 2.</summary>
    public int Level => Kind switch
    {
        EscalationKind.Level1 => 1,
        EscalationKind.Level2 => 2,
        _ => 0,
    };
}

public enum EscalationKind
{
    AtRisk,
    Level1,
    Level2,
}

/// <summary>
/// The complaint's overall SLA state, defined once from its two clocks (every reader — the queue, the detail, the
/// metrics, the health view, the SPA — reads the stored result, never derives it again):
/// <list type="bullet">
/// <item><b>Breached</b> when either target was breached (a breach stays, whatever happens later: a late first
/// response keeps the complaint Breached while it is in progress, resolved and closed);</item>
/// <item>else <b>AtRisk</b> when a clock that has not stopped got its 80 % warning (the first-response clock until
/// the first response, the resolution clock until the resolution, again from a reopen; a pause does not stop it);</item>
/// <item>else <b>OnTime</b>.</item>
/// </list>
/// Because the warning and the breach are stored when the escalation scan reaches them (at the instants the
/// aggregate scheduled: 80 %, 100 %, 200 %), the stored state moves with time through the scan, at most one scan
/// interval behind the clock; the due instant is there for a live countdown.
/// </summary>
public static class ComplaintSla
{
    public static SlaState StateOf(ComplaintStatus status, SlaClockState firstResponse, SlaClockState resolution)
    {
        ArgumentNullException.ThrowIfNull(firstResponse);
        ArgumentNullException.ThrowIfNull(resolution);
        var first = firstResponse.StateWhile(FirstResponseRuns(status));
        var second = resolution.StateWhile(!IsStopped(status));
        return first > second ? first : second;
    }

    /// <summary>The first-response clock runs until the first response, that is while the complaint is New.</summary>
    public static bool FirstResponseRuns(ComplaintStatus status) => status == ComplaintStatus.New;

    /// <summary>What "stopped" means: resolved or closed. Both clocks stand still; every other status is open.</summary>
    public static bool IsStopped(ComplaintStatus status) => status is ComplaintStatus.Resolved or ComplaintStatus.Closed;
}
