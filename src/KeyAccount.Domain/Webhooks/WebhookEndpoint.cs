using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Webhooks;

/// <summary>
/// A receiver of events: where to POST them, which event types, and the secret that signs them. A rotated secret
/// keeps signing next to the new one for <see cref="SecretOverlap"/>, so receivers can switch without losing a
/// delivery. The endpoint disables itself when its receiver answers 410 Gone or has failed for
/// <see cref="FailingLimit"/> without one success.
/// </summary>
public sealed class WebhookEndpoint : AggregateRoot
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);
    public static readonly TimeSpan FailingLimit = TimeSpan.FromDays(5);

    private List<string> _eventTypes = [];

    private WebhookEndpoint()
    {
        Url = string.Empty;
        Secret = string.Empty;
    }

    public WebhookEndpointId Id { get; private set; }

    public string Url { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The public event names it receives, each one of <see cref="PublicEvents"/> (checked where requests are validated).</summary>
    public IReadOnlyList<string> EventTypes => _eventTypes;

    public string Secret { get; private set; }

    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public bool IsEnabled { get; private set; }

    public WebhookDisabledReason? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>When the current run of failures began (null while deliveries succeed).</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WebhookEndpoint Create(Uri url, IReadOnlyCollection<string> eventTypes, string? description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var endpoint = new WebhookEndpoint
        {
            Id = WebhookEndpointId.New(),
            Secret = WebhookSecret.New(),
            IsEnabled = true,
            CreatedAt = now,
        };
        endpoint.Change(url, eventTypes, description, now);
        return endpoint;
    }

    /// <summary>Changes where, what and the description; switching it on again starts with a clean failure record.</summary>
    public void Update(Uri url, IReadOnlyCollection<string> eventTypes, string? description, bool enabled, DateTimeOffset now)
    {
        Change(url, eventTypes, description, now);
        if (enabled && !IsEnabled)
        {
            IsEnabled = true;
            DisabledReason = null;
            DisabledAt = null;
            FailingSince = null;
        }
        else if (!enabled && IsEnabled)
        {
            Disable(WebhookDisabledReason.Manual, now);
        }
    }

    /// <summary>A new secret; the current one keeps signing beside it for <see cref="SecretOverlap"/>.</summary>
    public string RotateSecret(DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + SecretOverlap;
        Secret = WebhookSecret.New();
        UpdatedAt = now;
        return Secret;
    }

    /// <summary>The secrets a delivery made at <paramref name="now"/> is signed with: the current one, and the previous during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) => SigningSecrets(Secret, PreviousSecret, PreviousSecretExpiresAt, now);

    /// <summary>The same rule over the stored columns, for a dispatcher that reads them without loading the endpoint.</summary>
    public static IReadOnlyList<string> SigningSecrets(string secret, string? previousSecret, DateTimeOffset? previousSecretExpiresAt, DateTimeOffset now) =>
        previousSecret is { } previous && previousSecretExpiresAt > now ? [secret, previous] : [secret];

    public void RecordDelivered() => FailingSince = null;

    /// <summary>A failed attempt; returns true when it disables the endpoint (410 Gone, or failing for too long).</summary>
    public bool RecordFailed(DateTimeOffset now, bool gone)
    {
        if (!IsEnabled)
        {
            return false;
        }

        FailingSince ??= now;
        if (gone)
        {
            Disable(WebhookDisabledReason.Gone, now);
            return true;
        }

        if (now - FailingSince.Value >= FailingLimit)
        {
            Disable(WebhookDisabledReason.FailingTooLong, now);
            return true;
        }

        return false;
    }

    private void Disable(WebhookDisabledReason reason, DateTimeOffset now)
    {
        IsEnabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }

    private void Change(Uri url, IReadOnlyCollection<string> eventTypes, string? description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(eventTypes);
        Url = url.AbsoluteUri;
        _eventTypes = [.. eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }
}
