using System.Diagnostics;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeyAccount.Infrastructure.Email;

/// <summary>
/// Sends queued mail after its transaction committed: claims due rows with <c>FOR UPDATE SKIP LOCKED</c> and a lease
/// (two replicas never send the same message), hands each to the transport (SMTP through Polly, or the pickup folder),
/// and records the outcome: sent, retried later (1 min, 5 min, 30 min, 2 h, then every 6 h) or, after the last attempt
/// or a permanent refusal, given up with the reason kept on the row.
/// </summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger, IEnumerable<IMailKindHandler> handlers)
{
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>Sends until nothing is due or <paramref name="budget"/> has passed; returns the messages handled.</summary>
    public async Task<int> RunAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var handled = 0;
        while (started.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            var round = await SendDueAsync(cancellationToken).ConfigureAwait(false);
            handled += round;
            if (round == 0)
            {
                break;
            }
        }

        return handled;
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1.</summary>
    public static TimeSpan DelayAfter(int attempts) => Backoff[Math.Clamp(attempts - 1, 0, Backoff.Length - 1)];

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.Set<QueuedMail>().FromSqlRaw(
                $"""
                UPDATE mail_queue SET leased_until = @until
                WHERE id IN (SELECT id FROM mail_queue
                             WHERE next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now)
                             ORDER BY next_attempt_at, id LIMIT {Batch} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """,
                new NpgsqlParameter("now", now), new NpgsqlParameter("until", now + Lease))
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var mail in due.OrderBy(m => m.Id))
        {
            var handler = handlers.FirstOrDefault(h => h.IsFor(mail.Kind));
            string? error = null;
            string? dropped = null;
            var permanent = false;
            try
            {
                var toSend = mail;
                if (handler is not null)
                {
                    var prepared = await handler.PrepareAsync(db, mail, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    dropped = prepared.DroppedBecause;
                    toSend = prepared.Mail ?? mail;
                }

                if (dropped is null)
                {
                    var message = MailTemplates.Render(toSend, options.Value.From);
                    await transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                permanent = e is PermanentMailFailureException or FormatException or ArgumentException;
                error = Describe(e);
                LogFailed(logger, mail.Id, mail.Attempts + 1, error);
            }

            var at = clock.GetUtcNow();
            if (dropped is not null)
            {
                // No longer wanted (its subject moved on since it was queued): closed without an attempt.
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE mail_queue SET leased_until = NULL, next_attempt_at = NULL, last_error = @reason WHERE id = @id",
                    [new NpgsqlParameter("reason", "Not sent: " + dropped), new NpgsqlParameter("id", mail.Id)],
                    CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            var attempts = mail.Attempts + 1;
            DateTimeOffset? next = error is null || permanent || attempts >= options.Value.MaxAttempts ? null : at + DelayAfter(attempts);
            // The row and its subject (a survey invitation's status) record the outcome together.
            await using var transaction = handler is null ? null : await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE mail_queue SET attempts = @attempts, leased_until = NULL, next_attempt_at = @next,
                    sent_at = CASE WHEN @ok THEN @at ELSE sent_at END, last_error = @error
                WHERE id = @id
                """,
                [
                    new NpgsqlParameter("attempts", attempts),
                    new NpgsqlParameter("next", (object?)next ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                    new NpgsqlParameter("ok", error is null),
                    new NpgsqlParameter("at", at),
                    new NpgsqlParameter("error", (object?)error ?? DBNull.Value) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                    new NpgsqlParameter("id", mail.Id),
                ],
                CancellationToken.None).ConfigureAwait(false);
            if (handler is not null && transaction is not null)
            {
                await handler.RecordAsync(db, mail, new MailOutcome(at, error, error is not null && next is null), CancellationToken.None).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }
        }

        return due.Count;
    }

    /// <summary>What went wrong, short and without credentials or message content.</summary>
    private static string Describe(Exception e)
    {
        var text = e is MailKit.Net.Smtp.SmtpCommandException smtp
            ? $"SMTP {(int)smtp.StatusCode}: {smtp.Message}"
            : $"{e.GetType().Name}: {e.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} attempt {Attempt} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long mailId, int attempt, string error);
}
