using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Tiering;

/// <summary>
/// The SQL behind health and "overdue for contact", over the shared cadence (<see cref="ContactCadenceSql"/>) and the
/// accounts of a scope (<see cref="AccountScopeSql"/>).
/// </summary>
internal sealed class AccountSignalsReader(AppDbContext db) : IAccountSignals
{
    private static readonly AccountScopeSql.Scoped SignalsSql = AccountScopeSql.Statement(filter => $"""
        WITH {ContactCadenceSql.CadenceCte}
        SELECT a.id AS account_id, a.name, a.tier, a.owner_id, u.display_name AS owner_name, c.days AS contact_cadence_days,
               l.last_at AS last_interaction_at, a.created_at, s.nps AS latest_nps,
               coalesce(sv.open_complaints, 0) AS open_complaints, coalesce(sv.sla_breaches_90d, 0) AS sla_breaches,
               coalesce(r.ttm, 0) AS trailing_revenue, coalesce(r.prev, 0) AS previous_trailing_revenue,
               f.open AS open_survey_follow_ups, f.breached AS breached_survey_follow_ups
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
        LEFT JOIN LATERAL (
            SELECT count(*)::int AS open, (count(*) FILTER (WHERE sf.sla_state = 'Breached'))::int AS breached
            FROM survey_followups sf
            WHERE sf.account_id = a.id AND sf.status = 'Open') f ON true
        WHERE (a.status = 'Active' OR @account::uuid IS NOT NULL) AND {filter}
        ORDER BY a.name, a.registration_number
        """);

    private static readonly AccountScopeSql.Scoped OverdueSql = AccountScopeSql.Statement(filter => $"""
        WITH {ContactCadenceSql.OverdueCte}
        SELECT a.id AS account_id, a.name, a.tier, a.owner_id, u.display_name AS owner_name, a.cadence_days,
               a.last_at AS last_interaction_at, a.overdue_since, count(*) OVER ()::int AS total
        FROM overdue a
        LEFT JOIN users u ON u.id = a.owner_id
        WHERE a.overdue_since < @now AND {filter}
        ORDER BY a.overdue_since, a.name
        OFFSET @skip LIMIT @take
        """);

    private static readonly AccountScopeSql.Scoped CountOverdueSql = AccountScopeSql.Statement(filter =>
        $"WITH {ContactCadenceSql.OverdueCte} SELECT count(*)::int AS \"Value\" FROM overdue a WHERE a.overdue_since < @now AND {filter}");

    /// <summary>Active accounts in scope; one account (<see cref="AccountScope.Account"/>) whatever its status.</summary>
    public async Task<IReadOnlyList<AccountSignalsRow>> ReadAsync(AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var thisMonth = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        var rows = await db.Database.SqlQueryRaw<SignalsRow>(
            SignalsSql.For(scope),
            [.. AccountScopeSql.Parameters(scope),
                new NpgsqlParameter("this_month", thisMonth),
                new NpgsqlParameter("ttm_start", thisMonth.AddMonths(-12)),
                new NpgsqlParameter("prev_start", thisMonth.AddMonths(-24))])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new AccountSignalsRow(
                new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, r.ContactCadenceDays,
                r.LastInteractionAt, r.CreatedAt, r.LatestNps, r.OpenComplaints, r.SlaBreaches, r.TrailingRevenue, r.PreviousTrailingRevenue,
                r.OpenSurveyFollowUps, r.BreachedSurveyFollowUps)),
        ];
    }

    public async Task<(IReadOnlyList<OverdueContactRow> Rows, int Total)> ReadOverdueAsync(AccountScope scope, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<OverdueRow>(
            OverdueSql.For(scope),
            [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("now", now), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = rows.Count > 0 ? rows[0].Total : skip == 0 ? 0 : await CountOverdueAsync(scope, now, cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new OverdueContactRow(
            new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, r.CadenceDays, r.LastInteractionAt, r.OverdueSince))], total);
    }

    private Task<int> CountOverdueAsync(AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<int>(
            CountOverdueSql.For(scope),
            [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("now", now)])
            .SingleAsync(cancellationToken);

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record SignalsRow(
        Guid AccountId, string Name, string Tier, Guid OwnerId, string? OwnerName, int? ContactCadenceDays, DateTimeOffset? LastInteractionAt,
        DateTimeOffset CreatedAt, int? LatestNps, int? OpenComplaints, int? SlaBreaches, decimal TrailingRevenue, decimal PreviousTrailingRevenue,
        int OpenSurveyFollowUps, int BreachedSurveyFollowUps);

    private sealed record OverdueRow(
        Guid AccountId, string Name, string Tier, Guid OwnerId, string? OwnerName, int CadenceDays, DateTimeOffset? LastInteractionAt,
        DateTimeOffset OverdueSince, int Total);
}
