using System.ComponentModel.DataAnnotations;
using KeyAccount.Domain.Webhooks;

namespace KeyAccount.Application.Webhooks.Common;

/// <summary>A webhook endpoint: where events are POSTed, which ones, and its state. The secret is never shown again after creation or rotation.</summary>
/// <param name="Id">Endpoint id.</param>
/// <param name="Url" example="https://erp.example.cn/hooks/keyaccount">Where deliveries are POSTed (HTTPS).</param>
/// <param name="Description" example="ERP：客户等级与投诉同步">What it is for.</param>
/// <param name="EventTypes">The public event names it receives (see GET /api/v1/webhooks/event-types).</param>
/// <param name="Enabled">False when switched off, after a 410 Gone, or after five days of failures.</param>
/// <param name="DisabledReason">Why it is disabled: Manual, Gone or FailingTooLong.</param>
/// <param name="DisabledAt">When it was disabled.</param>
/// <param name="FailingSince">When the current run of failed deliveries began (null while deliveries succeed).</param>
/// <param name="PreviousSecretExpiresAt">After a rotation: until when deliveries are also signed with the previous secret.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Concurrency version (also the ETag).</param>
public sealed record WebhookEndpointDto(
    WebhookEndpointId Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled, WebhookDisabledReason? DisabledReason,
    DateTimeOffset? DisabledAt, DateTimeOffset? FailingSince, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version)
{
    public static WebhookEndpointDto From(WebhookEndpoint e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Url, e.Description, e.EventTypes, e.IsEnabled, e.DisabledReason, e.DisabledAt, e.FailingSince, e.PreviousSecretExpiresAt, e.CreatedAt, e.UpdatedAt, e.Version);
    }
}

/// <summary>An endpoint with its signing secret: shown once, when the endpoint is created or its secret rotated.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Secret" example="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw">The signing secret (Standard Webhooks form): store it now; it is not shown again.</param>
public sealed record WebhookEndpointSecretDto(WebhookEndpointDto Endpoint, string Secret);

/// <summary>A new or changed endpoint.</summary>
public sealed record WebhookEndpointInput
{
    /// <summary>Where to POST deliveries: an absolute HTTPS URL whose host resolves to a public address (at most 2048 characters).</summary>
    /// <example>https://erp.example.cn/hooks/keyaccount</example>
    [MaxLength(WebhookEndpoint.MaxUrlLength)]
    public required string Url { get; init; }

    /// <summary>The public event names to receive (1–50), each from the catalogue.</summary>
    /// <example>["complaint.filed", "account.tier_changed"]</example>
    [MaxLength(WebhookEndpointInputValidator.MaxEventTypes)]
    public required IReadOnlyList<string> EventTypes { get; init; }

    /// <summary>What it is for (at most 500 characters).</summary>
    /// <example>ERP：客户等级与投诉同步</example>
    [MaxLength(WebhookEndpoint.MaxDescriptionLength)]
    public string? Description { get; init; }

    /// <summary>On an update: false switches the endpoint off, true on again (clearing its failure record). Ignored on create.</summary>
    /// <example>true</example>
    public bool Enabled { get; init; } = true;
}

/// <summary>One event for one endpoint, with its last attempt.</summary>
/// <param name="Id">Delivery id (replay it with POST /api/v1/webhooks/deliveries/{id}/replay).</param>
/// <param name="MessageId" example="msg_0193a5b0c8e47d3f9a1e2b3c4d5e6f70">The webhook-id header: the same on every retry and replay.</param>
/// <param name="EventType" example="complaint.filed">The event's public name.</param>
/// <param name="Status">Pending (waiting for its next attempt), Succeeded or Dead (the schedule is spent).</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="CreatedAt">When the event was queued for this endpoint.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="LastStatusCode">The receiver's last HTTP status (null: no answer).</param>
/// <param name="LastDurationMs">How long the last attempt took, in milliseconds.</param>
/// <param name="LastError" example="HTTP 503">Why the last attempt failed.</param>
/// <param name="NextAttemptAt">When it is tried next (null when succeeded or dead).</param>
public sealed record WebhookDeliveryDto(
    Guid Id, string MessageId, string EventType, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    int? LastStatusCode, int? LastDurationMs, string? LastError, DateTimeOffset? NextAttemptAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.MessageId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.LastStatusCode, d.LastDurationMs, d.LastError, d.NextAttemptAt);
    }
}
