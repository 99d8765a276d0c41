using KeyAccount.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>One INSERT ... SELECT FROM unnest(...) ON CONFLICT statement for the whole batch: one round trip, atomic.</summary>
internal sealed class RevenueWriter(AppDbContext db) : IRevenueWriter
{
    private const string Sql = """
        WITH upserted AS (
            INSERT INTO revenue_records (account_id, month, revenue, gross_profit, order_count, currency, updated_at)
            SELECT r.account_id, r.month, r.revenue, r.gross_profit, r.order_count, r.currency, @now
            FROM unnest(@account_ids, @months, @revenues, @gross_profits, @order_counts, @currencies)
                 AS r(account_id, month, revenue, gross_profit, order_count, currency)
            ON CONFLICT (account_id, month) DO UPDATE SET
                revenue = excluded.revenue,
                gross_profit = excluded.gross_profit,
                order_count = excluded.order_count,
                currency = excluded.currency,
                updated_at = excluded.updated_at
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
        """;

    public async Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<RevenueRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter("account_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.AccountId.Value).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("months", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.Month).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("revenues", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => r.Revenue).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("gross_profits", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => r.GrossProfit).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("order_counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.OrderCount).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("currencies", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Currency).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }
}
