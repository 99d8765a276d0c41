using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Dashboard.GetPortfolio;

/// <summary>One tier's share of the portfolio.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Accounts">Active accounts in it.</param>
/// <param name="AccountShare">Their share of the active accounts, percent.</param>
/// <param name="Revenue">Their revenue of the last 12 complete months (null for callers without revenue:read).</param>
/// <param name="RevenueShare">Its share of the portfolio's revenue, percent (null for callers without revenue:read).</param>
public sealed record PortfolioTierDto(Tier Tier, int Accounts, decimal AccountShare, [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal? Revenue, decimal? RevenueShare);

/// <summary>A point of the Pareto curve: the top <paramref name="Rank"/> accounts by revenue are <paramref name="AccountShare"/> % of the accounts and hold <paramref name="RevenueShare"/> % of the revenue.</summary>
/// <param name="Rank">Number of top accounts counted (by revenue, highest first).</param>
/// <param name="AccountShare">Those accounts as a share of all accounts in scope, percent.</param>
/// <param name="RevenueShare">Their share of the revenue in scope, percent.</param>
public sealed record ParetoPointDto(int Rank, decimal AccountShare, decimal RevenueShare);

/// <summary>A cell of the value matrix: current value (revenue percentile third) × potential value (estimate percentile third; null when not estimated). Callers without revenue:read get no matrix.</summary>
/// <param name="Current">Current value: the third of the revenue percentile (Low, Medium, High).</param>
/// <param name="Potential">Potential value: the third of the estimated potential's percentile; null for accounts without an estimate.</param>
/// <param name="Accounts">Active accounts in the cell.</param>
/// <param name="Revenue">Their revenue of the last 12 complete months.</param>
public sealed record ValueMatrixCellDto(ValueBand Current, ValueBand? Potential, int Accounts, [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal Revenue);

/// <summary>How many accounts need a development plan for one reason.</summary>
/// <param name="Reason">NoPlan, NotApproved (only a Draft or Submitted plan) or Expired (the last approved plan has ended).</param>
/// <param name="Accounts">Accounts in scope needing a plan for it.</param>
public sealed record PlanNeedCountDto(PlanNeedReason Reason, int Accounts);

/// <summary>The portfolio: tier distribution and revenue share, the Pareto curve and the value matrix.</summary>
/// <param name="AsOf">Revenue counts the 12 complete months before this day.</param>
/// <param name="Accounts">Active accounts in scope.</param>
/// <param name="Revenue">Their revenue of the last 12 complete months (null for callers without revenue:read).</param>
/// <param name="TopFifthRevenueShare">Share of revenue held by the top 20 % of accounts, percent (the "80/20" figure; null for callers without revenue:read).</param>
/// <param name="Tiers">One row per tier, Strategic first.</param>
/// <param name="Pareto">Up to 100 points, one per percentile of accounts (empty for callers without revenue:read).</param>
/// <param name="ValueMatrix">The non-empty cells of the 3×3 matrix, plus cells with an unestimated potential (empty for callers without revenue:read).</param>
/// <param name="AccountsNeedingPlan">Active accounts whose tier requires a development plan and that have no Approved or Active plan covering today (the list: GET /api/v1/development-plans/accounts-needing-plan).</param>
/// <param name="AccountsNeedingPlanByReason">That figure per reason, one row for each reason (zeros included), in the order NoPlan, NotApproved, Expired.</param>
public sealed record PortfolioDto(
    DateOnly AsOf,
    int Accounts,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal? Revenue,
    decimal? TopFifthRevenueShare,
    IReadOnlyList<PortfolioTierDto> Tiers,
    IReadOnlyList<ParetoPointDto> Pareto,
    IReadOnlyList<ValueMatrixCellDto> ValueMatrix,
    int AccountsNeedingPlan,
    IReadOnlyList<PlanNeedCountDto> AccountsNeedingPlanByReason);

/// <summary>The caller's portfolio (an AccountManager's own and team accounts; everyone else's, all), or one manager's.</summary>
public sealed record GetPortfolioQuery(UserId? OwnerId) : IQuery<PortfolioDto>;

public sealed class GetPortfolioHandler(IPortfolioReader reader, IPlanCoverage coverage, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPortfolioQuery, PortfolioDto>
{
    public async ValueTask<PortfolioDto> Handle(GetPortfolioQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var scope = user.Scope(query.OwnerId);
        var figures = await reader.ReadAsync(scope, today, cancellationToken).ConfigureAwait(false);
        var needs = await coverage.CountAsync(scope, PlanDay.Today(now), cancellationToken).ConfigureAwait(false);
        List<PlanNeedCountDto> byReason = [.. Enum.GetValues<PlanNeedReason>().Select(r => new PlanNeedCountDto(r, needs.GetValueOrDefault(r)))];
        var needing = byReason.Sum(r => r.Accounts);
        var accounts = figures.Tiers.Sum(t => t.Accounts);
        var revenue = figures.Tiers.Sum(t => t.Revenue);
        decimal Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
        var pareto = figures.Pareto.Select(p => new ParetoPointDto(p.Rank, Share(p.Rank, accounts), Share(p.CumulativeRevenue, revenue))).ToList();
        var topFifth = pareto.Where(p => p.AccountShare <= 20m).Select(p => p.RevenueShare).DefaultIfEmpty(0m).Max();
        if (!user.Can(Permissions.RevenueRead))
        {
            // A role that may not read revenue sees no revenue figure: counts and shares of accounts only.
            return new PortfolioDto(today, accounts, null, null, [.. figures.Tiers.Select(t => new PortfolioTierDto(t.Tier, t.Accounts, Share(t.Accounts, accounts), null, null))], [], [], needing, byReason);
        }

        return new PortfolioDto(
            today,
            accounts,
            revenue,
            topFifth,
            [.. figures.Tiers.Select(t => new PortfolioTierDto(t.Tier, t.Accounts, Share(t.Accounts, accounts), t.Revenue, Share(t.Revenue, revenue)))],
            pareto,
            [.. figures.Matrix.OrderByDescending(c => c.Current).ThenByDescending(c => c.Potential).Select(c => new ValueMatrixCellDto(c.Current, c.Potential, c.Accounts, c.Revenue))],
            needing,
            byReason);
    }
}
