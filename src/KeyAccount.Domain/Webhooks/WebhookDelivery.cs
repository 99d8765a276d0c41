namespace KeyAccount.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt (the first, or a retry).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt of the schedule failed: kept, and replayable.</summary>
    Dead,
}

/// <summary>What one attempt to deliver came to.</summary>
/// <param name="StatusCode">The receiver's HTTP status, or null when no answer came (refused, timed out, TLS).</param>
/// <param name="Duration">How long the attempt took.</param>
/// <param name="Error">Why it failed, in a line (no answer, or a non-2xx status).</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it sent one.</param>
public sealed record WebhookAttemptOutcome(int? StatusCode, TimeSpan Duration, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks not to be called again.</summary>
    public bool Gone => StatusCode == 410;
}

/// <summary>
/// One event for one endpoint: the body is fixed when the event is fanned out, and <see cref="MessageId"/> (the
/// <c>webhook-id</c> header) stays the same across retries and replays, so receivers can drop duplicates.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 500;

    private WebhookDelivery()
    {
        MessageId = string.Empty;
        EventType = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public WebhookEndpointId EndpointId { get; private set; }

    /// <summary>The <c>webhook-id</c>: <c>msg_</c> and the delivery's id.</summary>
    public string MessageId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The Standard Webhooks body <c>{type, version, timestamp, data}</c>, exactly as signed and sent.</summary>
    public string Body { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public int? LastDurationMs { get; private set; }

    public string? LastError { get; private set; }

    public static WebhookDelivery Create(Guid id, WebhookEndpointId endpointId, string eventType, string body, DateTimeOffset now) => new()
    {
        Id = id,
        EndpointId = endpointId,
        MessageId = MessageIdOf(id),
        EventType = eventType,
        Body = body,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public static string MessageIdOf(Guid deliveryId) => "msg_" + deliveryId.ToString("N");

    /// <summary>Records an attempt: delivered, or the next attempt by the schedule, or dead after the last one.</summary>
    public void Record(WebhookAttemptOutcome outcome, DateTimeOffset now, double random)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = outcome.StatusCode;
        LastDurationMs = (int)Math.Min(int.MaxValue, Math.Round(outcome.Duration.TotalMilliseconds));
        LastError = outcome.Error is { Length: > MaxErrorLength } e ? e[..MaxErrorLength] : outcome.Error;
        if (outcome.Succeeded)
        {
            Status = WebhookDeliveryStatus.Succeeded;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = WebhookRetrySchedule.NextAttemptAfterFailure(Math.Min(Attempts, WebhookRetrySchedule.MaxAttempts), now, outcome.RetryAfter, random);
        Status = NextAttemptAt is null ? WebhookDeliveryStatus.Dead : WebhookDeliveryStatus.Pending;
    }

    /// <summary>The endpoint's circuit is open: no call was made, try again when it may close (no attempt counted).</summary>
    public void Postpone(DateTimeOffset until) => NextAttemptAt = until;

    /// <summary>Sends it again now, with the same <c>webhook-id</c> and body; one more failure makes it dead again once the schedule is spent.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        if (Attempts >= WebhookRetrySchedule.MaxAttempts)
        {
            Attempts = WebhookRetrySchedule.MaxAttempts - 1;
        }
    }
}
