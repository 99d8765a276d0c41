using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>A workflow step is taken only where <see cref="PlanWorkflow"/> allows it.</summary>
[RuleCode("plan-transition-not-allowed")]
public sealed class PlanTransitionMustBeAllowed(PlanStatus from, PlanAction action) : IBusinessRule
{
    private readonly PlanStatus _to = PlanWorkflow.TargetOf(action);
    private readonly IReadOnlyList<PlanStatus> _allowedFrom = PlanWorkflow.AllowedFrom(action);

    public bool IsBroken() => !PlanWorkflow.Allows(from, action);

    public string Message => $"A plan in status {from} does not allow {action} (→ {_to}); allowed from: {string.Join(", ", _allowedFrom)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["from"] = from.ToString(),
        ["to"] = _to.ToString(),
        ["action"] = action.ToString(),
        ["allowedFrom"] = _allowedFrom.Select(s => s.ToString()).ToArray(),
    };
}

/// <summary>A plan spans 1 to 3 years: its last day is at least one year and at most three years after its first, less a day.</summary>
[RuleCode("plan-period-out-of-range")]
public sealed class PlanPeriodMustSpanOneToThreeYears(DateOnly start, DateOnly end) : IBusinessRule
{
    public const int MinYears = 1;
    public const int MaxYears = 3;

    public static DateOnly EarliestEnd(DateOnly start) => start.AddYears(MinYears).AddDays(-1);

    public static DateOnly LatestEnd(DateOnly start) => start.AddYears(MaxYears).AddDays(-1);

    public bool IsBroken() => end < EarliestEnd(start) || end > LatestEnd(start);

    public string Message => $"A plan spans 1 to 3 years: starting {start:yyyy-MM-dd}, it ends between {EarliestEnd(start):yyyy-MM-dd} and {LatestEnd(start):yyyy-MM-dd}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["earliestEnd"] = EarliestEnd(start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["latestEnd"] = LatestEnd(start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public string? Field => "endDate";
}

/// <summary>Only a draft's content is edited; an approved plan changes through a new version (revise).</summary>
[RuleCode("plan-not-editable")]
public sealed class PlanMustBeEditable(PlanStatus status) : IBusinessRule
{
    public bool IsBroken() => !PlanWorkflow.IsEditable(status);

    public string Message => status is PlanStatus.Approved or PlanStatus.Active
        ? $"A plan in status {status} is not edited: revise it to make a new version, which needs approval again."
        : $"A plan in status {status} is not edited; only a Draft is.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>Initiatives and manual actuals move while the plan is worked on (Draft, Approved, Active), not while it waits for approval or after its end.</summary>
[RuleCode("plan-not-in-progress")]
public sealed class PlanMustTrackProgress(PlanStatus status) : IBusinessRule
{
    public bool IsBroken() => !PlanWorkflow.TracksProgress(status);

    public string Message => $"A plan in status {status} records no progress; only Draft, Approved and Active plans do.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>A new version is made of a plan in force (Approved or Active).</summary>
[RuleCode("plan-not-in-force")]
public sealed class PlanMustBeInForce(PlanStatus status) : IBusinessRule
{
    public bool IsBroken() => !PlanWorkflow.IsInForce(status);

    public string Message => $"Only an Approved or Active plan is revised; this one is {status}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>A version is revised once: its one successor is where its changes are made (a second would fork the plan).</summary>
[RuleCode("plan-revision-exists")]
public sealed class PlanIsRevisedOnce(DevelopmentPlanId? revisionId) : IBusinessRule
{
    public bool IsBroken() => revisionId is not null;

    public string Message => "This plan version already has a newer version: open that one.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["revisionId"] = revisionId?.Value };
}

/// <summary>Reviews are held on Active plans.</summary>
[RuleCode("plan-not-active")]
public sealed class PlanMustBeActive(PlanStatus status) : IBusinessRule
{
    public bool IsBroken() => status != PlanStatus.Active;

