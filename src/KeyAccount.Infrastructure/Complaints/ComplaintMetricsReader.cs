using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Complaints;

/// <summary>
/// Complaint metrics in SQL: one GROUPING SETS pass yields the overall figures and those per tier, category and
/// department; percentiles by percentile_cont. The SLA figures read the state the complaint aggregate stores (each
/// clock's breach flag, the overall SLA state, stopped) and recompute nothing from timestamps: a target is met when it
/// was not breached, and counts once its clock has an outcome — answered or breached (first response), resolved or
/// breached (resolution).
/// </summary>
internal sealed class ComplaintMetricsReader(AppDbContext db) : IComplaintMetricsReader
{
    private static string Scoped(string filter) => $"""
        scoped AS (
            SELECT c.* FROM complaints c JOIN accounts a ON a.id = c.account_id
            WHERE {filter}
        )
        """;

    private static readonly AccountScopeSql.Scoped FiguresSql = AccountScopeSql.Statement(filter => $"""
        WITH {Scoped(filter)}
        SELECT CASE WHEN grouping(tier_at_intake) = 0 THEN 'tier'
                    WHEN grouping(category) = 0 THEN 'category'
                    WHEN grouping(department) = 0 THEN 'department'
                    ELSE 'all' END AS dimension,
               CASE WHEN grouping(tier_at_intake) = 0 THEN tier_at_intake
                    WHEN grouping(category) = 0 THEN category
                    WHEN grouping(department) = 0 THEN coalesce(department, 'Unassigned')
                    ELSE 'all' END AS key,
               count(*)::int AS complaints,
               (100.0 * count(*) FILTER (WHERE first_responded_at IS NOT NULL AND NOT first_response_breached)
                   / nullif(count(*) FILTER (WHERE first_responded_at IS NOT NULL OR first_response_breached), 0))::numeric AS first_response_compliance,
               (100.0 * count(*) FILTER (WHERE is_stopped AND NOT resolution_breached)
                   / nullif(count(*) FILTER (WHERE is_stopped OR resolution_breached), 0))::numeric AS resolution_compliance,
               (count(*) FILTER (WHERE first_response_breached))::int AS first_response_breaches,
               (count(*) FILTER (WHERE resolution_breached))::int AS resolution_breaches,
               (count(*) FILTER (WHERE sla_state = 'AtRisk'))::int AS at_risk,
               (count(*) FILTER (WHERE sla_state = 'Breached'))::int AS breached,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_responded_at - received_at) / 3600))::numeric AS median_first_response_hours,
               (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_responded_at - received_at) / 3600))::numeric AS p90first_response_hours,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at) / 3600))::numeric AS median_resolution_hours,
               (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at) / 3600))::numeric AS p90resolution_hours
        FROM scoped
        WHERE received_at >= @from AND received_at < @to
        GROUP BY GROUPING SETS ((), (tier_at_intake), (category), (department))
        """);

    private static readonly AccountScopeSql.Scoped RootCausesSql = AccountScopeSql.Statement(filter => $"""
        WITH {Scoped(filter)}
        SELECT root_cause, count(*)::int AS complaints
        FROM scoped
        WHERE root_cause IS NOT NULL AND received_at >= @from AND received_at < @to
        GROUP BY root_cause
        """);

    private static readonly AccountScopeSql.Scoped RecurringSql = AccountScopeSql.Statement(filter => $"""
        WITH {Scoped(filter)}
        SELECT s.account_id, a.name AS account_name, s.root_cause, count(*)::int AS complaints, max(s.received_at) AS last_received_at
        FROM scoped s JOIN accounts a ON a.id = s.account_id
        WHERE s.root_cause IS NOT NULL AND s.received_at >= @window_start AND s.received_at < @to
        GROUP BY s.account_id, a.name, s.root_cause
        HAVING count(*) >= @threshold
        ORDER BY count(*) DESC, a.name
        """);

    public async Task<ComplaintMetricsRows> ReadAsync(AccountScope scope, DateTimeOffset since, DateTimeOffset until, TimeSpan recurringWindow, int recurringThreshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        object[] Parameters() =>
        [
            .. AccountScopeSql.Parameters(scope),
            new NpgsqlParameter("from", since),
            new NpgsqlParameter("to", until),
            new NpgsqlParameter("window_start", until - recurringWindow),
            new NpgsqlParameter("threshold", recurringThreshold),
        ];
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var figures = await db.Database.SqlQueryRaw<FiguresRow>(FiguresSql.For(scope), Parameters()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var causes = await db.Database.SqlQueryRaw<CauseRow>(RootCausesSql.For(scope), Parameters()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var recurring = await db.Database.SqlQueryRaw<RecurringRow>(RecurringSql.For(scope), Parameters()).ToListAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ComplaintMetricsRows(
            [.. figures.Select(f => new ComplaintFiguresRow(f.Dimension, f.Key, f.Complaints, f.FirstResponseCompliance, f.ResolutionCompliance,
                f.FirstResponseBreaches, f.ResolutionBreaches, f.AtRisk, f.Breached, f.MedianFirstResponseHours, f.P90FirstResponseHours, f.MedianResolutionHours, f.P90ResolutionHours))],
            [.. causes.Select(c => new RootCauseCountRow(Enum.Parse<RootCause>(c.RootCause), c.Complaints))],
            [.. recurring.Select(r => new RecurringRootCauseRow(new AccountId(r.AccountId), r.AccountName, Enum.Parse<RootCause>(r.RootCause), r.Complaints, r.LastReceivedAt))]);
    }

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record FiguresRow(
        string Dimension, string Key, int Complaints, decimal? FirstResponseCompliance, decimal? ResolutionCompliance,
        int FirstResponseBreaches, int ResolutionBreaches, int AtRisk, int Breached, decimal? MedianFirstResponseHours, decimal? P90FirstResponseHours, decimal? MedianResolutionHours, decimal? P90ResolutionHours);

    private sealed record CauseRow(string RootCause, int Complaints);

    private sealed record RecurringRow(Guid AccountId, string AccountName, string RootCause, int Complaints, DateTimeOffset LastReceivedAt);
}
