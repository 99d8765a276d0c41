using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KeyAccount.Infrastructure.Identity;

/// <summary>
/// Keeps one connection LISTENing on <see cref="UserSessions.Channel"/> and evicts each user or API client named there
/// from this replica's session caches, so that a deactivation, a new role or a new password — or a revoked, expired or
/// narrowed client — made on any replica stops the tokens here at their next request. While the connection is down, notifications are lost: after each
/// (re)connection the whole cache is dropped, and meanwhile its few seconds of lifetime bound the staleness.
/// When the connection breaks, the data source's idle connections are dropped too (they broke with it).
/// </summary>
internal sealed partial class UserSessionListener(NpgsqlDataSource dataSource, SessionConnections sessionConnections, UserSessions sessions, ClientSessions clients, ILogger<UserSessionListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>LISTEN takes an identifier, not a parameter: the channel of <see cref="UserSessions.Channel"/>, written out.</summary>
    private const string Listen = "LISTEN user_sessions";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A session of its own (LISTEN): directly to PostgreSQL where a transaction-mode pooler sits in between.
                await using var connection = await sessionConnections.OpenAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload.StartsWith(UserSessions.ClientPrefix, StringComparison.Ordinal))
                    {
                        if (Guid.TryParse(e.Payload.AsSpan(UserSessions.ClientPrefix.Length), out var client))
                        {
                            clients.Evict(new Domain.ApiClients.ApiClientId(client));
                        }
                    }
                    else if (Guid.TryParse(e.Payload, out var id))
                    {
                        sessions.Evict(new UserId(id));
                    }
                };
                await using (var listen = new NpgsqlCommand(Listen, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                sessions.EvictAll();
                clients.EvictAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // This connection is the replica's canary: it waits on the server all the time, so it is the first to
                // learn that PostgreSQL restarted or the network dropped. Every idle pooled connection died with it, but
                // the pool would find out only by handing each one to a request; clearing the pool now closes them, and
                // the next request opens a fresh one (or learns at once that the database is still down).
                dataSource.Clear();
                LogListenFailed(logger, e, RetryAfter.TotalSeconds);
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for session changes failed; cached session facts expire on their own meanwhile. Trying again in {Seconds} s.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);
}
