using KeyAccount.Domain.Accounts;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>
/// The figures KeyAccount computes about an account that a development plan's measure can be bound to, as facts at
/// one instant (design §1.3: nobody types in what the system knows). Percentages are 0–100 with two decimals.
/// </summary>
/// <param name="TtmRevenue">Trailing-12-month revenue, tiering's definition (the 12 whole months before this month); 0 without revenue.</param>
/// <param name="RevenueGrowth">TTM revenue against the previous 12 months, in %; null when the previous 12 months had no (or no positive) revenue.</param>
/// <param name="GrossMarginPercent">TTM gross profit ÷ TTM revenue × 100; null when the TTM revenue is not positive.</param>
/// <param name="AccountNps">The latest account NPS (−100..100) from the satisfaction seam; null while the account has none (no survey capability yet).</param>
/// <param name="ComplaintSlaCompliance">
/// Of the account's complaints received in the last 12 months whose SLA outcome is known (resolved or closed, or a
/// clock breached), the % resolved or closed with neither clock breached; null when there is none.
/// </param>
/// <param name="ContactCadenceCoverage">
/// Of the tier's cadence periods in the trailing 12 months (consecutive periods of the cadence's length counted back
/// from now, as many as fit in 365 days, and only those that end after the account was created), the % with at
/// least one interaction; 100 when the tier has no cadence.
/// </param>
public sealed record AccountMetricsRow(
    AccountId AccountId,
    decimal TtmRevenue,
    decimal? RevenueGrowth,
    decimal? GrossMarginPercent,
    decimal? AccountNps,
    decimal? ComplaintSlaCompliance,
    decimal? ContactCadenceCoverage)
{
    /// <summary>The figures as a development plan's measures read them.</summary>
    public Domain.DevelopmentPlans.AccountFigures Figures => new(TtmRevenue, RevenueGrowth, GrossMarginPercent, AccountNps, ComplaintSlaCompliance, ContactCadenceCoverage);
}

/// <summary>The account metrics of many accounts, read set-based (one statement whatever their number).</summary>
public interface IAccountMetrics
{
    /// <summary>The metrics of the given accounts (those that exist) as of <paramref name="now"/>.</summary>
    Task<IReadOnlyList<AccountMetricsRow>> ReadAsync(IReadOnlyCollection<AccountId> accounts, DateTimeOffset now, CancellationToken cancellationToken);
}
