using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Tiering;

/// <summary>
/// Portfolio aggregates in one pass over the active accounts in scope: trailing-12-month revenue per account, then
/// totals per tier, the cumulative revenue at the last rank of each percentile of accounts (≤ 100 Pareto points), and
/// the 3×3 value matrix (percentile-rank thirds of current and potential value, as in tiering).
/// </summary>
internal sealed class PortfolioReader(AppDbContext db) : IPortfolioReader
{
    private static string Base(string filter) => $"""
        WITH scoped AS (
            SELECT a.id, a.tier, a.potential_revenue_amount AS potential,
                   coalesce((SELECT sum(r.revenue) FROM revenue_records r
                             WHERE r.account_id = a.id AND r.month >= @ttm_start AND r.month < @this_month), 0) AS ttm
            FROM accounts a
            WHERE a.status = 'Active'
              AND {filter}
        ),
        ranked AS (
            SELECT s.*, row_number() OVER (ORDER BY ttm DESC, id) AS rnk, count(*) OVER () AS n,
                   sum(ttm) OVER (ORDER BY ttm DESC, id ROWS UNBOUNDED PRECEDING) AS cumulative,
                   percent_rank() OVER (ORDER BY ttm) AS pr_current,
                   CASE WHEN potential IS NOT NULL THEN percent_rank() OVER (PARTITION BY potential IS NULL ORDER BY potential) END AS pr_potential
            FROM scoped s
        )
        """;

    private static string Band(string column) =>
        $"CASE WHEN {column} IS NULL THEN NULL WHEN {column} < 1.0 / 3 THEN 'Low' WHEN {column} < 2.0 / 3 THEN 'Medium' ELSE 'High' END";

    private static readonly AccountScopeSql.Scoped TiersSql = AccountScopeSql.Statement(filter =>
        $"{Base(filter)} SELECT tier, count(*)::int AS accounts, sum(ttm) AS revenue FROM ranked GROUP BY tier");

    private static readonly AccountScopeSql.Scoped ParetoSql = AccountScopeSql.Statement(filter => $"""
        {Base(filter)}
        SELECT DISTINCT ON (ceil(rnk * 100.0 / n)) rnk::int AS rank, cumulative AS cumulative_revenue
        FROM ranked ORDER BY ceil(rnk * 100.0 / n), rnk DESC
        """);

    private static readonly AccountScopeSql.Scoped MatrixSql = AccountScopeSql.Statement(filter => $"""
        {Base(filter)}
        SELECT {Band("pr_current")} AS current_band, {Band("pr_potential")} AS potential_band, count(*)::int AS accounts, sum(ttm) AS revenue
        FROM ranked GROUP BY 1, 2
        """);

    public async Task<PortfolioFigures> ReadAsync(AccountScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        object[] Parameters() =>
        [
            .. AccountScopeSql.Parameters(scope),
            new NpgsqlParameter("this_month", thisMonth),
            new NpgsqlParameter("ttm_start", thisMonth.AddMonths(-12)),
        ];

        // Three statements over the same CTE, in one repeatable-read snapshot so that their figures agree.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var tiers = await db.Database.SqlQueryRaw<TierRow>(
            TiersSql.For(scope), Parameters())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pareto = await db.Database.SqlQueryRaw<ParetoRow>(
            ParetoSql.For(scope), Parameters())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var matrix = await db.Database.SqlQueryRaw<CellRow>(
            MatrixSql.For(scope), Parameters())
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return new PortfolioFigures(
            [.. Enum.GetValues<Tier>().Select(t => tiers.FirstOrDefault(r => r.Tier == t.ToString()) is { } r
                ? new PortfolioTierRow(t, r.Accounts, r.Revenue)
                : new PortfolioTierRow(t, 0, 0m))],
            [.. pareto.OrderBy(p => p.Rank).Select(p => new ParetoPointRow(p.Rank, p.CumulativeRevenue))],
            [.. matrix.Select(c => new ValueMatrixCellRow(Enum.Parse<ValueBand>(c.CurrentBand), c.PotentialBand is null ? null : Enum.Parse<ValueBand>(c.PotentialBand), c.Accounts, c.Revenue))]);
    }

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record TierRow(string Tier, int Accounts, decimal Revenue);

    private sealed record ParetoRow(int Rank, decimal CumulativeRevenue);

    private sealed record CellRow(string CurrentBand, string? PotentialBand, int Accounts, decimal Revenue);
}
