using System.Globalization;
using System.Text.Json;
using KeyAccount.Application.Complaints.EscalateComplaints;
using KeyAccount.Application.Health.RecomputeHealth;
using Mediator;
using Npgsql;

namespace KeyAccount.Bench.Host;

/// <summary>
/// The benchmarks' endpoints (deploy/bench.sh), added to the API by this host only: raw-Npgsql baselines in the same
/// process and on the same data source (pool and connection string) as the full stack, with no auth, no mediator and
/// no EF; and triggers for the jobs a benchmark times (the escalation scan, the health recompute).
/// </summary>
internal static partial class BenchEndpoints
{
    private const string SingleSql = """
        SELECT a.id, a.name, a.registration_number, a.industry, a.region, a.segment, a.status, a.tier, a.owner_id,
               (SELECT u.display_name FROM users u WHERE u.id = a.owner_id LIMIT 1), a.strategic_fit,
               a.potential_revenue_amount, a.potential_revenue_currency, a.first_contract_date, a.created_at, a.updated_at, a.xmin
        FROM accounts a WHERE a.id = $1 LIMIT 1
        """;

    private const string CountSql = "SELECT count(*)::int FROM accounts a WHERE a.tier = $1";

    private const string ListSql = """
        SELECT a.id, a.name, a.registration_number, a.industry, a.region, a.segment, a.status, a.tier, a.owner_id,
               (SELECT u.display_name FROM users u WHERE u.id = a.owner_id LIMIT 1), a.created_at, a.updated_at
        FROM accounts a WHERE a.tier = $1
        ORDER BY a.name, a.registration_number
        LIMIT $2
        """;

    // The complaints queue's first page of open complaints (GET /api/v1/complaints?openOnly=true, as a director, who
    // sees every account), written by hand: the same count, order, index, joins and columns as the application's.
    private const string QueueCountSql = "SELECT count(*)::int FROM complaints c WHERE NOT c.is_stopped";

    private const string QueuePageSql = """
        SELECT c.id, c.reference, c.account_id, coalesce((SELECT a.name FROM accounts a WHERE a.id = c.account_id LIMIT 1), ''),
               c.tier_at_intake, c.severity, c.category, c.subject, c.status, c.assignee_id,
               (SELECT u.display_name FROM users u WHERE u.id = c.assignee_id LIMIT 1), c.received_at, c.due_at, c.sla_state, c.is_stopped,
               c.first_response_due_at, c.first_response_at_risk, c.first_response_breached, c.first_response_escalation_level,
               c.resolution_due_at, c.resolution_at_risk, c.resolution_breached, c.resolution_escalation_level
        FROM complaints c
        WHERE NOT c.is_stopped
        ORDER BY c.is_stopped, c.due_at, c.received_at DESC
        LIMIT $1
        """;

    // The at-risk list's first page as a director sees it (every account; GET /api/v1/dashboard/at-risk), written by
    // hand as well as it can be: the page read in order from the at-risk index and widened afterwards, and the total
    // counted apart (the same work as the application's two statements).
    private const string AtRiskSql = """
        WITH page AS (
            SELECT h.account_id, h.score
            FROM account_health h JOIN accounts a ON a.id = h.account_id
            WHERE h.band <> 'Green' AND a.status = 'Active'
            ORDER BY h.score, h.account_id
            LIMIT $1
        )
        SELECT a.id, a.name, a.tier, a.owner_id, u.display_name, h.score, h.band, h.warnings::text, h.computed_at,
               (SELECT count(*)::int FROM account_health h2 JOIN accounts a2 ON a2.id = h2.account_id WHERE a2.status = 'Active' AND h2.band <> 'Green')
        FROM page p
        JOIN account_health h ON h.account_id = p.account_id
        JOIN accounts a ON a.id = p.account_id
        LEFT JOIN users u ON u.id = a.owner_id
        ORDER BY p.score, p.account_id
        """;

