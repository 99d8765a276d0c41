using System.Diagnostics;
using System.Globalization;
using System.Text;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Webhooks;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KeyAccount.Infrastructure.Webhooks;

/// <summary>
/// Moves events from the outbox to the receivers. <see cref="FanOutAsync"/> turns each new outbox event into one
/// delivery per enabled endpoint subscribed to its type (body and <c>webhook-id</c> fixed then), in the transaction
/// that marks the events processed; <see cref="DeliverDueAsync"/> claims due deliveries with <c>FOR UPDATE SKIP
/// LOCKED</c> and a lease (two replicas never send the same attempt), sends them in parallel through one circuit
/// breaker per endpoint (a dead receiver fails fast and does not hold the others up), and records each outcome with
/// the domain's retry schedule.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    WebhookCircuits circuits,
    IOptions<WebhookOptions> options,
    IOptions<Email.MailOptions> mailOptions,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    private const int FanOutBatch = 1000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Fans out and delivers until nothing is due or <paramref name="budget"/> has passed; returns the attempts made.</summary>
    public async Task<int> RunAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var attempts = 0;
        while (started.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            var fanned = await FanOutAsync(cancellationToken).ConfigureAwait(false);
            var sent = await DeliverDueAsync(cancellationToken).ConfigureAwait(false);
            attempts += sent;
            if (fanned == 0 && sent == 0)
            {
                break;
            }
        }

        return attempts;
    }

    /// <summary>One batch of outbox events into deliveries; returns the events processed.</summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var events = await db.OutboxMessages
            .FromSqlRaw($"SELECT * FROM outbox_messages WHERE processed_at IS NULL ORDER BY id LIMIT {FanOutBatch} FOR UPDATE SKIP LOCKED")
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            return 0;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsEnabled).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var deliveries = new List<WebhookDelivery>();
        foreach (var message in events)
        {
            string? body = null;
            foreach (var endpoint in endpoints.Where(e => e.EventTypes.Contains(message.Type, StringComparer.Ordinal)))
            {
                body ??= WebhookEnvelope.Build(message.Type, message.Version, message.OccurredOn, message.Payload);
                deliveries.Add(WebhookDelivery.Create(Guid.CreateVersion7(), endpoint.Id, message.Type, body, now));
            }
        }

        if (deliveries.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO webhook_deliveries (id, endpoint_id, message_id, event_type, body, status, attempts, next_attempt_at, created_at)
                SELECT d.id, d.endpoint_id, d.message_id, d.event_type, d.body, 'Pending', 0, @now, @now
                FROM unnest(@ids, @endpoints, @messages, @types, @bodies) AS d(id, endpoint_id, message_id, event_type, body)
                """,
                [
                    new NpgsqlParameter("now", now),
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = deliveries.Select(d => d.Id).ToArray() },
                    new NpgsqlParameter("endpoints", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = deliveries.Select(d => d.EndpointId.Value).ToArray() },
                    new NpgsqlParameter("messages", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deliveries.Select(d => d.MessageId).ToArray() },
                    new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deliveries.Select(d => d.EventType).ToArray() },
                    new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deliveries.Select(d => d.Body).ToArray() },
                ],
                cancellationToken).ConfigureAwait(false);
        }

        await db.Database.ExecuteSqlRawAsync(
            "UPDATE outbox_messages SET processed_at = @now WHERE id = ANY(@ids)",
            [new NpgsqlParameter("now", now), new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = events.Select(e => e.Id).ToArray() }],
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return events.Count;
    }

    /// <summary>Claims one round of due deliveries, sends them and records the outcomes; returns the deliveries handled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<Claimed> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            claimed = await db.Database.SqlQueryRaw<Claimed>(
                """
                WITH due AS (
                    SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_deliveries d
                    JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.is_enabled
                    WHERE d.status = 'Pending' AND d.next_attempt_at <= @now AND (d.locked_until IS NULL OR d.locked_until < @now)
                    ORDER BY d.next_attempt_at
                    LIMIT @scan
                    FOR UPDATE OF d SKIP LOCKED
                ), picked AS (
                    -- At most @per_endpoint per endpoint, so that a slow receiver holds few of a round's calls.
                    SELECT r.id FROM (SELECT id, next_attempt_at, row_number() OVER (PARTITION BY endpoint_id ORDER BY next_attempt_at) AS n FROM due) r
                    WHERE r.n <= @per_endpoint
                    ORDER BY r.next_attempt_at
                    LIMIT @batch
                )
                UPDATE webhook_deliveries d SET locked_until = @lease
                FROM picked, webhook_endpoints e
                WHERE d.id = picked.id AND e.id = d.endpoint_id
                RETURNING d.id, d.endpoint_id, d.message_id, d.body, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at
                """,
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("lease", now + Lease),
                new NpgsqlParameter("scan", settings.BatchSize * 4),
                new NpgsqlParameter("batch", settings.BatchSize),
                new NpgsqlParameter("per_endpoint", (long)settings.MaxPerEndpointPerBatch)).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<Guid, Sent>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken }, async (delivery, ct) =>
            outcomes[delivery.Id] = await SendAsync(delivery, ct).ConfigureAwait(false)).ConfigureAwait(false);
        await RecordAsync(outcomes, cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    private async Task<Sent> SendAsync(Claimed delivery, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        var timestamp = sentAt.ToUnixTimeSeconds();
        var secrets = WebhookEndpoint.SigningSecrets(delivery.Secret, delivery.PreviousSecret, delivery.PreviousSecretExpiresAt, sentAt);
        var pipeline = circuits.For(delivery.EndpointId);
        var client = httpClients.CreateClient(HttpClientName);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
                    {
                        Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("webhook-id", delivery.MessageId);
                    request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                    request.Headers.Add("webhook-signature", WebhookSigner.Sign(delivery.MessageId, timestamp, delivery.Body, secrets));
                    return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new Sent(new WebhookAttemptOutcome(status, watch.Elapsed, response.IsSuccessStatusCode ? null : $"HTTP {status}", RetryAfterOf(response, sentAt)), null);
        }
        catch (BrokenCircuitException broken)
        {
            return new Sent(null, sentAt + (broken.RetryAfter ?? TimeSpan.FromSeconds(30)));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is TimeoutRejectedException or TaskCanceledException ? $"No answer within {options.Value.Timeout.TotalSeconds:0} s" : e.Message;
            return new Sent(new WebhookAttemptOutcome(null, watch.Elapsed, error, null), null);
        }
    }

    private async Task RecordAsync(IReadOnlyDictionary<Guid, Sent> outcomes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var ids = outcomes.Keys.ToArray();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var delivery in deliveries)
        {
            var sent = outcomes[delivery.Id];
            if (sent.Outcome is { } outcome)
            {
                delivery.Record(outcome, now, Random.Shared.NextDouble());
            }
            else
            {
                delivery.Postpone(sent.PostponedUntil!.Value);
            }

            db.Entry(delivery).Property(WebhookDeliveryColumns.LockedUntil).CurrentValue = null;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The endpoints' failure records: a success clears it, a 410 or five days of failures disable the endpoint.
        var byEndpoint = deliveries.Where(d => outcomes[d.Id].Outcome is not null)
            .GroupBy(d => d.EndpointId)
            .Select(g => (Endpoint: g.Key, Succeeded: g.Any(d => outcomes[d.Id].Outcome!.Succeeded), Gone: g.Any(d => outcomes[d.Id].Outcome!.Gone)))
            .ToList();
        foreach (var (endpointId, succeeded, gone) in byEndpoint)
        {
            await UpdateEndpointAsync(endpointId, succeeded, gone, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UpdateEndpointAsync(WebhookEndpointId id, bool succeeded, bool gone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An admin may change the endpoint meanwhile (its version moves): read again and apply the outcome again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
            if (endpoint is null)
            {
                return;
            }

            var disabled = false;
            if (succeeded && !gone)
            {
                endpoint.RecordDelivered();
            }
            else
            {
                disabled = endpoint.RecordFailed(now, gone);
            }

            if (disabled)
            {
                await NotifyAdminsAsync(db, scope.ServiceProvider.GetRequiredService<Application.Common.Abstractions.IMailOutbox>(), endpoint, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (disabled)
                {
                    LogDisabled(logger, id.Value, endpoint.Url, endpoint.DisabledReason);
                }

                return;
            }
            catch (DbUpdateConcurrencyException)
            {
            }
        }
    }

    /// <summary>Every active Admin hears that an endpoint stopped receiving, by mail queued with the change (sent only if it commits).</summary>
    private async Task NotifyAdminsAsync(AppDbContext db, Application.Common.Abstractions.IMailOutbox mail, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var admins = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == Domain.Users.Role.Admin)
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["url"] = endpoint.Url,
            ["reason"] = endpoint.DisabledReason?.ToString() ?? "Manual",
            ["endpointId"] = endpoint.Id.Value.ToString(),
        };
        if (mailOptions.Value.PublicBaseUrl is { Length: > 0 } baseUrl)
        {
            args["link"] = $"{baseUrl.TrimEnd('/')}/webhooks/{endpoint.Id.Value}";
        }

        foreach (var admin in admins)
        {
            mail.Enqueue(new Application.Common.Abstractions.MailRequest(admin.Email, admin.DisplayName, "zh-CN", Application.Common.Abstractions.MailKind.WebhookEndpointDisabled, args));
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} ({Url}) disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, Guid endpointId, string url, WebhookDisabledReason? reason);

    /// <summary>A claimed delivery with what sending it needs (columns in the context's snake_case).</summary>
    private sealed record Claimed(Guid Id, Guid EndpointId, string MessageId, string Body, string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt);

    /// <summary>An attempt's outcome, or (circuit open, no call made) when to try again.</summary>
    private sealed record Sent(WebhookAttemptOutcome? Outcome, DateTimeOffset? PostponedUntil);
}

/// <summary>Columns of <c>webhook_deliveries</c> that only the dispatcher uses.</summary>
internal static class WebhookDeliveryColumns
{
    /// <summary>Until when a dispatcher holds the delivery (its claim's lease).</summary>
    public const string LockedUntil = "LockedUntil";
}
