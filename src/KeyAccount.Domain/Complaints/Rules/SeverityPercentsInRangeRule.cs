using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("severity-percent-out-of-range")]
public sealed class SeverityPercentsInRangeRule(IReadOnlyList<SeverityScale> severities) : IBusinessRule
{
    public bool IsBroken() => severities.Any(s => s.FirstResponsePercent is < 5 or > 500 || s.ResolutionPercent is < 5 or > 500);

    public string Message => "Severity percentages must be between 5 and 500.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["min"] = 5, ["max"] = 500 };

    public string? Field => "severities";
}
