using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Tiering;

[RuleCode("weights-must-sum-to-100")]
public sealed class WeightsMustSumToHundredRule(IReadOnlyCollection<CriterionWeight> criteria) : IBusinessRule
{
    public bool IsBroken() => criteria.Sum(c => c.Weight) != 100;

    public string Message => $"The weights must sum to 100 (they sum to {criteria.Sum(c => c.Weight)}).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["sum"] = criteria.Sum(c => c.Weight) };

    public string? Field => "criteria";
}

[RuleCode("weight-out-of-range")]
public sealed class WeightsMustBeWholePercentagesRule(IReadOnlyCollection<CriterionWeight> criteria) : IBusinessRule
{
    public bool IsBroken() => criteria.Any(c => c.Weight is < 0 or > 100);

    public string Message => "Each weight must be between 0 and 100.";

    public string? Field => "criteria";
}

[RuleCode("criteria-not-distinct")]
public sealed class CriteriaMustBeDistinctRule(IReadOnlyCollection<CriterionWeight> criteria) : IBusinessRule
{
    public bool IsBroken() => criteria.Count == 0 || criteria.GroupBy(c => c.Criterion).Any(g => g.Count() > 1);

    public string Message => "A policy lists each criterion at most once, and at least one.";

    public string? Field => "criteria";
}

[RuleCode("cutoffs-out-of-order")]
public sealed class CutoffsMustDescendWithinZeroToHundredRule(TierCutoffs cutoffs) : IBusinessRule
{
    public bool IsBroken() => !(cutoffs.Strategic <= 100 && cutoffs.Strategic > cutoffs.Key && cutoffs.Key > cutoffs.Growth && cutoffs.Growth > 0);

    public string Message => "Cut-offs must be in order: 100 ≥ Strategic > Key > Growth > 0.";

    public string? Field => "cutoffs";
}

[RuleCode("hysteresis-margin-out-of-range")]
public sealed class HysteresisMarginMustBeBetweenZeroAndTwentyRule(decimal margin) : IBusinessRule
{
    public bool IsBroken() => margin is < 0 or > 20;

    public string Message => "The hysteresis margin must be between 0 and 20 points.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["min"] = 0, ["max"] = 20 };

    public string? Field => "hysteresisMargin";
}

[RuleCode("strategic-cap-not-positive")]
public sealed class StrategicCapMustBePositiveRule(int? cap) : IBusinessRule
{
    public bool IsBroken() => cap is < 1;

    public string Message => "A cap on Strategic accounts must be at least 1.";

    public string? Field => "strategicCap";
}

[RuleCode("programme-incomplete")]
public sealed class ProgrammeMustCoverEveryTierOnceRule(IReadOnlyCollection<ServiceLevel> programme) : IBusinessRule
{
    public bool IsBroken() =>
        programme.Count != Enum.GetValues<Tier>().Length
        || programme.Select(p => p.Tier).Distinct().Count() != programme.Count
        || programme.Any(p => p.FirstResponseHours < 1 || p.ResolutionHours < p.FirstResponseHours || p.ContactCadenceDays is < 1 || p.SurveysPerYear is < 0 or > 12);

    public string Message => "The service programme has one row per tier, with a first response of at least an hour, a resolution no sooner than the first response, a cadence of at least a day and 0–12 surveys a year.";

    public string? Field => "programme";
}

[RuleCode("policy-not-draft")]
public sealed class OnlyADraftPolicyCanChangeRule(PolicyStatus status) : IBusinessRule
{
    public bool IsBroken() => status != PolicyStatus.Draft;

    public string Message => "A published policy is frozen; create a new draft to change it.";
}

[RuleCode("policy-already-published")]
public sealed class OnlyADraftPolicyCanBePublishedRule(PolicyStatus status) : IBusinessRule
{
    public bool IsBroken() => status != PolicyStatus.Draft;

    public string Message => "This policy has already been published.";
}

[RuleCode("override-reason-required")]
public sealed class OverrideNeedsAReasonRule(string? reason) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);

    public string Message => "A tier override needs a reason.";

    public string? Field => "reason";
}

[RuleCode("override-expiry-not-future")]
public sealed class OverrideMustExpireInTheFutureRule(DateOnly expiresOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => expiresOn <= today;

    public string Message => "A tier override must expire after today.";

    public string? Field => "expiresOn";
}
