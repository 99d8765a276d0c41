using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Application.Complaints.GetComplaintMetrics;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Application.DevelopmentPlans.ListPlans;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
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

/// <summary>A cell of the health heat-map: active accounts of a tier whose stored health (the health job's) is in a band.</summary>
/// <param name="Tier">The account's tier.</param>
/// <param name="Band">The stored health band: Green (70–100), Amber (40–69), Red (&lt; 40).</param>
/// <param name="Accounts">Active accounts in scope with that tier and band. For Amber and Red this is the total of GET /api/v1/dashboard/at-risk?band=…&amp;tier=….</param>
public sealed record HealthHeatCellDto(Tier Tier, HealthBand Band, int Accounts);

/// <summary>One month of the NPS/CSAT trend: the survey responses received in it (business calendar, UTC+8), scored as a campaign is.</summary>
/// <param name="Month" example="2026-11-01">The month's first day.</param>
/// <param name="Respondents">Responses with an NPS answer.</param>
/// <param name="Nps">NPS of those responses (% promoters − % detractors); null with none.</param>
/// <param name="WeightedNps">The same weighted by the respondents' buying roles; null with none.</param>
/// <param name="Ratings">Rating answers given in the month.</param>
/// <param name="Csat">Share of those ratings that are 4 or 5, percent; null with none.</param>
public sealed record SatisfactionMonthDto(DateOnly Month, int Respondents, int? Nps, int? WeightedNps, int Ratings, int? Csat);

/// <summary>SLA compliance of the complaints received in the last 90 days, as the complaint metrics compute it.</summary>
/// <param name="From">The period's start (UTC, inclusive); the list: GET /api/v1/complaints?receivedFrom=…&amp;receivedTo=….</param>
/// <param name="To">The period's end (UTC, exclusive): when the dashboard was read.</param>
/// <param name="Complaints">Complaints received in the period.</param>
/// <param name="FirstResponseCompliance">Percent answered within the first-response target, of those whose clock has an outcome; null when none.</param>
/// <param name="ResolutionCompliance">Percent resolved within the resolution target, of those whose clock has an outcome; null when none.</param>
/// <param name="AtRisk">Complaints of the period whose stored SLA state is AtRisk (the list: `slaState=AtRisk` with the period).</param>
/// <param name="Breached">Complaints of the period whose stored SLA state is Breached (the list: `slaState=Breached` with the period).</param>
public sealed record DashboardSlaDto(DateTimeOffset From, DateTimeOffset To, int Complaints, decimal? FirstResponseCompliance, decimal? ResolutionCompliance, int AtRisk, int Breached);

/// <summary>The portfolio: tier distribution and revenue share, the Pareto curve and the value matrix, and the figures of the other lists behind the dashboard.</summary>
/// <param name="AsOf">Revenue counts the 12 complete months before this day.</param>
/// <param name="Accounts">Active accounts in scope.</param>
/// <param name="Revenue">Their revenue of the last 12 complete months (null for callers without revenue:read).</param>
/// <param name="TopFifthRevenueShare">Share of revenue held by the top 20 % of accounts, percent (the "80/20" figure; null for callers without revenue:read).</param>
/// <param name="Tiers">One row per tier, Strategic first.</param>
/// <param name="Pareto">Up to 100 points, one per percentile of accounts (empty for callers without revenue:read).</param>
/// <param name="ValueMatrix">The non-empty cells of the 3×3 matrix, plus cells with an unestimated potential (empty for callers without revenue:read).</param>
/// <param name="AccountsNeedingPlan">Active accounts whose tier requires a development plan and that have no Approved or Active plan covering today (the list: GET /api/v1/development-plans/accounts-needing-plan).</param>
/// <param name="AccountsNeedingPlanByReason">That figure per reason, one row for each reason (zeros included), in the order NoPlan, NotApproved, Expired.</param>
/// <param name="HealthHeatMap">Active accounts per tier and stored health band: every tier × band, zeros included, Strategic and Green first. Accounts the health job has not assessed yet are in no cell.</param>
/// <param name="HealthComputedAt">When the health job last computed the stored health counted (null when none is stored).</param>
/// <param name="SatisfactionTrend">NPS and CSAT per month of the last 12 (the current month included, oldest first), over the survey responses of the accounts in scope; empty for callers without surveys:read.</param>
/// <param name="Sla">Complaint SLA compliance of the last 90 days; null for callers without complaints:read.</param>
/// <param name="AccountsOverdueForContact">Active accounts past their tier's contact cadence (the total of GET /api/v1/dashboard/overdue-contacts).</param>
/// <param name="PlansAtRisk">Plans at risk: Approved or Active plans with an initiative past its due date and not Done, from the dates each plan stores (the total of GET /api/v1/development-plans?status=Approved&amp;status=Active&amp;overdue=true; with `ownerId`, the plans that manager owns). Null for callers without plans:read.</param>
public sealed record PortfolioDto(
    DateOnly AsOf,
    int Accounts,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal? Revenue,
    decimal? TopFifthRevenueShare,
    IReadOnlyList<PortfolioTierDto> Tiers,
    IReadOnlyList<ParetoPointDto> Pareto,
    IReadOnlyList<ValueMatrixCellDto> ValueMatrix,
    int AccountsNeedingPlan,
    IReadOnlyList<PlanNeedCountDto> AccountsNeedingPlanByReason,
    IReadOnlyList<HealthHeatCellDto> HealthHeatMap,
    DateTimeOffset? HealthComputedAt,
    IReadOnlyList<SatisfactionMonthDto> SatisfactionTrend,
    DashboardSlaDto? Sla,
    int AccountsOverdueForContact,
    int? PlansAtRisk);

