using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.DevelopmentPlans;

/// <summary>The readers of <see cref="PlanCoverageSql.NeedingPlan"/>: the list, the dashboard's counts and the owners' reminders.</summary>
internal sealed class PlanCoverageReader(AppDbContext db) : IPlanCoverage
{
    private const string Filters = "(@tier::text IS NULL OR n.tier = @tier) AND (@reason::text IS NULL OR n.reason = @reason)";

    private static readonly AccountScopeSql.Scoped PageSql = AccountScopeSql.Statement(filter => $"""
        WITH {PlanCoverageSql.NeedingPlan(filter)}
        SELECT n.account_id, n.name AS account_name, n.tier, n.owner_id, u.display_name AS owner_name, n.reason, n.plan_id, n.plan_status,
               n.plan_end_date, count(*) OVER ()::int AS total
        FROM needing_plan n
        LEFT JOIN users u ON u.id = n.owner_id
        WHERE {Filters}
        ORDER BY n.name, n.account_id
        OFFSET @skip LIMIT @take
        """);

    // Without a reason filter the page needs no reason but its own rows': the gaps are paged by name and counted, and the
    // reasons are looked up for the page's rows only (the full form looked them up for every account needing a plan,
    // ~11,000 of 100,000 in the benchmark, on every request).
    private static readonly AccountScopeSql.Scoped PageByNameSql = AccountScopeSql.Statement(filter => $"""
        WITH {PlanCoverageSql.GapsCte(filter)},
        total AS (SELECT count(*)::int AS n FROM plan_gaps g WHERE (@tier::text IS NULL OR g.tier = @tier)),
        page AS (
            SELECT g.* FROM plan_gaps g WHERE (@tier::text IS NULL OR g.tier = @tier)
            ORDER BY g.name, g.account_id
            OFFSET @skip LIMIT @take)
        SELECT g.account_id, g.name AS account_name, g.tier, g.owner_id, u.display_name AS owner_name, {PlanCoverageSql.ReasonColumns},
               (SELECT n FROM total) AS total
        FROM page g
        {PlanCoverageSql.ReasonJoins}
        LEFT JOIN users u ON u.id = g.owner_id
        ORDER BY g.name, g.account_id
        """);

    private static readonly AccountScopeSql.Scoped CountSql = AccountScopeSql.Statement(filter =>
        $"WITH {PlanCoverageSql.NeedingPlan(filter)} SELECT count(*)::int AS \"Value\" FROM needing_plan n WHERE {Filters}");

    private static readonly AccountScopeSql.Scoped CountByReasonSql = AccountScopeSql.Statement(filter =>
        $"WITH {PlanCoverageSql.NeedingPlan(filter)} SELECT n.reason, count(*)::int AS accounts FROM needing_plan n GROUP BY n.reason");

    // The arguments with the camelCase names and enum names of Domain.Reminders.ReminderArgs (how EF reads them back).
    private static readonly string RemindSql = $"""
        WITH {PlanCoverageSql.NeedingPlan("(@accounts::uuid[] IS NULL OR a.id = ANY(@accounts))")}
        INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at)
        SELECT n.owner_id, n.account_id, 'AccountNeedsPlan', n.account_id, @week,
               left(n.name || ' (' || n.tier || ') needs an approved development plan: ' || n.reason || '.', 500),
               jsonb_build_object('tier', n.tier, 'planNeed', n.reason), @now
        FROM needing_plan n
        ON CONFLICT DO NOTHING
        """;

    public async Task<(IReadOnlyList<AccountNeedingPlanRow> Rows, int Total)> ReadAsync(
        AccountScope scope, Tier? tier, PlanNeedReason? reason, DateOnly today, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        object[] Parameters() =>
        [
            .. AccountScopeSql.Parameters(scope),
            new NpgsqlParameter("today", today),
            new NpgsqlParameter("tier", NpgsqlDbType.Text) { Value = (object?)tier?.ToString() ?? DBNull.Value },
            new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)reason?.ToString() ?? DBNull.Value },
        ];
        var page = reason is null ? PageByNameSql : PageSql;
        var rows = await db.Database.SqlQueryRaw<Row>(page.For(scope), [.. Parameters(), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = rows.Count > 0 ? rows[0].Total
            : skip == 0 ? 0
            : await db.Database.SqlQueryRaw<int>(CountSql.For(scope), Parameters()).SingleAsync(cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new AccountNeedingPlanRow(
            new AccountId(r.AccountId), r.AccountName, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, Enum.Parse<PlanNeedReason>(r.Reason),
            r.PlanId is { } p ? new DevelopmentPlanId(p) : null, r.PlanStatus is { } s ? Enum.Parse<PlanStatus>(s) : null, r.PlanEndDate))], total);
    }

    public async Task<IReadOnlyDictionary<PlanNeedReason, int>> CountAsync(AccountScope scope, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<ReasonRow>(CountByReasonSql.For(scope), [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("today", today)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => Enum.Parse<PlanNeedReason>(r.Reason), r => r.Accounts);
    }

    public Task<int> RemindOwnersAsync(DateOnly today, DateTimeOffset now, IReadOnlyCollection<AccountId>? accounts, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            RemindSql,
            [
                new NpgsqlParameter("today", today),
                new NpgsqlParameter("week", today.AddDays(-(((int)today.DayOfWeek + 6) % 7))),
                new NpgsqlParameter("now", now.ToUniversalTime()),
                new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)accounts?.Select(a => a.Value).ToArray() ?? DBNull.Value },
            ],
            cancellationToken);

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record Row(
        Guid AccountId, string AccountName, string Tier, Guid OwnerId, string? OwnerName, string Reason, Guid? PlanId, string? PlanStatus, DateOnly? PlanEndDate, int Total);

    private sealed record ReasonRow(string Reason, int Accounts);
}
