using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Tiering;

/// <summary>Why an account has its tier after a run.</summary>
public enum TierChangeReason
{
    Initial,
    Promoted,
    Demoted,
    Unchanged,
    Override,
}

/// <summary>An account as a run sees it: its score, current tier and any pinned tier.</summary>
/// <param name="TieBreak">Orders equal scores deterministically when a cap applies (the registration number).</param>
public sealed record TierCandidate(AccountId AccountId, decimal Score, Tier? PreviousTier, Tier? PinnedTier, string TieBreak);

public sealed record TierOutcome(AccountId AccountId, decimal Score, Tier? PreviousTier, Tier NewTier, TierChangeReason Reason);

/// <summary>
/// From scores to tiers: cut-offs, hysteresis (promotion needs the cut-off itself; demotion only below the current
/// tier's cut-off minus the margin), active overrides, then the cap on Strategic accounts (over the cap, the lowest
/// scores fall to Key; pinned Strategic accounts count against the cap and never fall).
/// </summary>
public static class TierDecision
{
    public static Tier ByCutoffs(decimal score, TierCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        return score >= cutoffs.Strategic ? Tier.Strategic : score >= cutoffs.Key ? Tier.Key : score >= cutoffs.Growth ? Tier.Growth : Tier.Standard;
    }

    /// <summary>The tier after hysteresis, before overrides and the cap.</summary>
    public static Tier WithHysteresis(decimal score, Tier? previous, TierCutoffs cutoffs, decimal margin)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var plain = ByCutoffs(score, cutoffs);
        if (previous is not { } current || plain <= current)
        {
            // New account, same tier or promotion (a lower enum value is a higher tier).
            return plain;
        }

        return score < cutoffs.For(current) - margin ? plain : current;
    }

    public static IReadOnlyList<TierOutcome> Decide(IReadOnlyList<TierCandidate> candidates, TierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(policy);
        var tiers = candidates.Select(c => c.PinnedTier ?? WithHysteresis(c.Score, c.PreviousTier, policy.Cutoffs, policy.HysteresisMargin)).ToArray();

        if (policy.StrategicCap is { } cap)
        {
            var pinned = candidates.Count(c => c.PinnedTier == Tier.Strategic);
            var free = Math.Max(cap - pinned, 0);
            var overCap = candidates
                .Select((c, i) => (c, i))
                .Where(x => x.c.PinnedTier is null && tiers[x.i] == Tier.Strategic)
                .OrderByDescending(x => x.c.Score).ThenBy(x => x.c.TieBreak, StringComparer.Ordinal)
                .Skip(free);
            foreach (var (_, i) in overCap)
            {
                tiers[i] = Tier.Key;
            }
        }

        return [.. candidates.Select((c, i) => new TierOutcome(c.AccountId, c.Score, c.PreviousTier, tiers[i], Reason(c, tiers[i])))];
    }

    private static TierChangeReason Reason(TierCandidate c, Tier final) =>
        c.PinnedTier is not null ? TierChangeReason.Override
        : c.PreviousTier is not { } previous ? TierChangeReason.Initial
        : final < previous ? TierChangeReason.Promoted
        : final > previous ? TierChangeReason.Demoted
        : TierChangeReason.Unchanged;
}
