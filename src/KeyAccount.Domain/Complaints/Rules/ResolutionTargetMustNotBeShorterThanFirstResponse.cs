using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("resolution-shorter-than-first-response")]
public sealed class ResolutionTargetMustNotBeShorterThanFirstResponse(TimeSpan firstResponse, TimeSpan resolution) : IBusinessRule
{
    public bool IsBroken() => firstResponse <= TimeSpan.Zero || resolution < firstResponse;

    public string Message => "Targets must be positive and the resolution target may not be shorter than the first-response target.";

    public string? Field => "resolutionHours";
}
