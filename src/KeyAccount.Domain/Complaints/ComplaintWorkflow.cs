using static KeyAccount.Domain.Complaints.ComplaintAction;
using static KeyAccount.Domain.Complaints.ComplaintStatus;

namespace KeyAccount.Domain.Complaints;

/// <summary>One row of the complaint workflow: from <paramref name="From"/>, <paramref name="Action"/> leads to <paramref name="To"/>.</summary>
public readonly record struct ComplaintTransition(ComplaintStatus From, ComplaintAction Action, ComplaintStatus To);

/// <summary>
/// The complaint workflow (design §1.5) as one table: from-status × action → to-status. It is the one home of the
/// state machine: the aggregate's steps move by it (any pair not in it breaks
/// <see cref="ComplaintTransitionMustBeAllowed"/>, a 409), and "which actions are allowed now" is read from it.
/// </summary>
public static class ComplaintWorkflow
{
    /// <summary>
    /// New → Acknowledged (first response) → InProgress (assigned; a reassignment stays there) → Resolved → Closed.
    /// AwaitingCustomer pauses and returns to InProgress. Resolved or Closed → Reopened → InProgress.
    /// </summary>
    public static IReadOnlyList<ComplaintTransition> Transitions { get; } =
    [
        new(New, Acknowledge, Acknowledged),
        new(Acknowledged, Assign, InProgress),
        new(InProgress, Assign, InProgress),
        new(InProgress, AwaitCustomer, AwaitingCustomer),
        new(InProgress, Resolve, Resolved),
        new(AwaitingCustomer, Resume, InProgress),
        new(Resolved, Close, Closed),
        new(Resolved, Reopen, Reopened),
        new(Closed, Reopen, Reopened),
        new(Reopened, Assign, InProgress),
    ];

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>; null when the table does not allow it.</summary>
    public static ComplaintStatus? Target(ComplaintStatus from, ComplaintAction action)
    {
        foreach (var t in Transitions)
        {
            if (t.From == from && t.Action == action)
            {
                return t.To;
            }
        }

        return null;
    }

    public static bool Allows(ComplaintStatus from, ComplaintAction action) => Target(from, action) is not null;

    /// <summary>The actions allowed from <paramref name="status"/>, in the order of <see cref="ComplaintAction"/> (what a complaint's <c>allowedActions</c> says).</summary>
    public static IReadOnlyList<ComplaintAction> AllowedActions(ComplaintStatus status) =>
        [.. Transitions.Where(t => t.From == status).Select(t => t.Action).Distinct().Order()];

    /// <summary>The statuses <paramref name="action"/> may be taken from, in the order of <see cref="ComplaintStatus"/>.</summary>
    public static IReadOnlyList<ComplaintStatus> AllowedFrom(ComplaintAction action) =>
        [.. Transitions.Where(t => t.Action == action).Select(t => t.From).Distinct().Order()];

    /// <summary>Where <paramref name="action"/> leads (every action of this workflow has one target, whatever it starts from).</summary>
    public static ComplaintStatus TargetOf(ComplaintAction action) => Transitions.First(t => t.Action == action).To;
}
