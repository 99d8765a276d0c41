using KeyAccount.Application.Common.Abstractions;
using Npgsql;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>
/// The one home of "the database could not be reached": read by the unit of work (which runs a request again when
/// nothing was committed) and by the problem mapping (503 with <c>Retry-After</c>, never 500).
/// </summary>
public sealed class DatabaseFaults : IDatabaseFaults
{
    public bool IsUnavailable(Exception exception) => Unavailable(exception);

    /// <summary>
    /// A network or connection failure Npgsql marks transient (refused, reset, a timeout while connecting), or the
    /// server saying it is going away or not there yet: administrator shutdown (a restart, <c>pg_terminate_backend</c>),
    /// crash shutdown, "the database system is starting up", too many connections. Errors the server answered a
    /// statement with (a constraint, a serialization failure) are not: they say something about the request.
    /// </summary>
    public static bool Unavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                    or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
            }

            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
