using KeyAccount.Api.Endpoints;
using KeyAccount.Application.Common.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The token endpoint speaks OAuth, not problem details: its 400 and 401 are RFC 6749 §5.2 JSON
/// (<see cref="OAuthError"/>), and it answers a wrong content type with <c>invalid_request</c> rather than 415. Runs
/// after <see cref="ProblemContentFilter"/>, which gives every other error a problem document.
/// </summary>
internal sealed class OAuthTokenOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OAuthTokenEndpointMarker>().Any() || operation.Responses is null)
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(OAuthError), context.SchemaRepository);
        OpenApiMediaType Json(string error, string description) => new()
        {
            Schema = schema,
            Example = new System.Text.Json.Nodes.JsonObject { ["error"] = error, ["error_description"] = description },
        };

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "RFC 6749 §4.4.2, form-encoded.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ClientCredentialsForm), context.SchemaRepository) },
            },
        };
        operation.Responses.Remove("415");
        if (operation.Responses.TryGetValue("400", out var bad) && bad is OpenApiResponse badRequest)
        {
            badRequest.Description = "RFC 6749 §5.2: `invalid_request` (not a form, a parameter missing or repeated, two client authentication methods), `invalid_scope` (a scope not granted to the client) or `unsupported_grant_type`.";
            badRequest.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Json("invalid_scope", "Not granted to this client: accounts:read.") };
        }

        if (operation.Responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse invalidClient)
        {
            invalidClient.Description = "RFC 6749 §5.2 `invalid_client`: unknown client, wrong secret, or the client is revoked or expired (one answer for all, so client ids cannot be probed). Carries `WWW-Authenticate: Basic realm=\"keyaccount\"`.";
            invalidClient.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = Json("invalid_client", "Client authentication failed (unknown client, wrong secret, or the client is revoked or expired).") };
        }

        if (operation.Responses.TryGetValue("429", out var limited) && limited is OpenApiResponse tooMany)
        {
            tooMany.Description = "Too many token requests from your address: retry after `Retry-After` seconds.";
        }
    }
}

/// <summary>The OAuth 2.0 client credentials security scheme, next to the bearer scheme: its scopes are the permission strings.</summary>
internal static class OAuthSecurityScheme
{
    public const string Name = "OAuth2";

    public static OpenApiSecurityScheme Create() => new()
    {
        Type = SecuritySchemeType.OAuth2,
        Description = "For third-party systems (API clients, created by an Admin at /api/v1/api-clients): OAuth 2.0 client credentials at `POST /api/v1/auth/token`. A scope is a permission string; each operation names the one it needs. The token is sent as a bearer token: a JWT signed with HS256 only, following RFC8725, expiring after `expires_in` seconds.",
        Flows = new OpenApiOAuthFlows
        {
            ClientCredentials = new OpenApiOAuthFlow
            {
                TokenUrl = new Uri("/api/v1/auth/token", UriKind.Relative),
                Scopes = Permissions.All.ToDictionary(p => p, p => $"The {p} permission."),
            },
        },
    };
}
