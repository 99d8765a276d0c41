using static KeyAccount.Domain.DevelopmentPlans.PlanAction;
using static KeyAccount.Domain.DevelopmentPlans.PlanStatus;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>One row of the plan workflow: from <paramref name="From"/>, <paramref name="Action"/> leads to <paramref name="To"/>.</summary>
public readonly record struct PlanTransition(PlanStatus From, PlanAction Action, PlanStatus To);

/// <summary>
/// The development-plan workflow (design §1.3) as one table, the one home of the state machine: the aggregate moves by
/// it (a pair not in it breaks <see cref="PlanTransitionMustBeAllowed"/>, a 409) and a plan's <c>allowedActions</c> are read
/// from it. Superseding (Approved/Active → Superseded) is not an action anyone takes: it happens to the previous version
/// when a later one is approved.
/// </summary>
public static class PlanWorkflow
{
    /// <summary>Draft → Submitted → Approved → Active → Completed; Submitted → Draft (rejected); Approved/Active → Cancelled.</summary>
    public static IReadOnlyList<PlanTransition> Transitions { get; } =
    [
        new(Draft, Submit, Submitted),
        new(Submitted, Approve, Approved),
        new(Submitted, Reject, Draft),
        new(Approved, Activate, Active),
        new(Active, Complete, Completed),
        new(Approved, Cancel, Cancelled),
        new(Active, Cancel, Cancelled),
    ];

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>; null when the table does not allow it.</summary>
    public static PlanStatus? Target(PlanStatus from, PlanAction action)
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

    public static bool Allows(PlanStatus from, PlanAction action) => Target(from, action) is not null;

    /// <summary>The actions allowed from <paramref name="status"/>, in the order of <see cref="PlanAction"/>.</summary>
    public static IReadOnlyList<PlanAction> AllowedActions(PlanStatus status) =>
        [.. Transitions.Where(t => t.From == status).Select(t => t.Action).Distinct().Order()];

    /// <summary>The statuses <paramref name="action"/> may be taken from.</summary>
    public static IReadOnlyList<PlanStatus> AllowedFrom(PlanAction action) =>
        [.. Transitions.Where(t => t.Action == action).Select(t => t.From).Distinct().Order()];

    /// <summary>Where <paramref name="action"/> leads (one target per action).</summary>
    public static PlanStatus TargetOf(PlanAction action) => Transitions.First(t => t.Action == action).To;

    /// <summary>Whether a plan in <paramref name="status"/> covers its account: approved, and neither ended early nor replaced.</summary>
    public static bool IsInForce(PlanStatus status) => status is Approved or Active;

    /// <summary>Whether the plan's content (objectives, measures, initiatives, …) may be edited: only while it is a draft.</summary>
    public static bool IsEditable(PlanStatus status) => status == Draft;

    /// <summary>Whether the plan is being worked on, so its initiatives' status and manual actuals may move.</summary>
    public static bool TracksProgress(PlanStatus status) => status is Draft or Approved or Active;
}
