namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// The figures KeyAccount computes about one account at one instant, as a measure reads them (design §1.3: nobody types
/// in what the system knows). This is the one place that says which figure a <see cref="MeasureSource"/> is bound to;
/// the figures themselves are gathered set-based elsewhere. Percentages are 0–100; a null figure means the account has
/// no data for it yet.
/// </summary>
public sealed record AccountFigures(
    decimal? TtmRevenue,
    decimal? RevenueGrowth,
    decimal? GrossMarginPercent,
    decimal? AccountNps,
    decimal? ComplaintSlaCompliance,
    decimal? ContactCadenceCoverage)
{
    /// <summary>The figure a measure with this source reads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A manual source has no figure: its actual is typed in.</exception>
    public decimal? Of(MeasureSource source) => source switch
    {
        MeasureSource.TtmRevenue => TtmRevenue,
        MeasureSource.RevenueGrowth => RevenueGrowth,
        MeasureSource.GrossMarginPercent => GrossMarginPercent,
        MeasureSource.AccountNps => AccountNps,
        MeasureSource.ComplaintSlaCompliance => ComplaintSlaCompliance,
        MeasureSource.ContactCadenceCoverage => ContactCadenceCoverage,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "A manual measure's actual value is typed in, not computed."),
    };
}