/// <summary>The caller's portfolio (an AccountManager's own and team accounts; everyone else's, all), or one manager's.</summary>
public sealed record GetPortfolioQuery(UserId? OwnerId) : IQuery<PortfolioDto>;

/// <summary>
/// Each figure is read from the home of the list it opens: tiers, Pareto and matrix from <see cref="IPortfolioReader"/>;
/// accounts needing a plan from <see cref="IPlanCoverage"/>; the heat-map from the stored health
/// (<see cref="IAccountHealthStore"/>, as the at-risk list); the overdue count from <see cref="IAccountSignals"/> (the
/// overdue-contacts list); the SLA figures from <see cref="IComplaintMetricsReader"/> mapped as the complaint metrics
/// map them; the satisfaction trend from the stored survey groups (<see cref="ISurveyResultsReader"/>) scored by
/// <see cref="SurveyScores"/>; the plans at risk with the plans list's own filter.
/// </summary>
public sealed class GetPortfolioHandler(
    IPortfolioReader reader,
    IPlanCoverage coverage,
    IAccountHealthStore health,
    IAccountSignals signals,
    IComplaintMetricsReader complaints,
    ISurveyResultsReader surveys,
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock) : IQueryHandler<GetPortfolioQuery, PortfolioDto>
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
        var extra = await ReadOtherFiguresAsync(query, scope, now, cancellationToken).ConfigureAwait(false);
        var accounts = figures.Tiers.Sum(t => t.Accounts);
        var revenue = figures.Tiers.Sum(t => t.Revenue);
        decimal Share(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
        var pareto = figures.Pareto.Select(p => new ParetoPointDto(p.Rank, Share(p.Rank, accounts), Share(p.CumulativeRevenue, revenue))).ToList();
        var topFifth = pareto.Where(p => p.AccountShare <= 20m).Select(p => p.RevenueShare).DefaultIfEmpty(0m).Max();
        if (!user.Can(Permissions.RevenueRead))
        {
            // A role that may not read revenue sees no revenue figure: counts and shares of accounts only.
            return new PortfolioDto(today, accounts, null, null, [.. figures.Tiers.Select(t => new PortfolioTierDto(t.Tier, t.Accounts, Share(t.Accounts, accounts), null, null))], [], [], needing, byReason,
                extra.HeatMap, extra.ComputedAt, extra.Trend, extra.Sla, extra.Overdue, extra.PlansAtRisk);
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
            byReason,
            extra.HeatMap,
            extra.ComputedAt,
            extra.Trend,
            extra.Sla,
            extra.Overdue,
            extra.PlansAtRisk);
    }

    private async Task<OtherFigures> ReadOtherFiguresAsync(GetPortfolioQuery query, AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await health.CountByTierAsync(scope, cancellationToken).ConfigureAwait(false);
        List<HealthHeatCellDto> heatMap =
        [
            .. from tier in Enum.GetValues<Tier>()
               from band in Enum.GetValues<HealthBand>()
               select new HealthHeatCellDto(tier, band, stored.Cells.Where(c => c.Tier == tier && c.Band == band).Sum(c => c.Accounts)),
        ];

        // The overdue-contacts list's own total (its first row's window count, or its count when it is empty).
        var (_, overdue) = await signals.ReadOverdueAsync(scope, now, 0, 1, cancellationToken).ConfigureAwait(false);

        DashboardSlaDto? sla = null;
        if (user.Can(Permissions.ComplaintsRead))
        {
            var from = now - GetComplaintMetricsHandler.DefaultPeriod;
            var raw = await complaints.ReadAsync(scope, from, now, GetComplaintMetricsHandler.RecurringWindow, GetComplaintMetricsHandler.RecurringThreshold, cancellationToken).ConfigureAwait(false);
            var all = GetComplaintMetricsHandler.Overall(raw);
            sla = new DashboardSlaDto(from, now, all.Complaints, all.FirstResponseCompliance, all.ResolutionCompliance, all.AtRisk, all.Breached);
        }

        List<SatisfactionMonthDto> trend = [];
        if (user.Can(Permissions.SurveysRead))
        {
            var today = BusinessDay.Today(now);
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
            var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), BusinessDay.Offset);
            var months = await surveys.ReadMonthlyAsync(scope, since, BusinessDay.Offset, cancellationToken).ConfigureAwait(false);
            for (var month = first; month <= today; month = month.AddMonths(1))
            {
                var counts = months.FirstOrDefault(m => m.Month == month)?.Counts ?? SurveyGroupCounts.None;
                var nps = SurveyScores.Nps(counts.Promoters, counts.Passives, counts.Detractors);
                trend.Add(new SatisfactionMonthDto(month, nps.Respondents, nps.Score, SurveyFigures.WeightedNps(counts), counts.Ratings, SurveyFigures.Csat(counts)));
            }
        }

        int? plansAtRisk = null;
        if (user.Can(Permissions.PlansRead))
        {
            var filter = new ListPlansQuery { OwnerId = query.OwnerId, Status = PlansAtRiskStatuses, Overdue = true };
            plansAtRisk = await ListPlansHandler.Filter(db, user, clock.Today(), filter).CountAsync(cancellationToken).ConfigureAwait(false);
        }

        return new OtherFigures(heatMap, stored.ComputedAt, trend, sla, overdue, plansAtRisk);
    }

    /// <summary>A plan at risk is one in force or about to be (Approved, Active) with an overdue initiative.</summary>
    public static readonly IReadOnlyList<PlanStatus> PlansAtRiskStatuses = [PlanStatus.Approved, PlanStatus.Active];

    private sealed record OtherFigures(
        IReadOnlyList<HealthHeatCellDto> HeatMap, DateTimeOffset? ComputedAt, IReadOnlyList<SatisfactionMonthDto> Trend, DashboardSlaDto? Sla, int Overdue, int? PlansAtRisk);
}
