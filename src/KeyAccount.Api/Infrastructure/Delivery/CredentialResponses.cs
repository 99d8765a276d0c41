namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The endpoints whose successful answer carries a credential (a bearer token, a client secret): such a response
/// is never stored (<c>Cache-Control: no-store</c>) and never compressed. Listed here by route template, in one
/// place, so that the endpoint files stay as they are; add a route when an endpoint starts handing out secrets
/// (API clients' token endpoint and secret rotation, design §1.7).
/// </summary>
internal static class CredentialResponses
{
    private static readonly HashSet<string> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/api/v1/auth/login",
        "/api/v1/auth/token",
        "/api/v1/api-clients/",
        "/api/v1/api-clients/{id:guid}/rotate-secret",
    };

    public static bool IsCredentialResponse(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } && Routes.Contains(route);
}
