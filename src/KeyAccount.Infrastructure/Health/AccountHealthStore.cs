using System.Text.Json;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Health;

/// <summary>The stored health of one active account (a read model: the health job rewrites it).</summary>
public sealed class AccountHealthRecord
{
    public AccountId AccountId { get; set; }

    public int Score { get; set; }

    public string Band { get; set; } = string.Empty;

    /// <summary>The warnings as JSON (component, code, message, figures).</summary>
    public string Warnings { get; set; } = "[]";

    public DateTimeOffset ComputedAt { get; set; }
}

internal sealed class AccountHealthRecordConfiguration : IEntityTypeConfiguration<AccountHealthRecord>
{
    public void Configure(EntityTypeBuilder<AccountHealthRecord> builder)
    {
        builder.ToTable("account_health");
        builder.HasKey(h => h.AccountId);
        builder.Property(h => h.Band).HasMaxLength(16);
        builder.Property(h => h.Warnings).HasColumnType("jsonb");
        builder.HasOne<Account>().WithMany().HasForeignKey(h => h.AccountId).OnDelete(DeleteBehavior.Cascade);

        // The at-risk list, worst first (ties by account id): one band's page, and Amber and Red together, each read
        // in order from an index and stopped after a page instead of sorting every at-risk row.
        builder.HasIndex(h => new { h.Band, h.Score, h.AccountId }).HasDatabaseName("ix_account_health_band_score_account_id");
        builder.HasIndex(h => new { h.Score, h.AccountId }).HasFilter("band <> 'Green'").HasDatabaseName("ix_account_health_at_risk");
    }
}

internal sealed class AccountHealthStore(AppDbContext db) : IAccountHealthStore
{
    // Worst first, ties by account id, so that the page is read in order from an index (ix_account_health_at_risk for
    // Amber and Red together, the band index for one band) and stops after a page; accounts that left Active since
    // the health job ran are skipped as the index is read. Sorting by name as well made each page sort every
    // at-risk row (about 0.17 s of database time a page at 100,000 accounts, 42,000 of them at risk).
    private const string AnyRiskBand = "h.band <> 'Green'";
    private const string OneBand = "h.band = @band";
    private const string OneTier = " AND a.tier = @tier";

    // One text per shape (any band or one, any tier or one), never "@tier IS NULL OR …" (see AccountScopeSql).
    private static readonly AccountScopeSql.Scoped[] AtRiskPageSql =
    [
        AccountScopeSql.Statement(filter => Page(AnyRiskBand, filter)),
        AccountScopeSql.Statement(filter => Page(OneBand, filter)),
        AccountScopeSql.Statement(filter => Page(AnyRiskBand + OneTier, filter)),
        AccountScopeSql.Statement(filter => Page(OneBand + OneTier, filter)),
    ];

    private static readonly AccountScopeSql.Scoped[] AtRiskCountSql =
    [
        AccountScopeSql.Statement(filter => Count(AnyRiskBand, filter)),
        AccountScopeSql.Statement(filter => Count(OneBand, filter)),
        AccountScopeSql.Statement(filter => Count(AnyRiskBand + OneTier, filter)),
        AccountScopeSql.Statement(filter => Count(OneBand + OneTier, filter)),
    ];

    // The dashboard's heat-map: the same rows as the at-risk list (stored band, active accounts in scope), counted.
    private static readonly AccountScopeSql.Scoped HeatMapSql = AccountScopeSql.Statement(filter => $"""
        SELECT a.tier, h.band, count(*)::int AS accounts, max(h.computed_at) AS computed_at
        FROM account_health h
        JOIN accounts a ON a.id = h.account_id
        WHERE a.status = 'Active' AND {filter}
        GROUP BY a.tier, h.band
        """);

