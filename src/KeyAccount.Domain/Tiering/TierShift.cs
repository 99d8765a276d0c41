using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Tiering;

/// <summary>How one tier's size would change: accounts before and after, the change in percent of before, and whether it is over the limit.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Before" example="60">Accounts in it now.</param>
/// <param name="After" example="1">Accounts in it after the run.</param>
/// <param name="ChangePercent" example="-98.3">(after − before) ÷ before, in percent, one decimal; null when the tier is empty now.</param>
/// <param name="OverLimit">Whether the tier loses or gains more than the limit's share of its accounts (an empty tier that gains any is over it).</param>
public sealed record TierShift(Tier Tier, int Before, int After, decimal? ChangePercent, bool OverLimit);

/// <summary>
/// The safety check of a policy change (issue 14): a simulation and a publish compare each tier's size before and
/// after; a tier that would lose or gain more than <see cref="DefaultLimitPercent"/> % of its accounts is flagged, so
/// that nobody moves Strategic from 60 accounts to 1 without being told.
/// </summary>
public static class TierShifts
{
    public const decimal DefaultLimitPercent = 20m;

    /// <summary>Every tier, from the counts before and after (missing tiers count 0), in tier order.</summary>
    public static IReadOnlyList<TierShift> Compare(IReadOnlyDictionary<Tier, int> before, IReadOnlyDictionary<Tier, int> after, decimal limitPercent)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfNegative(limitPercent);
        return
        [
            .. Enum.GetValues<Tier>().Select(tier =>
            {
                var was = before.GetValueOrDefault(tier);
                var will = after.GetValueOrDefault(tier);
                decimal? change = was == 0 ? null : Math.Round((will - was) * 100m / was, 1, MidpointRounding.AwayFromZero);
                var over = was == 0 ? will > 0 : Math.Abs(will - was) * 100m > limitPercent * was;
                return new TierShift(tier, was, will, change, over);
            }),
        ];
    }
}

/// <summary>
/// Publishing a policy that would move a tier by more than the limit needs an explicit acknowledgement
/// (<c>acknowledgeShift=true</c>): a 409 naming the tiers otherwise.
/// </summary>
[RuleCode("tier-shift-over-limit")]
public sealed class TierShiftMustBeAcknowledged(IReadOnlyList<TierShift> shifts, decimal limitPercent, bool acknowledged) : IBusinessRule
{
    private readonly IReadOnlyList<TierShift> _over = [.. shifts.Where(s => s.OverLimit)];

    public bool IsBroken() => !acknowledged && _over.Count > 0;

    public string Message =>
        $"Under this policy {string.Join(", ", _over.Select(s => $"{s.Tier} would go from {s.Before} to {s.After} accounts"))}: more than {limitPercent:0.#} % of a tier. Simulate it, then publish with acknowledgeShift=true if that is intended.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["tiers"] = string.Join(", ", _over.Select(s => $"{s.Tier} {s.Before} → {s.After}")),
        ["limit"] = limitPercent,
    };

    public string? Field => "acknowledgeShift";
}
