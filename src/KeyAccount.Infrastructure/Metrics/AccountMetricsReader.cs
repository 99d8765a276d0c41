using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Metrics;

/// <summary>The account metrics of a list of accounts, one statement over <see cref="AccountMetricsSql"/>.</summary>
internal sealed class AccountMetricsReader(AppDbContext db) : IAccountMetrics
{
    private static readonly string Sql = $"""
        WITH {AccountMetricsSql.Cte("SELECT DISTINCT x.id AS account_id FROM unnest(@accounts) AS x(id)")}
        SELECT * FROM account_metrics
        """;

    public async Task<IReadOnlyList<AccountMetricsRow>> ReadAsync(IReadOnlyCollection<AccountId> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQueryRaw<Row>(
                Sql,
                [new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = accounts.Select(a => a.Value).ToArray() }, .. AccountMetricsSql.Parameters(now)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new AccountMetricsRow(
            new AccountId(r.AccountId), r.TtmRevenue, r.RevenueGrowth, r.GrossMarginPercent, r.AccountNps, r.ComplaintSlaCompliance, r.ContactCadenceCoverage))];
    }

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record Row(
        Guid AccountId, decimal TtmRevenue, decimal? RevenueGrowth, decimal? GrossMarginPercent, decimal? AccountNps, decimal? ComplaintSlaCompliance, decimal? ContactCadenceCoverage);
}
