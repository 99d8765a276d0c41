using Npgsql;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// One definition of trailing revenue: the twelve whole months before the month of the day asked about (that month
/// itself is not counted: its revenue is not complete), and the twelve before them. Tiering scores on it and the
/// development plans' metrics measure with it; both read this CTE, so "TTM revenue" means the same in both.
/// </summary>
internal static class TrailingRevenueSql
{
    /// <summary>
    /// <c>rev(account_id, ttm, prev, gp)</c>: trailing-12-month revenue, the previous 12 months' revenue and the
    /// trailing gross profit, for the accounts with revenue rows in those 24 months (NULL sums when a window has none).
    /// <paramref name="accounts"/>, when given, is a SQL expression listing the account ids to read (e.g. a CTE's
    /// column), so that a caller reading a few accounts does not aggregate every account's revenue. Bind
    /// <see cref="Parameters"/>. <paramref name="previousYear"/> false reads the trailing 12 months alone (<c>prev</c> is
    /// then NULL): half the rows for a reader that needs only <c>ttm</c> and <c>gp</c>.
    /// </summary>
    public static string Cte(string? accounts = null, bool previousYear = true) => $"""
        rev AS (
            SELECT r.account_id,
                   sum(r.revenue) FILTER (WHERE r.month >= @ttm_start) AS ttm,
                   sum(r.revenue) FILTER (WHERE r.month < @ttm_start) AS prev,
                   sum(r.gross_profit) FILTER (WHERE r.month >= @ttm_start) AS gp
            FROM revenue_records r
            WHERE r.month >= {(previousYear ? "@prev_start" : "@ttm_start")} AND r.month < @this_month{(accounts is null ? string.Empty : $" AND r.account_id IN ({accounts})")}
            GROUP BY r.account_id
        )
        """;

    /// <summary>The windows of <paramref name="day"/>: @this_month, @ttm_start and @prev_start.</summary>
    public static NpgsqlParameter[] Parameters(DateOnly day)
    {
        var thisMonth = new DateOnly(day.Year, day.Month, 1);
        return
        [
            new NpgsqlParameter("this_month", thisMonth),
            new NpgsqlParameter("ttm_start", thisMonth.AddMonths(-12)),
            new NpgsqlParameter("prev_start", thisMonth.AddMonths(-24)),
        ];
    }
}
