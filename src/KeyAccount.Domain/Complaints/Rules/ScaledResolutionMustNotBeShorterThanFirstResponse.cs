using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("scaled-resolution-shorter-than-first-response")]
public sealed class ScaledResolutionMustNotBeShorterThanFirstResponse(Accounts.Tier tier, Severity severity, TimeSpan firstResponse, TimeSpan resolution) : IBusinessRule
{
    public bool IsBroken() => resolution < firstResponse;

    public string Message =>
        $"{tier} × {severity} would get a resolution target ({resolution.TotalHours:0.#} h) shorter than its first-response target ({firstResponse.TotalHours:0.#} h).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["tier"] = tier.ToString(),
        ["severity"] = severity.ToString(),
        ["firstResponseHours"] = Math.Round(firstResponse.TotalHours, 1),
        ["resolutionHours"] = Math.Round(resolution.TotalHours, 1),
    };

    public string? Field => "severities";
}
