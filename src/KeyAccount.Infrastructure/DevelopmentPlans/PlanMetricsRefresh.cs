using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.DevelopmentPlans;

/// <summary>
/// The metric refresh as facts and a decision (design §4). One statement gathers, for every plan in Draft, Submitted,
/// Approved or Active with at least one metric-bound objective, each objective's measure and stored figures and its
/// account's metrics (<see cref="AccountMetricsSql"/>, the one home of the six metrics); the domain's
/// <see cref="PlanProgress"/> — the one progress rule — decides each objective's and each plan's progress in memory;
/// the changes alone are written back in bulk (binary COPY into two temporary tables, then one statement), so that an
/// unchanged plan keeps its version (ETag). A plan changed by a user while the refresh ran (its version no longer the
/// one read) is left as the user saved it, for the next run.
/// </summary>
internal sealed class PlanMetricsRefresh(AppDbContext db) : IPlanMetricsRefresh
{
    private const string Refreshed = "('Draft', 'Submitted', 'Approved', 'Active')";

    private static readonly string FactsSql = $"""
        WITH measured AS (
            SELECT DISTINCT p.id, p.account_id
            FROM development_plans p
            JOIN plan_objectives o ON o.plan_id = p.id
            WHERE p.status IN {Refreshed} AND o.measure_source <> 'Manual' AND (@accounts::uuid[] IS NULL OR p.account_id = ANY(@accounts))
        ),
        {AccountMetricsSql.Cte("SELECT DISTINCT ms.account_id FROM measured ms")}
        SELECT p.id AS plan_id, p.xmin::text::bigint AS plan_version, p.progress AS plan_progress,
               o.id AS objective_id, o.measure_source, o.measure_unit, o.measure_direction, o.measure_baseline, o.measure_target,
               o.measure_currency, o.actual, o.progress,
               m.ttm_revenue, m.revenue_growth, m.gross_margin_percent, m.account_nps, m.complaint_sla_compliance, m.contact_cadence_coverage
        FROM measured ms
        JOIN development_plans p ON p.id = ms.id
        JOIN plan_objectives o ON o.plan_id = p.id
        LEFT JOIN account_metrics m ON m.account_id = ms.account_id
        ORDER BY p.id
        """;

    // Plans still at the version read are locked (a user's save waits, or has already changed the version and is
    // skipped); their changed objectives and changed progress are written in the same statement.
    private const string WriteSql = """
        WITH locked AS (
            SELECT p.id FROM development_plans p JOIN plan_refresh t ON t.id = p.id
            WHERE p.xmin = t.version
            FOR NO KEY UPDATE OF p
        ),
        objectives AS (
            UPDATE plan_objectives o SET actual = t.actual, actual_at = @now, progress = t.progress
            FROM objective_refresh t
            WHERE o.id = t.id AND o.plan_id IN (SELECT id FROM locked) AND o.measure_source <> 'Manual'
            RETURNING o.id
        ),
        plans AS (
            UPDATE development_plans p SET progress = t.progress
            FROM plan_refresh t
            WHERE p.id = t.id AND p.id IN (SELECT id FROM locked) AND p.progress IS DISTINCT FROM t.progress
            RETURNING p.id
        )
        SELECT (SELECT count(*) FROM locked)::int AS locked, (SELECT count(*) FROM objectives)::int AS objectives, (SELECT count(*) FROM plans)::int AS plans
        """;

