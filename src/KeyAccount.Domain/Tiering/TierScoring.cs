using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Tiering;

/// <summary>What a tiering run knows about one account (the SQL of a run computes the same facts set-based).</summary>
public sealed record AccountFacts(
    decimal TrailingRevenue,
    decimal PreviousTrailingRevenue,
    decimal TrailingGrossProfit,
    int? StrategicFit,
    decimal? PotentialValue,
    DateOnly? FirstContractDate,
    int? LatestNps);

/// <summary>One criterion's part of a score.</summary>
public sealed record CriterionScore(Criterion Criterion, decimal Normalised, int Weight, decimal Contribution);

/// <summary>
/// Scoring (design §1.2). Percentile-ranked criteria use PostgreSQL's <c>percent_rank()</c> definition —
/// (number of values strictly below) ÷ (n − 1) × 100, ties sharing the lower rank, a single value scoring 0 — so
/// the set-based SQL of a run and this code agree. A criterion without data for an account (growth without a
/// previous year, margin without revenue, no strategic fit, no potential estimate, no survey answer) is the
/// neutral 50; an account without revenue has a trailing revenue of 0.
/// </summary>
public static class TierScoring
{
    public const decimal Neutral = 50m;

    public static decimal[] PercentRanks(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var sorted = values.Order().ToArray();
        return [.. values.Select(v => n <= 1 ? 0m : Math.Round(LowerBound(sorted, v) * 100m / (n - 1), 4))];
    }

    /// <summary>Normalised 0–100 value of every criterion for every account, in input order.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<Criterion, decimal>> Normalise(IReadOnlyList<AccountFacts> accounts, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var revenue = PercentRanks([.. accounts.Select(a => a.TrailingRevenue)]);
        var growth = RanksOfPresent([.. accounts.Select(Growth)]);
        var margin = RanksOfPresent([.. accounts.Select(Margin)]);
        var potential = RanksOfPresent([.. accounts.Select(a => a.PotentialValue)]);
        var years = PercentRanks([.. accounts.Select(a => Years(a.FirstContractDate, runDate))]);
        return
        [
            .. accounts.Select((a, i) => (IReadOnlyDictionary<Criterion, decimal>)new Dictionary<Criterion, decimal>
            {
                [Criterion.TrailingRevenue] = revenue[i],
                [Criterion.RevenueGrowth] = growth[i] ?? Neutral,
                [Criterion.GrossMargin] = margin[i] ?? Neutral,
                [Criterion.StrategicFit] = a.StrategicFit is { } fit ? (fit - 1) * 25m : Neutral,
                [Criterion.PotentialValue] = potential[i] ?? Neutral,
                [Criterion.RelationshipLength] = years[i],
                [Criterion.Satisfaction] = a.LatestNps is { } nps ? (nps + 100) / 2m : Neutral,
            }),
        ];
    }

    /// <summary>Score = Σ weightᵢ × normalisedᵢ / 100, rounded to 2 decimals, with the per-criterion breakdown.</summary>
    public static (decimal Score, IReadOnlyList<CriterionScore> Breakdown) Score(IReadOnlyDictionary<Criterion, decimal> normalised, IReadOnlyList<CriterionWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        ArgumentNullException.ThrowIfNull(weights);
        var parts = weights.Select(w => new CriterionScore(w.Criterion, normalised[w.Criterion], w.Weight, Math.Round(w.Weight * normalised[w.Criterion] / 100m, 4))).ToList();
        return (Math.Round(parts.Sum(p => p.Contribution), 2, MidpointRounding.AwayFromZero), parts);
    }

    public static decimal? Growth(AccountFacts a) =>
        a.PreviousTrailingRevenue > 0 ? (a.TrailingRevenue - a.PreviousTrailingRevenue) / a.PreviousTrailingRevenue : null;

    public static decimal? Margin(AccountFacts a) => a.TrailingRevenue > 0 ? a.TrailingGrossProfit / a.TrailingRevenue : null;

    public static decimal Years(DateOnly? firstContract, DateOnly runDate) =>
        firstContract is { } d && d < runDate ? (runDate.DayNumber - d.DayNumber) / 365.25m : 0m;

    private static decimal?[] RanksOfPresent(IReadOnlyList<decimal?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        var ranks = PercentRanks(present);
        var result = new decimal?[values.Count];
        for (int i = 0, j = 0; i < values.Count; i++)
        {
            result[i] = values[i].HasValue ? ranks[j++] : null;
        }

        return result;
    }

    private static int LowerBound(decimal[] sorted, decimal value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
