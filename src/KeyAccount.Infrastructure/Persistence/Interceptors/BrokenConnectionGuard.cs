using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KeyAccount.Infrastructure.Persistence.Interceptors;

/// <summary>
/// A failing request never leaves a pooled connection unusable. PostgreSQL's own errors (a constraint, a lock
/// timeout) leave the connection in a known state and are left alone, except those saying the server is going away. Any other failure while a command runs (a
/// parameter the driver cannot write, a network fault) may leave the connection's protocol state or its
/// auto-prepared statements out of step with the server — Npgsql 10 then answers the next command on that
/// connection with "prepared statement … already exists" or "Received backend message DataRow while expecting
/// ParseCompleteMessage". Such a connection is not given back to the pool: the pool is cleared, which closes it
/// when it is returned (idle connections reopen on demand); and the pooled context that used it gets a new connection
/// object before it is used again (<see cref="AppDbContext.Rent"/>), since Npgsql keeps the failed command cached on
/// the old one.
/// </summary>
public sealed partial class BrokenConnectionGuard(NpgsqlDataSource dataSource, ILogger<BrokenConnectionGuard> logger) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(command, eventData);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(command, eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether a failure may have left the connection out of step with the server — or shows that the server went away
    /// (<see cref="DatabaseFaults.Unavailable"/>: a restart or <c>pg_terminate_backend</c> ended every connection of
    /// the pool, not only this one, and the pool learns it only one request at a time otherwise).
    /// </summary>
    public static bool LeavesConnectionSuspect(Exception exception) =>
        (exception is not PostgresException and not OperationCanceledException) || DatabaseFaults.Unavailable(exception);

    private void Discard(DbCommand command, CommandErrorEventData eventData)
    {
        var exception = eventData.Exception;
        if (LeavesConnectionSuspect(exception) && command.Connection is NpgsqlConnection)
        {
            LogDiscarded(logger, exception.GetType().Name);

            // The physical connection: the pool is the data source's own (NpgsqlConnection.ClearPool only reaches the
            // global pools of connection strings); clearing it closes this connection when it is returned.
            dataSource.Clear();

            // The connection object: Npgsql caches the failed command on it for reuse, and a pooled context keeps it.
            if (eventData.Context is AppDbContext context)
            {
                context.ConnectionSuspect = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A database command failed in a way that leaves connections suspect ({ExceptionType}); the pool is cleared and this connection is discarded")]
    private static partial void LogDiscarded(ILogger logger, string exceptionType);
}
