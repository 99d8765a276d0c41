using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>A target equal to its baseline measures nothing.</summary>
[RuleCode("measure-target-equals-baseline")]
public sealed class MeasureTargetMustDifferFromBaseline(Measure measure, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => measure.Target == measure.Baseline;

    public string Message => "The target differs from the baseline.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["baseline"] = measure.Baseline };

    public string? Field => fieldPath;
}

/// <summary>A higher-is-better target lies above its baseline, a lower-is-better one below it.</summary>
[RuleCode("measure-target-wrong-direction")]
public sealed class MeasureTargetMustLieInItsDirection(Measure measure, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => measure.Target != measure.Baseline
        && (measure.Direction == MeasureDirection.HigherIsBetter ? measure.Target < measure.Baseline : measure.Target > measure.Baseline);

    public string Message => measure.Direction == MeasureDirection.HigherIsBetter
        ? "Higher is better: the target lies above the baseline."
        : "Lower is better: the target lies below the baseline.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["direction"] = measure.Direction.ToString(), ["baseline"] = measure.Baseline };

    public string? Field => fieldPath;
}

/// <summary>A metric source fixes the measure's unit (TTM revenue is money, NPS a number, the rest percentages).</summary>
[RuleCode("measure-unit-mismatch")]
public sealed class MetricSourceFixesTheUnit(Measure measure, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => Measure.UnitOf(measure.Source) is { } unit && unit != measure.Unit;

    public string Message => $"The metric {measure.Source} is measured in {Measure.UnitOf(measure.Source)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["source"] = measure.Source.ToString(), ["unit"] = Measure.UnitOf(measure.Source)?.ToString() };

    public string? Field => fieldPath;
}

/// <summary>A measure in currency names its currency (ISO 4217).</summary>
[RuleCode("measure-currency-required")]
public sealed class CurrencyMeasureNeedsACurrency(Measure measure, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => measure.Unit == MeasureUnit.Currency ? !Money.IsCurrencyCode(measure.Currency) : measure.Currency is not null;

    public string Message => measure.Unit == MeasureUnit.Currency
        ? "A measure in currency names its currency: a three-letter ISO 4217 code such as CNY."
        : "Only a measure in currency has a currency.";

    public string? Field => fieldPath;
}

/// <summary>Nobody types in what the system knows: a metric-sourced measure's actual value is computed.</summary>
[RuleCode("measure-actual-computed")]
public sealed class ComputedMeasureTakesNoTypedActual(Measure measure, bool typed, string fieldPath) : IBusinessRule
{
    public bool IsBroken() => typed && measure.IsComputed;

    public string Message => $"This measure's actual value is computed by KeyAccount from {measure.Source}; it is not typed in.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["source"] = measure.Source.ToString() };

    public string? Field => fieldPath;
}
