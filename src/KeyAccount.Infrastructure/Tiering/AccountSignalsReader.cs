using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Tiering;

/// <summary>
/// The SQL behind health, "overdue for contact" and the cadence reminders. One definition of a tier's cadence — the
/// published policy's service programme, or the design's defaults while none is published — serves all three.
/// </summary>
internal sealed class AccountSignalsReader(AppDbContext db) : IAccountSignals
{
    /// <summary>tier → contact cadence in days, for the tiers that have one.</summary>
    internal static readonly string CadenceCte = $"""
        cadence AS (
            SELECT x."Tier" AS tier, x."ContactCadenceDays" AS days
            FROM tier_policies p CROSS JOIN LATERAL jsonb_to_recordset(p.programme) AS x("Tier" text, "ContactCadenceDays" int)
            WHERE p.status = 'Published' AND x."ContactCadenceDays" IS NOT NULL
            UNION ALL
            SELECT d.tier, d.days FROM (VALUES {DefaultCadences()}) AS d(tier, days)
            WHERE NOT EXISTS (SELECT 1 FROM tier_policies WHERE status = 'Published')
        )
        """;

    /// <summary>Active accounts in scope with their cadence, last interaction and the day they became overdue.</summary>
    internal static readonly string OverdueCte = $"""
        {CadenceCte},
        overdue AS (
            SELECT a.id, a.name, a.tier, a.owner_id, c.days AS cadence_days, l.last_at,
                   coalesce(l.last_at, a.created_at) + make_interval(days => c.days) AS overdue_since
            FROM accounts a
            JOIN cadence c ON c.tier = a.tier
            LEFT JOIN LATERAL (SELECT max(i.occurred_at) AS last_at FROM interactions i WHERE i.account_id = a.id) l ON true
            WHERE a.status = 'Active'
        )
        """;

    /// <summary>The accounts of an <see cref="AccountScope"/> (alias <c>a</c>), with <see cref="ScopeParameters"/>.</summary>
    internal const string ScopeFilter = """
        (@account::uuid IS NULL OR a.id = @account)
        AND (@owner::uuid IS NULL OR a.owner_id = @owner)
        AND (@me::uuid IS NULL OR a.owner_id = @me OR EXISTS (SELECT 1 FROM account_team_members t WHERE t.account_id = a.id AND t.user_id = @me))
        """;

    private static readonly string SignalsSql = $"""
        WITH {CadenceCte}
        SELECT a.id AS account_id, a.name, a.tier, a.owner_id, u.display_name AS owner_name, c.days AS contact_cadence_days,
               l.last_at AS last_interaction_at, a.created_at, s.nps AS latest_nps,
               coalesce(sv.open_complaints, 0) AS open_complaints, coalesce(sv.sla_breaches_90d, 0) AS sla_breaches,
               coalesce(r.ttm, 0) AS trailing_revenue, coalesce(r.prev, 0) AS previous_trailing_revenue
        FROM accounts a
        LEFT JOIN users u ON u.id = a.owner_id
        LEFT JOIN cadence c ON c.tier = a.tier
        LEFT JOIN LATERAL (SELECT max(i.occurred_at) AS last_at FROM interactions i WHERE i.account_id = a.id) l ON true
        LEFT JOIN account_satisfaction s ON s.account_id = a.id
        LEFT JOIN account_service sv ON sv.account_id = a.id
        LEFT JOIN LATERAL (
            SELECT sum(rr.revenue) FILTER (WHERE rr.month >= @ttm_start) AS ttm,
                   sum(rr.revenue) FILTER (WHERE rr.month < @ttm_start) AS prev
            FROM revenue_records rr
            WHERE rr.account_id = a.id AND rr.month >= @prev_start AND rr.month < @this_month) r ON true
        WHERE (a.status = 'Active' OR @account::uuid IS NOT NULL) AND {ScopeFilter}
        ORDER BY a.name, a.registration_number
        """;

    private static readonly string OverdueSql = $"""
        WITH {OverdueCte}
        SELECT a.id AS account_id, a.name, a.tier, a.owner_id, u.display_name AS owner_name, a.cadence_days,
               a.last_at AS last_interaction_at, a.overdue_since, count(*) OVER ()::int AS total
        FROM overdue a
        LEFT JOIN users u ON u.id = a.owner_id
        WHERE a.overdue_since < @now AND {ScopeFilter}
        ORDER BY a.overdue_since, a.name
        OFFSET @skip LIMIT @take
        """;

    private static readonly string CountOverdueSql =
        $"WITH {OverdueCte} SELECT count(*)::int AS \"Value\" FROM overdue a WHERE a.overdue_since < @now AND {ScopeFilter}";

    private static string DefaultCadences() => string.Join(", ", TierPolicy.DefaultProgramme
        .Where(s => s.ContactCadenceDays is not null)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"('{s.Tier}', {s.ContactCadenceDays})")));

    /// <summary>Active accounts in scope; one account (<see cref="AccountScope.Account"/>) whatever its status.</summary>
    public async Task<IReadOnlyList<AccountSignalsRow>> ReadAsync(AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var thisMonth = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        var rows = await db.Database.SqlQueryRaw<SignalsRow>(
            SignalsSql,
            [.. ScopeParameters(scope),
                new NpgsqlParameter("this_month", thisMonth),
                new NpgsqlParameter("ttm_start", thisMonth.AddMonths(-12)),
                new NpgsqlParameter("prev_start", thisMonth.AddMonths(-24))])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new AccountSignalsRow(
                new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, r.ContactCadenceDays,
                r.LastInteractionAt, r.CreatedAt, r.LatestNps, r.OpenComplaints, r.SlaBreaches, r.TrailingRevenue, r.PreviousTrailingRevenue)),
        ];
    }

    public async Task<(IReadOnlyList<OverdueContactRow> Rows, int Total)> ReadOverdueAsync(AccountScope scope, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<OverdueRow>(
            OverdueSql,
            [.. ScopeParameters(scope), new NpgsqlParameter("now", now), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = rows.Count > 0 ? rows[0].Total : skip == 0 ? 0 : await CountOverdueAsync(scope, now, cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new OverdueContactRow(
            new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, r.CadenceDays, r.LastInteractionAt, r.OverdueSince))], total);
    }

    private Task<int> CountOverdueAsync(AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>(
            CountOverdueSql,
            [.. ScopeParameters(scope), new NpgsqlParameter("now", now)])
            .SingleAsync(cancellationToken);

    internal static object[] ScopeParameters(AccountScope scope) =>
    [
        new NpgsqlParameter("account", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.Account?.Value ?? DBNull.Value },
        new NpgsqlParameter("owner", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.Owner?.Value ?? DBNull.Value },
        new NpgsqlParameter("me", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.VisibleTo?.Value ?? DBNull.Value },
    ];

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record SignalsRow(
        Guid AccountId, string Name, string Tier, Guid OwnerId, string? OwnerName, int? ContactCadenceDays, DateTimeOffset? LastInteractionAt,
        DateTimeOffset CreatedAt, int? LatestNps, int? OpenComplaints, int? SlaBreaches, decimal TrailingRevenue, decimal PreviousTrailingRevenue);

    private sealed record OverdueRow(
        Guid AccountId, string Name, string Tier, Guid OwnerId, string? OwnerName, int CadenceDays, DateTimeOffset? LastInteractionAt,
        DateTimeOffset OverdueSince, int Total);
}
