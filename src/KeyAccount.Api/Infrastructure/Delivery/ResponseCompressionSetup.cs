using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Dynamic compression (Brotli, then gzip) for what the server writes itself: the API's JSON and problems, the SPA's
/// index.html, Swagger UI and the OpenAPI document. The SPA's hashed files are compressed once at build time and
/// served as they are (<see cref="SpaAssets"/>); a response that already has a Content-Encoding is left alone.
/// <para>
/// BREACH: compression over HTTPS leaks, through response sizes, a secret that sits in the same body as text an
/// attacker chooses, if the attacker can make the victim's browser send that request with its credentials many
/// times. Our API authenticates with a bearer header the SPA adds itself (no cookies), so a third-party page cannot
/// make a victim's browser send authenticated requests; still, the responses that carry a credential (the login's
/// token, see <see cref="CredentialResponses"/>) are never compressed: they are small, and it costs nothing to rule
/// the attack out there. Hence <c>EnableForHttps</c> for the rest (behind a TLS proxy, or with Kestrel on HTTPS).
/// </para>
/// </summary>
internal static class ResponseCompressionSetup
{
    public static IServiceCollection AddKeyAccountResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
            [
                "application/problem+json",
                "image/svg+xml",
                "text/csv",
            ]);
        });

        // Brotli's and gzip's "Optimal" (quality 4 / level 6 in .NET): most of the gain of the highest levels at a small
        // fraction of their CPU, which matters on a 2-core machine compressing every JSON list it sends.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, CredentialAwareCompressionProvider>());
        return services;
    }

    /// <summary>The framework's provider, except that a response carrying a credential is never compressed.</summary>
    private sealed class CredentialAwareCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _inner.CheckRequestAcceptsCompression(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            !CredentialResponses.IsCredentialResponse(context) && _inner.ShouldCompressResponse(context);
    }
}
