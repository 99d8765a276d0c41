using KeyAccount.Application.Users.Common;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Links in emails point at the SPA. Behind a proxy the request's own origin may be an internal address, so
/// <c>App:PublicBaseUrl</c> (e.g. <c>https://kam.example.cn</c>) wins when set; otherwise the origin the Admin's
/// browser used, which is where the SPA is served from.
/// </summary>
internal sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor accessor) : IPublicLinks
{
    public string SetPassword(string token) => $"{BaseUrl()}/set-password?token={Uri.EscapeDataString(token)}";

    private string BaseUrl()
    {
        if (configuration["App:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("A set-password link needs App:PublicBaseUrl outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
