using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Webhooks;

public readonly record struct WebhookEndpointId(Guid Value) : ITypedId<WebhookEndpointId>
{
    public static WebhookEndpointId From(Guid value) => new(value);

    public static WebhookEndpointId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Why an endpoint no longer receives deliveries.</summary>
public enum WebhookDisabledReason
{
    /// <summary>An admin switched it off.</summary>
    Manual,

    /// <summary>The receiver answered 410 Gone: it asked not to be called again.</summary>
    Gone,

    /// <summary>Every delivery failed for <see cref="WebhookEndpoint.FailingLimit"/>.</summary>
    FailingTooLong,
}
