namespace KeyAccount.Domain.Tiering;

/// <summary>
/// What a run knows about one account's criteria, gathered set-based by the database in one pass. A percentile-ranked
/// criterion (design §1.2) comes as the account's percent rank, 0–100, among the active accounts that have a value —
/// ranking needs every account at once, which is the database's work — or null when the account has none (growth
/// without a previous year, margin without revenue, no potential estimate). Trailing revenue and relationship length
/// always have one (no revenue is 0, no contract is 0 years). Strategic fit and NPS come as they are; their scales are
/// decided here.
/// </summary>
public readonly record struct ScoringFacts(
    decimal TrailingRevenueRank,
    decimal? RevenueGrowthRank,
    decimal? GrossMarginRank,
    int? StrategicFit,
    decimal? PotentialValueRank,
    decimal RelationshipLengthRank,
    int? LatestNps);

/// <summary>Each criterion normalised to 0–100: what a score is made of, and what the tier history keeps.</summary>
public readonly record struct NormalisedCriteria(
    decimal TrailingRevenue,
    decimal RevenueGrowth,
    decimal GrossMargin,
    decimal StrategicFit,
    decimal PotentialValue,
    decimal RelationshipLength,
    decimal Satisfaction)
{
    public decimal this[Criterion criterion] => criterion switch
    {
        Criterion.TrailingRevenue => TrailingRevenue,
        Criterion.RevenueGrowth => RevenueGrowth,
        Criterion.GrossMargin => GrossMargin,
        Criterion.StrategicFit => StrategicFit,
        Criterion.PotentialValue => PotentialValue,
        Criterion.RelationshipLength => RelationshipLength,
        Criterion.Satisfaction => Satisfaction,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, null),
    };
}

/// <summary>One criterion's part of a score.</summary>
public sealed record CriterionScore(Criterion Criterion, decimal Normalised, int Weight, decimal Contribution);

/// <summary>
/// Scoring (design §1.2): the facts normalised to 0–100 — a criterion without data is the neutral 50, strategic fit
/// 1–5 is linear to 0–100, NPS −100..100 is linear to 0–100 — and the score, Σ weight × normalised / 100 in 0–100.
/// The only implementation: tiering runs and simulations score with it (TieringEngine), and the tier history's
/// breakdown is read back with it.
/// </summary>
public static class TierScoring
{
    public const decimal Neutral = 50m;

    public static NormalisedCriteria Normalise(in ScoringFacts facts) => new(
        facts.TrailingRevenueRank,
        facts.RevenueGrowthRank ?? Neutral,
        facts.GrossMarginRank ?? Neutral,
        facts.StrategicFit is { } fit ? (fit - 1) * 25m : Neutral,
        facts.PotentialValueRank ?? Neutral,
        facts.RelationshipLengthRank,
        facts.LatestNps is { } nps ? (nps + 100) / 2m : Neutral);

    /// <summary>
    /// Points a criterion adds, to 4 places. Rounded half away from zero, as the history's numeric columns and every
    /// SQL reader of them round (.NET rounds half to even by default, which would differ at x.xxxx5).
    /// </summary>
    public static decimal Contribution(int weight, decimal normalised) =>
        Math.Round(weight * normalised / 100m, 4, MidpointRounding.AwayFromZero);

    /// <summary>The score: the sum of the contributions, rounded to 2 places (so a breakdown adds up to it within 0.005).</summary>
    public static decimal Score(in NormalisedCriteria normalised, IReadOnlyList<CriterionWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Contribution(weights[i].Weight, normalised[weights[i].Criterion]);
        }

        return Math.Round(sum, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Each weighted criterion's normalised value, weight and contribution, in the policy's order.</summary>
    public static IReadOnlyList<CriterionScore> Breakdown(in NormalisedCriteria normalised, IReadOnlyList<CriterionWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var parts = new CriterionScore[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var (criterion, weight) = (weights[i].Criterion, weights[i].Weight);
            parts[i] = new CriterionScore(criterion, normalised[criterion], weight, Contribution(weight, normalised[criterion]));
        }

        return parts;
    }
}
