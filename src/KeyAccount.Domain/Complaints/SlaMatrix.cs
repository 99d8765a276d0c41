using KeyAccount.Domain.Tiering;

namespace KeyAccount.Domain.Complaints;

/// <summary>
/// Tier × severity → SLA targets (design §1.5). The tier's service programme gives the targets for Low and Medium;
/// High takes 75 % of them and Critical half (Strategic: 4 h / 48 h → Critical 2 h / 1 day, the design's example).
/// A change of programme applies to complaints received after it: targets are copied onto each complaint at intake.
/// </summary>
public static class SlaMatrix
{
    public static decimal SeverityFactor(Severity severity) => severity switch
    {
        Severity.Critical => 0.5m,
        Severity.High => 0.75m,
        _ => 1m,
    };

    public static SlaTargets For(ServiceLevel level, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(level);
        var factor = SeverityFactor(severity);
        return SlaTargets.Create(
            TimeSpan.FromMinutes((double)(level.FirstResponseHours * 60 * factor)),
            TimeSpan.FromMinutes((double)(level.ResolutionHours * 60 * factor)));
    }
}
