using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Webhooks;

/// <summary>A test delivery an admin sent to one endpoint, to check that its receiver verifies and accepts our calls.</summary>
/// <param name="EndpointId">The endpoint it was sent to.</param>
/// <param name="OccurredOn">When it was sent.</param>
[PublicEvent("webhook.test", 1)]
public sealed record WebhookTestSent(WebhookEndpointId EndpointId, DateTimeOffset OccurredOn) : IDomainEvent;
