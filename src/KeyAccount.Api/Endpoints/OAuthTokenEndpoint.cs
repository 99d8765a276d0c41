using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Auth.IssueClientToken;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace KeyAccount.Api.Endpoints;

/// <summary>
/// POST /api/v1/auth/token: the OAuth 2.0 client credentials grant (RFC 6749 §4.4), written by hand (see the README
/// for why not a library). This edge does what the RFC says about HTTP: a form body (§4.4.2), client authentication
/// by HTTP Basic with form-encoded id and secret (§2.3.1) or in the body, never both (§2.3), errors as JSON with
/// <c>error</c> and <c>error_description</c> (§5.2) — 401 with WWW-Authenticate for a failed Basic authentication —
/// and no caching of any answer (§5.1). The checks of the client itself are <see cref="IssueClientTokenHandler"/>'s.
/// </summary>
internal static class OAuthTokenEndpoint
{
    public const string Path = "/auth/token";
    public const string Realm = "keyaccount";

    public static RouteGroupBuilder MapOAuthToken(this RouteGroupBuilder api)
    {
        api.MapPost(Path, Token).WithTags("Auth").WithName("IssueClientToken").AllowAnonymous()
            .Action("issues a new short-lived token on every call; it creates nothing a retry could duplicate")
            .RequireRateLimiting(RateLimits.Login)
            .WithMetadata(new OAuthTokenEndpointMarker())
            // The form body is documented by OAuthTokenOperationFilter, not declared with Accepts: routing would
            // answer any other content type with 415 itself, where §5.2 wants invalid_request.
            .Produces<TokenResponse>(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Get an access token for an API client (OAuth 2.0 client credentials)")
            .WithDescription("""
                RFC 6749 §4.4. Send `application/x-www-form-urlencoded` with `grant_type=client_credentials` and optionally `scope` (space-separated permission strings, each granted to the client; absent: all of them).
                Authenticate the client either with HTTP Basic (`Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))`, RFC 6749 §2.3.1) or with `client_id` and `client_secret` in the body — not both.
                The answer is `{ access_token, token_type: "Bearer", expires_in, scope }` (no refresh token: ask again). Send the token as `Authorization: Bearer <access_token>`; it allows exactly its scopes on every endpoint, and stops working when the client is revoked or expires.
                Errors are RFC 6749 §5.2 JSON `{ error, error_description }`: `invalid_request` (400: not a form, missing or repeated parameter, two authentication methods), `invalid_client` (401: unknown client, wrong secret, revoked or expired; with `WWW-Authenticate: Basic` when Basic was used), `invalid_scope` (400), `unsupported_grant_type` (400).
                Limited per address like sign-in; answers are never cached (`Cache-Control: no-store`).
                """);
        return api;
    }

    private static async Task<Results<JsonHttpResult<TokenResponse>, JsonHttpResult<OAuthError>>> Token(HttpContext http, IMediator mediator, CancellationToken ct)
    {
        // §5.1 for success and, since an error may echo what was sent, for errors too.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Send the parameters as application/x-www-form-urlencoded (RFC 6749 §4.4.2).");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The form body could not be read.");
        }

        // §3.2: parameters sent without a value are treated as omitted; none may be repeated.
        string? Single(string name, out bool repeated)
        {
            var values = form.TryGetValue(name, out var v) ? v : StringValues.Empty;
            repeated = values.Count > 1;
            return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
        }

        var grantType = Single("grant_type", out var r1);
        var scope = Single("scope", out var r2);
        var bodyId = Single("client_id", out var r3);
        var bodySecret = Single("client_secret", out var r4);
        if (r1 || r2 || r3 || r4)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "A parameter is repeated (RFC 6749 §3.2).");
        }

        if (new[] { grantType, scope, bodyId, bodySecret }.Any(v => v is { Length: > ClientCredentialsForm.MaxParameterLength }))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", $"A parameter is longer than {ClientCredentialsForm.MaxParameterLength} characters.");
        }

        var basicTried = AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase);
        if (basicTried && (bodyId is not null || bodySecret is not null))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Authenticate the client with one method: HTTP Basic or client_id/client_secret in the body, not both (RFC 6749 §2.3).");
        }

        if (grantType is null)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required.");
        }

        if (grantType != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }

        string? id;
        string? secret;
        if (basicTried)
        {
            (id, secret) = ReadBasic(header!.Parameter);
        }
        else
        {
            (id, secret) = (bodyId, bodySecret);
        }

        if (id is null || secret is null)
        {
            return InvalidClient(http);
        }

        var result = await mediator.Send(new IssueClientTokenCommand(id, secret, scope), ct);
        if (result.Token is { } token)
        {
            return TypedResults.Json(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn, token.Scope), statusCode: StatusCodes.Status200OK);
        }

        return result.Refusal == ClientTokenRefusal.InvalidClient
            ? InvalidClient(http)
            : Error(StatusCodes.Status400BadRequest, "invalid_scope", result.Description!);
    }

    /// <summary>§2.3.1: the id and secret are form-urlencoded before they are joined with ':' and base64-encoded.</summary>
    private static (string? Id, string? Secret) ReadBasic(string? parameter)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (null, null);
            }

            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// §5.2 requires 401 with a challenge naming the scheme when the client tried HTTP Basic, and allows it otherwise;
    /// one answer for both keeps the failure the same whichever way the credentials came.
    /// </summary>
    private static JsonHttpResult<OAuthError> InvalidClient(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed (unknown client, wrong secret, or the client is revoked or expired).");
    }

    private static JsonHttpResult<OAuthError> Error(int status, string error, string description) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);
}

