using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Application.Webhooks.CreateWebhookEndpoint;
using KeyAccount.Application.Webhooks.DeleteWebhookEndpoint;
using KeyAccount.Application.Webhooks.GetWebhookEndpoint;
using KeyAccount.Application.Webhooks.ListWebhookDeliveries;
using KeyAccount.Application.Webhooks.ListWebhookEndpoints;
using KeyAccount.Application.Webhooks.RecoverWebhookDeliveries;
using KeyAccount.Application.Webhooks.ReplayWebhookDelivery;
using KeyAccount.Application.Webhooks.RotateWebhookSecret;
using KeyAccount.Application.Webhooks.SendWebhookTest;
using KeyAccount.Application.Webhooks.UpdateWebhookEndpoint;
using KeyAccount.Domain.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/webhooks: endpoints that receive signed events (Standard Webhooks 1.0), their delivery log, and the event catalogue.</summary>
internal static class WebhooksEndpoints
{
    private const string Signing = " Deliveries are POSTed with the headers webhook-id (the same on every retry: drop duplicates by it), webhook-timestamp (Unix seconds) and webhook-signature (`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">` under the endpoint's secret); any 2xx acknowledges, anything else is retried at 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±20 %, a longer Retry-After honoured); 410 Gone disables the endpoint.";

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/event-types", (EventCatalogue catalogue) => TypedResults.Ok(catalogue.EventTypes))
            .WithName("ListWebhookEventTypes").RequireAuthorization(Permissions.WebhooksManage)
            .WithSummary("The event catalogue")
            .WithDescription("Every event an endpoint can subscribe to: its public name, version, what it means, and the JSON schema of its delivery body `{type, version, timestamp, data}`. A change of shape comes as a new version; the schemas are also in the OpenAPI document's `webhooks`.");

        var endpoints = webhooks.MapGroup("/endpoints");
        endpoints.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListWebhookEndpointsQuery(), ct)))
            .WithName("ListWebhookEndpoints").RequireAuthorization(Permissions.WebhooksManage)
            .WithSummary("List webhook endpoints").WithDescription("Newest first, with their state (enabled, why disabled, failing since). Secrets are never listed.");
        endpoints.MapPost("/", Create).WithName("CreateWebhookEndpoint").RequireAuthorization(Permissions.WebhooksManage).Creates().SendsETag()
            .WithSummary("Create a webhook endpoint")
            .WithDescription("Subscribes an HTTPS URL to event types of the catalogue and answers with its signing secret `whsec_…` — shown this once. The URL's host must resolve to public addresses only (no loopback, private, link-local or metadata address: 400 on `url`)." + Signing)
            .ProducesValidationProblem();
        endpoints.MapGet("/{id:guid}", Get).WithName("GetWebhookEndpoint").RequireAuthorization(Permissions.WebhooksManage).SendsETag()
            .WithSummary("Get a webhook endpoint").WithDescription("The endpoint and its state; the ETag header carries its version.");
        endpoints.MapPut("/{id:guid}", Update).WithName("UpdateWebhookEndpoint").RequireAuthorization(Permissions.WebhooksManage).SendsETag()
            .WithSummary("Change a webhook endpoint")
            .WithDescription("Replaces URL, event types and description; `enabled: false` switches it off, `true` on again (clearing its failure record; deliveries that died meanwhile are sent again with /recover). Requires If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        endpoints.MapDelete("/{id:guid}", Delete).WithName("DeleteWebhookEndpoint").RequireAuthorization(Permissions.WebhooksManage)
            .WithSummary("Delete a webhook endpoint").WithDescription("Deletes the endpoint with its delivery log; pending deliveries are not sent. Requires If-Match.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        endpoints.MapPost("/{id:guid}/rotate-secret", Rotate).WithName("RotateWebhookSecret").RequireAuthorization(Permissions.WebhooksManage).SendsETag()
            .WithSummary("Rotate the signing secret")
            .WithDescription("A new secret, shown once. For 24 hours every delivery carries two signatures (new and previous secret, space-separated in webhook-signature), so the receiver can switch without losing one. Requires If-Match.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        endpoints.MapGet("/{id:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries").RequireAuthorization(Permissions.WebhooksManage)
            .WithSummary("The endpoint's delivery log")
            .WithDescription("Newest first: event, attempts, last status code and duration, next attempt. Filter by status and event type.")
            .ProducesValidationProblem();
        endpoints.MapPost("/{id:guid}/recover", Recover).WithName("RecoverWebhookDeliveries").RequireAuthorization(Permissions.WebhooksManage)
            .Action("queues existing dead deliveries again; it creates nothing and a repeat finds none left to queue")
            .WithSummary("Send again everything that failed since an instant")
            .WithDescription("After the receiver's outage: every dead delivery of this endpoint queued since `since` (at most 30 days ago, up to 10,000 per call) is sent again now, with its original webhook-id.")
            .ProducesValidationProblem();
        endpoints.MapPost("/{id:guid}/test", Test).WithName("SendWebhookTest").RequireAuthorization(Permissions.WebhooksManage)
            .Action("queues a test delivery; each call is one more test, by design")
            .WithSummary("Send a test event")
            .WithDescription("Queues a `webhook.test` delivery to this endpoint (whatever it subscribes to), sent at once and logged like any other: check that the receiver verifies the signature and answers 2xx.");

        webhooks.MapPost("/deliveries/{id:guid}/replay", Replay).WithName("ReplayWebhookDelivery").RequireAuthorization(Permissions.WebhooksManage)
            .Action("sends an existing delivery again with its original webhook-id; receivers drop duplicates by it")
            .WithSummary("Replay a delivery")
            .WithDescription("Sends the delivery again now, with the same webhook-id and body. A delivery of a deleted endpoint no longer exists (404).");
        return api;
    }

    private static async Task<Created<WebhookEndpointSecretDto>> Create(WebhookEndpointInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var created = await m.Send(new CreateWebhookEndpointCommand(body), ct);
        ETags.Set(http, created.Endpoint.Version);
        return TypedResults.Created($"/api/v1/webhooks/endpoints/{created.Endpoint.Id}", created);
    }

    private static async Task<Ok<WebhookEndpointDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var endpoint = await m.Send(new GetWebhookEndpointQuery(new WebhookEndpointId(id)), ct);
        ETags.Set(http, endpoint.Version);
        return TypedResults.Ok(endpoint);
    }

    private static async Task<Ok<WebhookEndpointDto>> Update(Guid id, WebhookEndpointInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var endpoint = await m.Send(new UpdateWebhookEndpointCommand(new WebhookEndpointId(id), body, ifMatch.Version), ct);
        ETags.Set(http, endpoint.Version);
        return TypedResults.Ok(endpoint);
    }

    private static async Task<NoContent> Delete(Guid id, IfMatch ifMatch, IMediator m, CancellationToken ct)
    {
        await m.Send(new DeleteWebhookEndpointCommand(new WebhookEndpointId(id), ifMatch.Version), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WebhookEndpointSecretDto>> Rotate(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var rotated = await m.Send(new RotateWebhookSecretCommand(new WebhookEndpointId(id), ifMatch.Version), ct);
        ETags.Set(http, rotated.Endpoint.Version);
        return TypedResults.Ok(rotated);
    }

    /// <param name="id">The endpoint.</param>
    /// <param name="status">Only deliveries in this status.</param>
    /// <param name="eventType">Only this event type.</param>
    /// <param name="page">1-based page (default 1).</param>
    /// <param name="pageSize">Rows per page, 1–200 (default 50).</param>
    private static async Task<Ok<PagedResult<WebhookDeliveryDto>>> Deliveries(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] WebhookDeliveryStatus? status = null,
        [FromQuery, MaxLength(100)] string? eventType = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListWebhookDeliveriesQuery { EndpointId = new WebhookEndpointId(id), Status = status, EventType = eventType, Page = page, PageSize = pageSize }, ct));

    private static async Task<Ok<WebhookRecoveryDto>> Recover(Guid id, RecoverInput body, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new RecoverWebhookDeliveriesCommand(new WebhookEndpointId(id), body.Since), ct));

    private static async Task<Ok<WebhookDeliveryDto>> Test(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new SendWebhookTestCommand(new WebhookEndpointId(id)), ct));

    private static async Task<Ok<WebhookDeliveryDto>> Replay(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ReplayWebhookDeliveryCommand(id), ct));
}

/// <summary>What to recover.</summary>
public sealed record RecoverInput
{
    /// <summary>Send again the dead deliveries queued from this instant on (any UTC offset; at most 30 days ago).</summary>
    /// <example>2026-12-01T08:00:00+08:00</example>
    public required DateTimeOffset Since { get; init; }
}
