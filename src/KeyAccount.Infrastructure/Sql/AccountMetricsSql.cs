using Npgsql;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// The home of the six account metrics a development plan's measure can be bound to (their definitions are on
/// <see cref="Application.Common.Abstractions.AccountMetricsRow"/>), as one CTE for every reader: the metrics reader
/// and the plans' metric refresh. It reuses the shared definitions instead of restating them: trailing revenue is
/// <see cref="TrailingRevenueSql"/> (tiering's), a tier's cadence is <see cref="ContactCadenceSql"/> (health's and the
/// reminders'), the NPS is the satisfaction seam <c>account_satisfaction</c> (tiering's and health's), and SLA
/// compliance reads the breach flags and the stopped flag the complaint aggregate stores, recomputing no clock.
/// </summary>
internal static class AccountMetricsSql
{
    /// <summary>
    /// CTEs ending in <c>account_metrics(account_id, ttm_revenue, revenue_growth, gross_margin_percent, account_nps,
    /// complaint_sla_compliance, contact_cadence_coverage)</c> for the accounts <paramref name="accounts"/> lists (a
    /// SELECT of one column <c>account_id</c>, without duplicates). Bind <see cref="Parameters"/>.
    /// </summary>
    /// <remarks>
    /// Complaints and interactions are read per account through their (account_id, received_at / occurred_at)
    /// indexes; revenue is aggregated once for the listed accounts only.
    /// </remarks>
    public static string Cte(string accounts) => $"""
        {ContactCadenceSql.CadenceCte},
        metric_accounts AS ({accounts}),
        {TrailingRevenueSql.Cte("SELECT ma.account_id FROM metric_accounts ma")},
        account_metrics AS (
            SELECT a.id AS account_id,
                   coalesce(r.ttm, 0) AS ttm_revenue,
                   CASE WHEN r.prev > 0 THEN round((coalesce(r.ttm, 0) - r.prev) / r.prev * 100, 2) END AS revenue_growth,
                   CASE WHEN r.ttm > 0 THEN round(coalesce(r.gp, 0) / r.ttm * 100, 2) END AS gross_margin_percent,
                   s.nps::numeric AS account_nps,
                   sla.compliance AS complaint_sla_compliance,
                   CASE WHEN c.days IS NULL THEN 100.00
                        ELSE round(100.0 * cov.covered / p.periods, 2) END AS contact_cadence_coverage
            FROM metric_accounts ma
            JOIN accounts a ON a.id = ma.account_id
            LEFT JOIN rev r ON r.account_id = a.id
            LEFT JOIN account_satisfaction s ON s.account_id = a.id
            LEFT JOIN LATERAL (
                SELECT round(100.0 * count(*) FILTER (WHERE co.is_stopped AND NOT co.first_response_breached AND NOT co.resolution_breached)
                             / nullif(count(*) FILTER (WHERE co.is_stopped OR co.first_response_breached OR co.resolution_breached), 0), 2) AS compliance
                FROM complaints co
                WHERE co.account_id = a.id AND co.received_at > @metrics_now - interval '12 months' AND co.received_at <= @metrics_now
            ) sla ON true
            LEFT JOIN cadence c ON c.tier = a.tier
            -- Periods of the cadence's length back from now: as many as fit in 365 days (at least one), fewer for an
            -- account created since (only periods that end after its creation count).
            LEFT JOIN LATERAL (
                SELECT least(greatest(floor(365.0 / c.days), 1),
                             greatest(ceil(extract(epoch FROM @metrics_now - a.created_at) / (c.days * 86400.0)), 1))::int AS periods
            ) p ON c.days IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT count(DISTINCT floor(extract(epoch FROM @metrics_now - i.occurred_at) / (c.days * 86400.0))) AS covered
                FROM interactions i
                WHERE i.account_id = a.id AND i.occurred_at <= @metrics_now
                  AND i.occurred_at > @metrics_now - make_interval(days => p.periods * c.days)
            ) cov ON c.days IS NOT NULL
        )
        """;

    /// <summary>@metrics_now and the revenue windows of its UTC date.</summary>
    public static NpgsqlParameter[] Parameters(DateTimeOffset now) =>
        [new NpgsqlParameter("metrics_now", now.ToUniversalTime()), .. TrailingRevenueSql.Parameters(DateOnly.FromDateTime(now.UtcDateTime))];
}