/// <summary>Marks the token endpoint, whose errors the OpenAPI document describes as RFC 6749 JSON rather than problem details.</summary>
internal sealed record OAuthTokenEndpointMarker;

/// <summary>The client credentials request (RFC 6749 §4.4.2), form-encoded.</summary>
public sealed record ClientCredentialsForm
{
    /// <summary>The longest value any parameter may have (a longer one is <c>invalid_request</c>).</summary>
    public const int MaxParameterLength = 1000;

    /// <summary>Must be <c>client_credentials</c>.</summary>
    /// <example>client_credentials</example>
    [JsonPropertyName("grant_type")]
    [System.ComponentModel.DataAnnotations.MaxLength(MaxParameterLength)]
    public required string GrantType { get; init; }

    /// <summary>Optional: the permission strings wanted, space-separated, each granted to the client (absent: every scope of the client).</summary>
    /// <example>revenue:write</example>
    [JsonPropertyName("scope")]
    [System.ComponentModel.DataAnnotations.MaxLength(MaxParameterLength)]
    public string? Scope { get; init; }

    /// <summary>The client id, when not sent with HTTP Basic.</summary>
    /// <example>0193a5b0-c8e4-7d3f-9a1e-2b3c4d5e6f70</example>
    [JsonPropertyName("client_id")]
    [System.ComponentModel.DataAnnotations.MaxLength(MaxParameterLength)]
    public string? ClientId { get; init; }

    /// <summary>The client secret (<c>kac_…</c>), when not sent with HTTP Basic.</summary>
    /// <example>kac_Q2hhbmdlLW1lLW5vdy1pdC1pcy1hbi1leGFtcGxlLW9ubHk</example>
    [JsonPropertyName("client_secret")]
    [System.ComponentModel.DataAnnotations.MaxLength(MaxParameterLength)]
    public string? ClientSecret { get; init; }
}

/// <summary>An access token (RFC 6749 §5.1). There is no refresh token: ask again with the client's credentials.</summary>
/// <param name="AccessToken">The bearer token (a JWT).</param>
/// <param name="TokenType" example="Bearer">Always Bearer.</param>
/// <param name="ExpiresIn" example="3600">Seconds until the token expires.</param>
/// <param name="Scope" example="revenue:write">The scopes granted, space-separated.</param>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>An OAuth error (RFC 6749 §5.2).</summary>
/// <param name="Error" example="invalid_client">invalid_request, invalid_client, invalid_scope or unsupported_grant_type.</param>
/// <param name="ErrorDescription" example="Client authentication failed (unknown client, wrong secret, or the client is revoked or expired).">What went wrong, in English.</param>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