    private static string Page(string band, string filter) => $"""
        WITH page AS (
            SELECT h.account_id, h.score
            FROM account_health h
            JOIN accounts a ON a.id = h.account_id
            WHERE {band} AND a.status = 'Active' AND {filter}
            ORDER BY h.score, h.account_id
            OFFSET @skip LIMIT @take
        )
        SELECT a.id AS account_id, a.name, a.tier, a.owner_id, u.display_name AS owner_name, h.score, h.band, h.warnings::text AS warnings,
               h.computed_at
        FROM page p
        JOIN account_health h ON h.account_id = p.account_id
        JOIN accounts a ON a.id = p.account_id
        LEFT JOIN users u ON u.id = a.owner_id
        ORDER BY p.score, p.account_id
        """;

    private static string Count(string band, string filter) => $"""
        SELECT count(*)::int AS "Value"
        FROM account_health h
        JOIN accounts a ON a.id = h.account_id
        WHERE {band} AND a.status = 'Active' AND {filter}
        """;

    public async Task<int> ReplaceAllAsync(IReadOnlyList<(AccountId Account, AccountHealth Health)> assessed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM account_health", cancellationToken).ConfigureAwait(false);
        var written = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO account_health (account_id, score, band, warnings, computed_at)
            SELECT a, s, b, w, @now FROM unnest(@accounts, @scores, @bands, @warnings) AS x(a, s, b, w)
            """,
            [
                new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = assessed.Select(x => x.Account.Value).ToArray() },
                new NpgsqlParameter("scores", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = assessed.Select(x => x.Health.Score).ToArray() },
                new NpgsqlParameter("bands", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = assessed.Select(x => x.Health.Band.ToString()).ToArray() },
                new NpgsqlParameter("warnings", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = assessed.Select(x => JsonSerializer.Serialize(x.Health.Warnings, PublicJson.Options)).ToArray() },
                new NpgsqlParameter("now", now),
            ],
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    public async Task<(IReadOnlyList<StoredHealthRow> Rows, int Total)> ReadAtRiskAsync(AccountScope scope, HealthBand? band, Tier? tier, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        object[] Filter() =>
        [
            .. AccountScopeSql.Parameters(scope),
            .. band is { } b ? [new NpgsqlParameter("band", NpgsqlDbType.Varchar) { Value = b.ToString() }] : Array.Empty<object>(),
            .. tier is { } t ? [new NpgsqlParameter("tier", NpgsqlDbType.Varchar) { Value = t.ToString() }] : Array.Empty<object>(),
        ];
        var shape = (band is null ? 0 : 1) | (tier is null ? 0 : 2);
        var page = AtRiskPageSql[shape];
        var count = AtRiskCountSql[shape];
        var rows = await db.Database.SqlQueryRaw<Row>(page.For(scope), [.. Filter(), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // A partial page says the total; a full (or empty, past-the-end) one asks.
        var total = rows.Count < take && (skip == 0 || rows.Count > 0)
            ? skip + rows.Count
            : await db.Database.SqlQueryRaw<int>(count.For(scope), Filter()).SingleAsync(cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new StoredHealthRow(
            new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), new UserId(r.OwnerId), r.OwnerName, r.Score, Enum.Parse<HealthBand>(r.Band),
            JsonSerializer.Deserialize<List<HealthWarning>>(r.Warnings, PublicJson.Options) ?? [], r.ComputedAt))], total);
    }

    public async Task<StoredHealthCounts> CountByTierAsync(AccountScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<CountRow>(HeatMapSql.For(scope), AccountScopeSql.Parameters(scope))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new StoredHealthCounts(
            [.. rows.Select(r => new HealthCountRow(Enum.Parse<Tier>(r.Tier), Enum.Parse<HealthBand>(r.Band), r.Accounts))],
            rows.Count == 0 ? null : rows.Max(r => r.ComputedAt));
    }

    private sealed record CountRow(string Tier, string Band, int Accounts, DateTimeOffset ComputedAt);

    private sealed record Row(Guid AccountId, string Name, string Tier, Guid OwnerId, string? OwnerName, int Score, string Band, string Warnings, DateTimeOffset ComputedAt);
}
