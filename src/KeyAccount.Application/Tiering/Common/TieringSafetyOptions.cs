using KeyAccount.Domain.Tiering;

namespace KeyAccount.Application.Tiering.Common;

/// <summary>The tiering safety check (configuration section <c>Tiering</c>).</summary>
public sealed class TieringSafetyOptions
{
    public const string Section = "Tiering";

    /// <summary>A simulation flags, and a publish asks to acknowledge, a tier that would lose or gain more than this share of its accounts, in percent.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 1000)]
    public decimal ShiftLimitPercent { get; set; } = TierShifts.DefaultLimitPercent;
}
