using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// How an objective is measured: its unit, which way is better, where it starts (baseline) and where it should get
/// (target), and where its actual value comes from. A metric source fixes the unit (TTM revenue is money, the others are
/// percentages or, for NPS, points), so that a measure can never compare a metric with a figure of another kind.
/// </summary>
public sealed record Measure(MeasureUnit Unit, MeasureDirection Direction, decimal Baseline, decimal Target, string? Currency, MeasureSource Source)
{
    /// <summary>The unit a metric source's values come in; null for <see cref="MeasureSource.Manual"/> (any unit).</summary>
    public static MeasureUnit? UnitOf(MeasureSource source) => source switch
    {
        MeasureSource.Manual => null,
        MeasureSource.TtmRevenue => MeasureUnit.Currency,
        MeasureSource.AccountNps => MeasureUnit.Number,
        _ => MeasureUnit.Percent,
    };

    /// <summary>Whether the actual value is computed by KeyAccount (then nobody may type it in).</summary>
    public bool IsComputed => Source != MeasureSource.Manual;

    /// <summary>The rules a measure keeps; <paramref name="field"/> is the request path of the objective (e.g. <c>objectives[2]</c>).</summary>
    internal IEnumerable<IBusinessRule> Rules(string field)
    {
        yield return new MeasureTargetMustDifferFromBaseline(this, field + ".target");
        yield return new MeasureTargetMustLieInItsDirection(this, field + ".target");
        yield return new MetricSourceFixesTheUnit(this, field + ".unit");
        yield return new CurrencyMeasureNeedsACurrency(this, field + ".currency");
    }
}