    public async Task<PlanMetricsRefreshOutcome> RefreshAsync(DateTimeOffset now, IReadOnlyCollection<AccountId>? accounts, CancellationToken cancellationToken)
    {
        now = now.ToUniversalTime(); // timestamptz parameters take UTC instants only
        if (accounts is { Count: 0 })
        {
            return new PlanMetricsRefreshOutcome(0, 0, 0, 0);
        }

        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            return await RefreshInTransactionAsync(now, accounts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private async Task<PlanMetricsRefreshOutcome> RefreshInTransactionAsync(DateTimeOffset now, IReadOnlyCollection<AccountId>? accounts, CancellationToken cancellationToken)
    {
        // Joins the caller's transaction (a revenue import's) or owns one; SET LOCAL lasts until its end either way.
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'", cancellationToken).ConfigureAwait(false);

        var objectiveChanges = new List<(Guid Id, decimal? Actual, decimal? Progress)>();
        var planChanges = new List<(Guid Id, uint Version, decimal? Progress)>();
        var measures = 0;
        var facts = db.Database.SqlQueryRaw<FactRow>(
            FactsSql,
            [
                .. AccountMetricsSql.Parameters(now),
                new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)accounts?.Select(a => a.Value).ToArray() ?? DBNull.Value },
            ]);
        var plan = new List<FactRow>();
        await foreach (var row in facts.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (plan.Count > 0 && plan[0].PlanId != row.PlanId)
            {
                measures += Decide(plan, objectiveChanges, planChanges);
                plan.Clear();
            }

            plan.Add(row);
        }

        if (plan.Count > 0)
        {
            measures += Decide(plan, objectiveChanges, planChanges);
        }

        if (planChanges.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new PlanMetricsRefreshOutcome(measures, 0, 0, 0);
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync(
            """
            DROP TABLE IF EXISTS objective_refresh, plan_refresh;
            CREATE TEMP TABLE objective_refresh (id uuid PRIMARY KEY, actual numeric, progress numeric) ON COMMIT DROP;
            CREATE TEMP TABLE plan_refresh (id uuid PRIMARY KEY, version xid NOT NULL, progress numeric) ON COMMIT DROP;
            """,
            cancellationToken).ConfigureAwait(false);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY objective_refresh (id, actual, progress) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, actual, progress) in objectiveChanges)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, actual, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, progress, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY plan_refresh (id, version, progress) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var (id, version, progress) in planChanges)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(version, NpgsqlDbType.Xid, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(copy, progress, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE objective_refresh; ANALYZE plan_refresh", cancellationToken).ConfigureAwait(false);
        // ToList, not Single: a LINQ operator would wrap the statement in a subquery, where data-modifying CTEs may not be.
        var written = (await db.Database.SqlQueryRaw<WrittenRow>(WriteSql, new NpgsqlParameter("now", now))
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PlanMetricsRefreshOutcome(measures, written.Objectives, written.Plans, planChanges.Count - written.Locked);
    }

    /// <summary>
    /// One plan's objectives (the rows of one plan): each metric-bound objective's actual is its metric and its
    /// progress the domain's; manual objectives keep theirs; the plan's progress is the domain's mean. Returns the
    /// number of metric-bound objectives.
    /// </summary>
    private static int Decide(List<FactRow> rows, List<(Guid, decimal?, decimal?)> objectiveChanges, List<(Guid, uint, decimal?)> planChanges)
    {
        var measured = 0;
        var changed = false;
        var progresses = new List<decimal?>(rows.Count);
        foreach (var r in rows)
        {
            var source = Enum.Parse<MeasureSource>(r.MeasureSource);
            if (source == MeasureSource.Manual)
            {
                progresses.Add(r.Progress);
                continue;
            }

            measured++;
            var actual = r.Figures.Of(source);
            var progress = PlanProgress.OfObjective(r.ToMeasure(), actual);
            progresses.Add(progress);
            if (actual != r.Actual || progress != r.Progress)
            {
                objectiveChanges.Add((r.ObjectiveId, actual, progress));
                changed = true;
            }
        }

        var planProgress = PlanProgress.OfPlan(progresses);
        if (changed || planProgress != rows[0].PlanProgress)
        {
            planChanges.Add((rows[0].PlanId, (uint)rows[0].PlanVersion, planProgress));
        }

        return measured;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, decimal? value, CancellationToken cancellationToken) =>
        value is { } v ? copy.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record FactRow(
        Guid PlanId, long PlanVersion, decimal? PlanProgress, Guid ObjectiveId, string MeasureSource, string MeasureUnit, string MeasureDirection,
        decimal MeasureBaseline, decimal MeasureTarget, string? MeasureCurrency, decimal? Actual, decimal? Progress,
        decimal? TtmRevenue, decimal? RevenueGrowth, decimal? GrossMarginPercent, decimal? AccountNps, decimal? ComplaintSlaCompliance, decimal? ContactCadenceCoverage)
    {
        public AccountFigures Figures => new(TtmRevenue, RevenueGrowth, GrossMarginPercent, AccountNps, ComplaintSlaCompliance, ContactCadenceCoverage);

        public Measure ToMeasure() => new(
            Enum.Parse<MeasureUnit>(MeasureUnit), Enum.Parse<MeasureDirection>(MeasureDirection), MeasureBaseline, MeasureTarget, MeasureCurrency, Enum.Parse<MeasureSource>(MeasureSource));
    }

    private sealed record WrittenRow(int Locked, int Objectives, int Plans);
}
