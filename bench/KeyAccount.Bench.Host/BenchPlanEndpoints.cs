using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Bench.Host;

/// <summary>
/// The plans benchmark's raw-SQL baselines (deploy/bench/plans.sh), written by hand as a competent developer would:
/// (a) the development plans list's first page under a filter, as a director (who sees every account) sees it, and
/// (b) the first page of the accounts that need a plan. Same pool, no auth, no mediator, no EF.
/// </summary>
internal static partial class BenchEndpoints
{
    // Only the filters asked for go into the statement (no "$1 IS NULL OR …" catch-alls, which defeat the planner).
    private const string PlanColumns = """
        SELECT p.id, p.account_id, a.name, a.tier, p.title, p.owner_id, u.display_name, p.status, p.plan_version,
               p.start_date, p.end_date, p.progress,
               (SELECT count(*)::int FROM plan_objectives o WHERE o.plan_id = p.id),
               p.initiatives_total, p.initiatives_done, p.earliest_open_due_date, p.next_review_due, p.updated_at
        FROM development_plans p
        JOIN accounts a ON a.id = p.account_id
        LEFT JOIN users u ON u.id = p.owner_id
        """;

    // Accounts that need a plan (design §1.3, as the application defines it): active accounts whose tier the published
    // programme marks DevelopmentPlanRequired and that no Approved or Active plan covers today. Why: Expired when the
    // latest-ending plan that reached approval has ended (or was completed), else NotApproved when there is a draft or
    // submission, else NoPlan. Written by hand as one statement: the page in name order, then its reasons; the total
    // counted apart.
    private const string NeedingWhere = """
        WHERE a.status = 'Active'
          AND a.tier IN (SELECT x."Tier" FROM tier_policies tp CROSS JOIN LATERAL jsonb_to_recordset(tp.programme) AS x("Tier" text, "DevelopmentPlanRequired" boolean)
                         WHERE tp.status = 'Published' AND x."DevelopmentPlanRequired")
          AND NOT EXISTS (SELECT 1 FROM development_plans c
                          WHERE c.account_id = a.id AND c.status IN ('Approved', 'Active') AND c.start_date <= $1 AND c.end_date >= $1)
        """;

    private const string NeedingCountSql = "SELECT count(*)::int FROM accounts a\n" + NeedingWhere;

    private const string NeedingPageSql = """
        WITH page AS (
            SELECT a.id, a.name, a.tier, a.owner_id FROM accounts a
        """ + "\n" + NeedingWhere + """

            ORDER BY a.name, a.id
            LIMIT $2
        )
        SELECT pg.id, pg.name, pg.tier, pg.owner_id, u.display_name,
               ap.id, ap.status, ap.end_date, ap.end_date < $1 OR ap.status = 'Completed', dp.id, dp.status, dp.end_date
        FROM page pg
        LEFT JOIN users u ON u.id = pg.owner_id
        LEFT JOIN LATERAL (SELECT p.id, p.status, p.end_date FROM development_plans p
                           WHERE p.account_id = pg.id AND p.status IN ('Approved', 'Active', 'Completed', 'Superseded')
                           ORDER BY p.end_date DESC, p.plan_version DESC LIMIT 1) ap ON true
        LEFT JOIN LATERAL (SELECT p.id, p.status, p.end_date FROM development_plans p
                           WHERE p.account_id = pg.id AND p.status IN ('Draft', 'Submitted')
                           ORDER BY p.updated_at DESC LIMIT 1) dp ON true
        ORDER BY pg.name, pg.id
        """;