    public static void Map(WebApplication app)
    {
        var raw = app.MapGroup("/bench/raw").AllowAnonymous().ExcludeFromDescription();

        MapPlans(app, raw);
        MapSurveys(raw);

        // One escalation scan through the application (the mediator command the Quartz job sends), at a given instant.
        app.MapPost("/bench/escalation-scan", async (DateTimeOffset? at, IMediator mediator, CancellationToken ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var steps = await mediator.Send(new EscalateComplaintsCommand(at ?? DateTimeOffset.UtcNow), ct);
            return Results.Ok(new { steps, seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds });
        }).AllowAnonymous().ExcludeFromDescription();

        // One health recompute through the application (the mediator command the health job sends).
        app.MapPost("/bench/recompute-health", async (IMediator mediator, CancellationToken ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var accounts = await mediator.Send(new RecomputeHealthCommand(DateTimeOffset.UtcNow), ct);
            return Results.Ok(new { accounts, seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds });
        }).AllowAnonymous().ExcludeFromDescription();

        // The process's memory as the exports benchmark reads it: resident set, the managed heap, and the GC's view.
        // collect=true first runs a full blocking collection, so "before" is the live set and not leftover garbage.
        app.MapGet("/bench/memory", (bool? collect) =>
        {
            if (collect == true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo();
            return Results.Ok(new
            {
                rssBytes = process.WorkingSet64,
                peakRssBytes = process.PeakWorkingSet64,
                managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                gcHeapSizeBytes = info.HeapSizeBytes,
                gcCommittedBytes = info.TotalCommittedBytes,
            });
        }).AllowAnonymous().ExcludeFromDescription();

        raw.MapGet("/at-risk", async (int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            await using var command = dataSource.CreateCommand(AtRiskSql);
            command.Parameters.Add(new NpgsqlParameter { Value = size });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<object>(size);
            var total = 0;
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt32(9);
                items.Add(new
                {
                    accountId = reader.GetGuid(0),
                    name = reader.GetString(1),
                    tier = reader.GetString(2),
                    ownerId = reader.GetGuid(3),
                    ownerName = reader.IsDBNull(4) ? null : reader.GetString(4),
                    score = reader.GetInt32(5),
                    band = reader.GetString(6),
                    warnings = JsonSerializer.Deserialize<JsonElement>(reader.GetString(7)),
                    asOf = reader.GetFieldValue<DateTimeOffset>(8),
                });
            }

            return Results.Ok(new { items, page = 1, pageSize = size, totalCount = total, nextCursor = (string?)null });
        });
        raw.MapGet("/accounts/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, HttpResponse response, CancellationToken ct) =>
        {
            await using var command = dataSource.CreateCommand(SingleSql);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return Results.NotFound();
            }

            // The API's ETag: the row version, quoted.
            response.Headers.ETag = $"\"{reader.GetFieldValue<uint>(16).ToString(CultureInfo.InvariantCulture)}\"";
            return Results.Ok(new
            {
                id = reader.GetGuid(0),
                name = reader.GetString(1),
                registrationNumber = reader.GetString(2),
                industry = reader.GetString(3),
                region = reader.GetString(4),
                segment = reader.GetString(5),
                status = reader.GetString(6),
                tier = reader.GetString(7),
                ownerId = reader.GetGuid(8),
                ownerName = reader.IsDBNull(9) ? null : reader.GetString(9),
                strategicFit = reader.IsDBNull(10) ? (int?)null : reader.GetInt32(10),
                potentialAnnualRevenue = reader.IsDBNull(11) ? null : new { amount = reader.GetDecimal(11).ToString("0.00##", CultureInfo.InvariantCulture), currency = reader.GetString(12) },
                firstContractDate = reader.IsDBNull(13) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(13),
                createdAt = reader.GetFieldValue<DateTimeOffset>(14),
                updatedAt = reader.GetFieldValue<DateTimeOffset>(15),
            });
        });

        raw.MapGet("/complaints", async (int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            int total;
            await using (var count = new NpgsqlCommand(QueueCountSql, connection))
            {
                total = (int)(await count.ExecuteScalarAsync(ct))!;
            }

            await using var command = new NpgsqlCommand(QueuePageSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = size });
            await using var reader = await command.ExecuteReaderAsync(ct);
            DateTimeOffset? Instant(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            var items = new List<object>(size);
            while (await reader.ReadAsync(ct))
            {
                items.Add(new
                {
                    id = reader.GetGuid(0),
                    reference = reader.GetString(1),
                    accountId = reader.GetGuid(2),
                    accountName = reader.GetString(3),
                    tier = reader.GetString(4),
                    severity = reader.GetString(5),
                    category = reader.GetString(6),
                    subject = reader.GetString(7),
                    status = reader.GetString(8),
                    assigneeId = reader.IsDBNull(9) ? (Guid?)null : reader.GetGuid(9),
                    assigneeName = reader.IsDBNull(10) ? null : reader.GetString(10),
                    receivedAt = reader.GetFieldValue<DateTimeOffset>(11),
                    dueAt = Instant(12),
                    slaState = reader.GetString(13),
                    stopped = reader.GetBoolean(14),
                    firstResponseClock = new { dueAt = Instant(15), atRisk = reader.GetBoolean(16), breached = reader.GetBoolean(17), escalationLevel = reader.GetInt32(18) },
                    resolutionClock = new { dueAt = Instant(19), atRisk = reader.GetBoolean(20), breached = reader.GetBoolean(21), escalationLevel = reader.GetInt32(22) },
                });
            }

            return Results.Ok(new { items, page = 1, pageSize = size, totalCount = total, nextCursor = (string?)null });
        });

        raw.MapGet("/accounts", async (string tier, int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            int total;
            await using (var count = new NpgsqlCommand(CountSql, connection))
            {
                count.Parameters.Add(new NpgsqlParameter { Value = tier });
                total = (int)(await count.ExecuteScalarAsync(ct))!;
            }

            await using var command = new NpgsqlCommand(ListSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = tier });
            command.Parameters.Add(new NpgsqlParameter { Value = size + 1 });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var items = new List<object>(size + 1);
            while (await reader.ReadAsync(ct))
            {
                items.Add(new
                {
                    id = reader.GetGuid(0),
                    name = reader.GetString(1),
                    registrationNumber = reader.GetString(2),
                    industry = reader.GetString(3),
                    region = reader.GetString(4),
                    segment = reader.GetString(5),
                    status = reader.GetString(6),
                    tier = reader.GetString(7),
                    ownerId = reader.GetGuid(8),
                    ownerName = reader.IsDBNull(9) ? null : reader.GetString(9),
                    createdAt = reader.GetFieldValue<DateTimeOffset>(10),
                    updatedAt = reader.GetFieldValue<DateTimeOffset>(11),
                });
            }

            return Results.Ok(new { items = items.Take(size), page = 1, pageSize = size, totalCount = total, nextCursor = items.Count > size ? "next" : null });
        });
    }
}
