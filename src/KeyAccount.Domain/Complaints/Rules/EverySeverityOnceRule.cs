using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("every-severity-once")]
public sealed class EverySeverityOnceRule(IReadOnlyList<SeverityScale> severities) : IBusinessRule
{
    public bool IsBroken() =>
        severities.Count != Enum.GetValues<Severity>().Length || severities.Select(s => s.Severity).Distinct().Count() != severities.Count;

    public string Message => "Give each severity (Low, Medium, High, Critical) exactly once.";

    public string? Field => "severities";
}
