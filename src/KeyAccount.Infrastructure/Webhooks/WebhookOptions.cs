namespace KeyAccount.Infrastructure.Webhooks;

/// <summary>Settings of webhook delivery (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lifts the SSRF guard (private, loopback, link-local targets and plain HTTP): development and tests only.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How often the delivery job looks for events and due deliveries, in seconds.</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>Deliveries claimed per round.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>At most this many of one round's deliveries go to the same endpoint, so a slow receiver holds few of them.</summary>
    public int MaxPerEndpointPerBatch { get; set; } = 25;

    /// <summary>Calls in flight at once.</summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>How long one call may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
