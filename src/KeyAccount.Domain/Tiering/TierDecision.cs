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

/// <summary>An account as a run finds it.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="RegistrationNumber">Orders equal scores at the Strategic cap (see <see cref="TierDecision.Decide"/>).</param>
/// <param name="CurrentTier">Its tier before the run.</param>
/// <param name="TieredBefore">Whether a run has tiered it before (it has history); if not, the run is its first (no hysteresis; Initial when the tier stays).</param>
/// <param name="Override">Its tier override, in force or not; the run decides whether it applies.</param>
/// <param name="Facts">What the database gathered about its criteria.</param>
public sealed record TierCandidate(AccountId AccountId, string RegistrationNumber, Tier CurrentTier, bool TieredBefore, TierOverride? Override, ScoringFacts Facts);

/// <summary>One account's result in a run: the tier history's row, and whether its tier changes.</summary>
/// <param name="PreviousTier">The tier the last run left it with; null in its first run.</param>
public sealed record TierOutcome(
    AccountId AccountId,
    string RegistrationNumber,
    decimal Score,
    NormalisedCriteria Normalised,
    Tier CurrentTier,
    Tier? PreviousTier,
    Tier NewTier,
    TierChangeReason Reason)
{
    /// <summary>The run changes the account's tier (an event, a notification, a new service programme).</summary>
    public bool Moves => NewTier != CurrentTier;
}

/// <summary>
/// From facts to tiers, the one implementation a run and a simulation use (design §1.2, §4): score, cut-offs,
/// hysteresis (promotion needs the cut-off itself; demotion only below the current tier's cut-off minus the margin),
/// overrides in force, then the cap on Strategic accounts, and the reason for each.
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

    /// <summary>
    /// Every candidate's outcome, in input order. An override applies when it is in force on the run date
    /// (<see cref="TierOverride.IsActiveOn"/>); an expired one is ignored and the account is decided like any other.
    /// Over the Strategic cap the lowest scores fall to Key; pinned Strategic accounts count against the cap and never
    /// fall; among equal scores at the cap the lower registration number (ordinal comparison) stays Strategic, so a
    /// run's result never depends on the order the database returned the accounts in.
    /// </summary>
    public static IReadOnlyList<TierOutcome> Decide(IReadOnlyList<TierCandidate> candidates, TierPolicy policy, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(policy);
        var n = candidates.Count;
        var scores = new decimal[n];
        var normalised = new NormalisedCriteria[n];
        var pinned = new Tier?[n];
        var tiers = new Tier[n];
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            normalised[i] = TierScoring.Normalise(c.Facts);
            scores[i] = TierScoring.Score(normalised[i], policy.Criteria);
            pinned[i] = c.Override is { } o && o.IsActiveOn(runDate) ? o.Tier : null;
            tiers[i] = pinned[i] ?? WithHysteresis(scores[i], Previous(c), policy.Cutoffs, policy.HysteresisMargin);
        }

        if (policy.StrategicCap is { } cap)
        {
            var free = Math.Max(cap - pinned.Count(p => p == Tier.Strategic), 0);
            var overCap = Enumerable.Range(0, n)
                .Where(i => pinned[i] is null && tiers[i] == Tier.Strategic)
                .OrderByDescending(i => scores[i]).ThenBy(i => candidates[i].RegistrationNumber, StringComparer.Ordinal)
                .Skip(free);
            foreach (var i in overCap)
            {
                tiers[i] = Tier.Key;
            }
        }

        var outcomes = new TierOutcome[n];
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            var previous = Previous(c);
            outcomes[i] = new TierOutcome(c.AccountId, c.RegistrationNumber, scores[i], normalised[i], c.CurrentTier, previous, tiers[i], Reason(c, pinned[i], tiers[i]));
        }

        return outcomes;
    }

    private static Tier? Previous(TierCandidate c) => c.TieredBefore ? c.CurrentTier : null;

    /// <summary>
    /// Against the tier the account has now (a run's or one set when it was created or imported): promoted or demoted
    /// when it moves — in its first run too, where an imported Strategic account that falls to Key is Demoted, not
    /// "Initial" —, Initial when its first run keeps it where it was, Unchanged afterwards.
    /// </summary>
    private static TierChangeReason Reason(TierCandidate candidate, Tier? pinned, Tier final) =>
        pinned is not null ? TierChangeReason.Override
        : final < candidate.CurrentTier ? TierChangeReason.Promoted
        : final > candidate.CurrentTier ? TierChangeReason.Demoted
        : candidate.TieredBefore ? TierChangeReason.Unchanged
        : TierChangeReason.Initial;
}
