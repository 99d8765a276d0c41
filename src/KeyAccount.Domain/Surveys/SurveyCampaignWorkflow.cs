using static KeyAccount.Domain.Surveys.SurveyCampaignAction;
using static KeyAccount.Domain.Surveys.SurveyCampaignStatus;

namespace KeyAccount.Domain.Surveys;

/// <summary>One row of the campaign workflow: from <paramref name="From"/>, <paramref name="Action"/> leads to <paramref name="To"/>.</summary>
public readonly record struct SurveyCampaignTransition(SurveyCampaignStatus From, SurveyCampaignAction Action, SurveyCampaignStatus To);

/// <summary>
/// The campaign workflow as one table, the one home of its state machine: the aggregate moves by it (a pair not in it
/// breaks <see cref="SurveyCampaignTransitionMustBeAllowed"/>, a 409) and a campaign's <c>allowedActions</c> are read from it.
/// </summary>
public static class SurveyCampaignWorkflow
{
    /// <summary>Draft → Scheduled → Open → Closed; a Draft may also be opened at once.</summary>
    public static IReadOnlyList<SurveyCampaignTransition> Transitions { get; } =
    [
        new(Draft, Schedule, Scheduled),
        new(Draft, SurveyCampaignAction.Open, SurveyCampaignStatus.Open),
        new(Scheduled, SurveyCampaignAction.Open, SurveyCampaignStatus.Open),
        new(SurveyCampaignStatus.Open, Close, Closed),
    ];

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>; null when the table does not allow it.</summary>
    public static SurveyCampaignStatus? Target(SurveyCampaignStatus from, SurveyCampaignAction action)
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

    public static bool Allows(SurveyCampaignStatus from, SurveyCampaignAction action) => Target(from, action) is not null;

    /// <summary>The actions allowed from <paramref name="status"/>, in the order of <see cref="SurveyCampaignAction"/>.</summary>
    public static IReadOnlyList<SurveyCampaignAction> AllowedActions(SurveyCampaignStatus status) =>
        [.. Transitions.Where(t => t.From == status).Select(t => t.Action).Distinct().Order()];

    /// <summary>The statuses <paramref name="action"/> may be taken from.</summary>
    public static IReadOnlyList<SurveyCampaignStatus> AllowedFrom(SurveyCampaignAction action) =>
        [.. Transitions.Where(t => t.Action == action).Select(t => t.From).Distinct().Order()];

    /// <summary>Where <paramref name="action"/> leads (one target per action).</summary>
    public static SurveyCampaignStatus TargetOf(SurveyCampaignAction action) => Transitions.First(t => t.Action == action).To;

    /// <summary>Whether the campaign's settings may be edited: only while it is a draft.</summary>
    public static bool IsEditable(SurveyCampaignStatus status) => status == Draft;
}
