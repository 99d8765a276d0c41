using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.ApiClients.CreateApiClient;
using KeyAccount.Application.ApiClients.GetApiClient;
using KeyAccount.Application.ApiClients.ListApiClients;
using KeyAccount.Application.ApiClients.RevokeApiClient;
using KeyAccount.Application.ApiClients.RotateApiClientSecret;
using KeyAccount.Application.ApiClients.UpdateApiClient;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.ApiClients;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/api-clients: third-party systems that call the API with OAuth 2.0 client credentials (Admin).</summary>
internal static class ApiClientsEndpoints
{
    private const string TokenHint = " The client gets tokens at POST /api/v1/auth/token (grant_type=client_credentials) with its clientId and clientSecret.";

    public static RouteGroupBuilder MapApiClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/api-clients").WithTags("API clients");
        clients.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListApiClientsQuery(), ct)))
            .WithName("ListApiClients").RequireAuthorization(Permissions.ApiClientsManage)
            .WithSummary("List API clients").WithDescription("Newest first, with their scopes, account scope, state (Active, Expired, Revoked) and when each last got a token. Secrets are never listed.");
        clients.MapPost("/", Create).WithName("CreateApiClient").RequireAuthorization(Permissions.ApiClientsManage).Creates().SendsETag()
            .WithSummary("Create an API client")
            .WithDescription("Registers a third-party system with scopes — permission strings such as `revenue:write`; an Admin may grant any permission — and answers with its `clientId` and `clientSecret` (`kac_…`), the secret shown this once (only its hash is stored). Optional: `accountScopeUserId` (an active account manager: the client then sees exactly that user's accounts; others are 404), `expiresAt` (in the future, any UTC offset) and `requestsPerMinute` (its own rate limit; default RateLimits:RequestsPerMinutePerClient)." + TokenHint)
            .ProducesValidationProblem();
        clients.MapGet("/{id:guid}", Get).WithName("GetApiClient").RequireAuthorization(Permissions.ApiClientsManage).SendsETag()
            .WithSummary("Get an API client").WithDescription("The client and its state; the ETag header carries its version.");
        clients.MapPut("/{id:guid}", Update).WithName("UpdateApiClient").RequireAuthorization(Permissions.ApiClientsManage).SendsETag()
            .WithSummary("Change an API client")
            .WithDescription("Replaces name, scopes, `expiresAt` (null: never; otherwise in the future) and `requestsPerMinute`. The account scope stays as created. Tokens holding a scope the client no longer has stop at their next request (ask for a new one). A revoked client cannot be changed (409). Requires If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        clients.MapPost("/{id:guid}/rotate-secret", Rotate).WithName("RotateApiClientSecret").RequireAuthorization(Permissions.ApiClientsManage).SendsETag()
            .WithSummary("Rotate the client secret")
            .WithDescription("A new secret, shown once. The previous secret keeps working for `overlapHours` (0–168, default 24), so the third party can switch without an outage; 0 stops it at once (after a leak). Tokens already issued keep working until they expire. A revoked client cannot be rotated (409). Requires If-Match.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        clients.MapPost("/{id:guid}/revoke", Revoke).WithName("RevokeApiClient").RequireAuthorization(Permissions.ApiClientsManage)
            .Action("revoking twice is revoking once")
            .WithSummary("Revoke an API client")
            .WithDescription("Stops the client for good: it gets no more tokens, and the tokens it holds stop working at their next request. The client stays listed (state Revoked) for the record; it is never deleted.");
        return api;
    }

    private static async Task<Created<ApiClientSecretDto>> Create(CreateApiClientInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var created = await m.Send(new CreateApiClientCommand(body), ct);
        ETags.Set(http, created.Client.Version);
        return TypedResults.Created($"/api/v1/api-clients/{created.Client.Id}", created);
    }

    private static async Task<Ok<ApiClientDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var client = await m.Send(new GetApiClientQuery(new ApiClientId(id)), ct);
        ETags.Set(http, client.Version);
        return TypedResults.Ok(client);
    }

    private static async Task<Ok<ApiClientDto>> Update(Guid id, UpdateApiClientInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var client = await m.Send(new UpdateApiClientCommand(new ApiClientId(id), body, ifMatch.Version), ct);
        ETags.Set(http, client.Version);
        return TypedResults.Ok(client);
    }

    private static async Task<Ok<ApiClientSecretDto>> Rotate(Guid id, RotateApiClientSecretInput? body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var rotated = await m.Send(new RotateApiClientSecretCommand(new ApiClientId(id), body?.OverlapHours, ifMatch.Version), ct);
        ETags.Set(http, rotated.Client.Version);
        return TypedResults.Ok(rotated);
    }

    private static async Task<Ok<ApiClientDto>> Revoke(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new RevokeApiClientCommand(new ApiClientId(id)), ct));
}