    private static void MapPlans(WebApplication app, RouteGroupBuilder raw)
    {
        // One metric refresh of every measure through the application: what PlanMetricsRefreshJob runs.
        app.MapPost("/bench/plan-metric-refresh", async (IPlanMetricsRefresh refresh, CancellationToken ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await refresh.RefreshAsync(DateTimeOffset.UtcNow, null, ct);
            return Results.Ok(new
            {
                measures = outcome.Measures,
                objectivesChanged = outcome.ObjectivesChanged,
                plansChanged = outcome.PlansChanged,
                plansSkipped = outcome.PlansSkipped,
                seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            });
        }).AllowAnonymous().ExcludeFromDescription();

        raw.MapGet("/development-plans", async (string[]? status, Guid? ownerId, bool? overdue, int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var today = BeijingToday();
            var where = new StringBuilder(" WHERE true");
            var args = new List<NpgsqlParameter>();
            if (status is { Length: > 0 })
            {
                args.Add(new NpgsqlParameter { Value = status, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                where.Append(CultureInfo.InvariantCulture, $" AND p.status = ANY(${args.Count})");
            }

            if (ownerId is { } owner)
            {
                args.Add(new NpgsqlParameter { Value = owner });
                where.Append(CultureInfo.InvariantCulture, $" AND p.owner_id = ${args.Count}");
            }

            if (overdue == true)
            {
                args.Add(new NpgsqlParameter { Value = today });
                where.Append(CultureInfo.InvariantCulture, $" AND p.earliest_open_due_date < ${args.Count}");
            }

            await using var connection = await dataSource.OpenConnectionAsync(ct);
            int total;
            await using (var count = new NpgsqlCommand("SELECT count(*)::int FROM development_plans p" + where, connection))
            {
                foreach (var a in args)
                {
                    count.Parameters.Add(a.Clone());
                }

                total = (int)(await count.ExecuteScalarAsync(ct))!;
            }

            await using var command = new NpgsqlCommand(PlanColumns + where + $" ORDER BY p.updated_at DESC, p.id DESC LIMIT ${args.Count + 1}", connection);
            foreach (var a in args)
            {
                command.Parameters.Add(a);
            }

            command.Parameters.Add(new NpgsqlParameter { Value = size });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<object>(size);
            while (await reader.ReadAsync(ct))
            {
                DateOnly? Date(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);
                var earliestOpen = Date(15);
                var nextReview = Date(16);
                items.Add(new
                {
                    id = reader.GetGuid(0),
                    accountId = reader.GetGuid(1),
                    accountName = reader.GetString(2),
                    accountTier = reader.GetString(3),
                    title = reader.GetString(4),
                    ownerId = reader.GetGuid(5),
                    ownerName = reader.IsDBNull(6) ? null : reader.GetString(6),
                    status = reader.GetString(7),
                    planVersion = reader.GetInt32(8),
                    startDate = reader.GetFieldValue<DateOnly>(9),
                    endDate = reader.GetFieldValue<DateOnly>(10),
                    progress = reader.IsDBNull(11) ? (decimal?)null : reader.GetDecimal(11),
                    objectivesCount = reader.GetInt32(12),
                    initiativesTotal = reader.GetInt32(13),
                    initiativesDone = reader.GetInt32(14),
                    hasOverdueInitiatives = earliestOpen < today,
                    nextReviewDue = nextReview,
                    reviewDue = nextReview <= today,
                    updatedAt = reader.GetFieldValue<DateTimeOffset>(17),
                });
            }

            return Results.Ok(new { items, page = 1, pageSize = size, totalCount = total });
        });

        raw.MapGet("/accounts-needing-plan", async (int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var today = BeijingToday();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            int total;
            await using (var count = new NpgsqlCommand(NeedingCountSql, connection))
            {
                count.Parameters.Add(new NpgsqlParameter { Value = today });
                total = (int)(await count.ExecuteScalarAsync(ct))!;
            }

            await using var command = new NpgsqlCommand(NeedingPageSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = today });
            command.Parameters.Add(new NpgsqlParameter { Value = size });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<object>(size);
            while (await reader.ReadAsync(ct))
            {
                Guid? Id(int i) => reader.IsDBNull(i) ? null : reader.GetGuid(i);
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                DateOnly? Date(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);
                var ended = !reader.IsDBNull(8) && reader.GetBoolean(8);
                var draft = Id(9);
                var (reason, plan) = ended ? ("Expired", 5) : draft is not null ? ("NotApproved", 9) : ("NoPlan", 5);
                items.Add(new
                {
                    accountId = reader.GetGuid(0),
                    accountName = reader.GetString(1),
                    tier = reader.GetString(2),
                    ownerId = reader.GetGuid(3),
                    ownerName = Text(4),
                    reason,
                    planId = Id(plan),
                    planStatus = Text(plan + 1),
                    planEndDate = Date(plan + 2),
                });
            }

            return Results.Ok(new { items, page = 1, pageSize = size, totalCount = total });
        });
    }

    /// <summary>Today in Beijing (UTC+8, no daylight saving), the business's calendar day.</summary>
    private static DateOnly BeijingToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
