namespace KeyAccount.Infrastructure.Outbox;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it; the webhook delivery job
/// (a later capability) reads unprocessed rows in order.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Event name, e.g. <c>account.created</c>.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The version of the event's shape.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset OccurredOn { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