    public string Message => $"Only an Active plan is reviewed; this one is {status}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>Submitting needs at least one objective and one initiative.</summary>
[RuleCode("plan-incomplete")]
public sealed class SubmittedPlanNeedsObjectivesAndInitiatives(int objectives, int initiatives) : IBusinessRule
{
    public bool IsBroken() => objectives == 0 || initiatives == 0;

    public string Message => objectives == 0
        ? "A plan is submitted with at least one objective."
        : "A plan is submitted with at least one initiative.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["objectives"] = objectives, ["initiatives"] = initiatives };

    public string? Field => objectives == 0 ? "objectives" : "initiatives";
}

/// <summary>Four eyes: a plan is never approved by the user who wrote it nor by the one who submitted it.</summary>
[RuleCode("plan-four-eyes")]
public sealed class PlanIsNotApprovedByItsAuthor(Users.UserId? author, Users.UserId? submitter, Users.UserId approver) : IBusinessRule
{
    public bool IsBroken() => author == approver || submitter == approver;

    public string Message => "A plan is approved by a Director other than its author and its submitter (four eyes).";

    public string? Field => author == approver ? "authorId" : "submittedBy";
}

/// <summary>At most one Approved or Active plan per account for overlapping periods.</summary>
[RuleCode("plan-overlaps")]
public sealed class PlanPeriodMustNotOverlapAPlanInForce(DevelopmentPlanId? overlapping) : IBusinessRule
{
    public bool IsBroken() => overlapping is not null;

    public string Message => "The account already has an Approved or Active plan for an overlapping period: complete, cancel or revise that one.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["planId"] = overlapping?.Value };

    public string? Field => "startDate";
}

/// <summary>Reviews come every 1 to 12 months.</summary>
[RuleCode("review-cadence-out-of-range")]
public sealed class ReviewCadenceMustBeOneToTwelveMonths(int months) : IBusinessRule
{
    public bool IsBroken() => months is < 1 or > 12;

    public string Message => "Reviews come every 1 to 12 months.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["min"] = 1, ["max"] = 12 };

    public string? Field => "reviewCadenceMonths";
}

/// <summary>A review is recorded on or after the plan's activation and not in the future.</summary>
[RuleCode("review-date-out-of-range")]
public sealed class ReviewIsNotInTheFuture(DateOnly heldOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => heldOn > today;

    public string Message => "A review is recorded once it was held: its date is not in the future.";

    public string? Field => "heldOn";
}

/// <summary>An objective, initiative or milestone falls within the plan's period.</summary>
[RuleCode("date-outside-plan-period")]
public sealed class DateMustLieWithinThePlan(DateOnly date, DateOnly start, DateOnly end, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => date < start || date > end;

    public string Message => $"The date falls within the plan's period, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["endDate"] = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public string? Field => fieldPath;
}

/// <summary>An initiative serves an objective of the same request (by its index).</summary>
[RuleCode("initiative-objective-unknown")]
public sealed class InitiativeObjectiveMustExist(int? index, int objectives, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => index is { } i && (i < 0 || i >= objectives);

    public string Message => $"objectiveIndex names one of the {objectives} objectives of the plan (0 to {objectives - 1}).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["count"] = objectives };

    public string? Field => fieldPath;
}

/// <summary>An id sent with an objective or initiative is one of this plan version's; new items carry none.</summary>
[RuleCode("plan-item-unknown")]
public sealed class PlanItemMustBelongToThePlan(bool known, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => !known;

    public string Message => "This id is not an item of this plan version; leave it out for a new item.";

    public string? Field => fieldPath;
}

/// <summary>Each objective and each initiative appears once in a save.</summary>
[RuleCode("plan-item-duplicated")]
public sealed class PlanItemMustAppearOnce(bool duplicate, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => duplicate;

    public string Message => "This item appears twice in the plan.";

    public string? Field => fieldPath;
}
