using Npgsql;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>
/// Connections that need a PostgreSQL session of their own, not just a transaction: the session listener's
/// <c>LISTEN</c> and the migrators' session advisory lock. Behind PgBouncer in transaction mode these must reach
/// PostgreSQL directly: with <c>ConnectionStrings:KeyAccountDirect</c> set they use it (a replica then holds one
/// direct connection, the migration step one more); without it they use the main connection string, as everything else.
/// </summary>
public sealed class SessionConnections(NpgsqlDataSource source)
{
    public const string ConnectionName = "KeyAccountDirect";

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) => source.OpenConnectionAsync(cancellationToken);
}
