using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The SPA's hashed build output (<c>/assets/*</c>, a new name for every change): cached for a year as immutable,
/// and sent as the <c>.br</c> or <c>.gz</c> file the build wrote beside each one (client/vite.config.ts,
/// precompress) when the browser accepts it, so the server never compresses them again. Everything else of the SPA
/// (index.html, the client-side routes, favicon) is <see cref="SpaHosting"/>'s and is revalidated every time
/// (<see cref="BrowserSecurityHeaders"/>).
/// </summary>
internal static class SpaAssets
{
    public const string AssetsPath = "/assets";

    public const string Immutable = "public, max-age=31536000, immutable";

    private const string EncodingItem = "KeyAccount.PrecompressedEncoding";

    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Serves /assets/* from KeyAccount:SpaPath (before <see cref="SpaHosting.UseSpaFiles"/>); nothing without an SPA.</summary>
    public static void UsePrecompressedSpaAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration["KeyAccount:SpaPath"] is not { Length: > 0 } path || !Directory.Exists(path))
        {
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(path));
        var options = new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new OriginalNameContentTypes(),
            OnPrepareResponse = static file =>
            {
                var headers = file.Context.Response.Headers;
                headers.CacheControl = Immutable;
                headers.Vary = HeaderNames.AcceptEncoding;
                if (file.Context.Items[EncodingItem] is string encoding)
                {
                    headers.ContentEncoding = encoding;
                }
            },
        };

        app.UseWhen(
            context => (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.Request.Path.StartsWithSegments(AssetsPath, StringComparison.OrdinalIgnoreCase),
            branch =>
            {
                branch.Use((context, next) => ChooseRepresentation(context, files, next));
                branch.UseStaticFiles(options);
            });
    }

    /// <summary>Rewrites the request to the precompressed file the browser accepts, if the build wrote one.</summary>
    private static async Task ChooseRepresentation(HttpContext context, PhysicalFileProvider files, RequestDelegate next)
    {
        var path = context.Request.Path.Value!;
        if (Precompressed.Any(p => path.EndsWith(p.Suffix, StringComparison.OrdinalIgnoreCase)))
        {
            // Only ever sent in place of the file it compresses, with its Content-Encoding; not addressable itself.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // The accepted encoding with the highest q that the build wrote a file for; Brotli first on a tie.
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        var choice = Precompressed
            .Select((p, order) => (p.Encoding, p.Suffix, order, Quality: accepted
                .Where(a => string.Equals(a.Value.Value, p.Encoding, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Quality ?? 1)
                .DefaultIfEmpty(0)
                .Max()))
            .Where(c => c.Quality > 0 && files.GetFileInfo(path + c.Suffix) is { Exists: true, IsDirectory: false })
            .OrderByDescending(c => c.Quality)
            .ThenBy(c => c.order)
            .FirstOrDefault();
        if (choice.Encoding is null || files.GetFileInfo(path) is not { Exists: true, IsDirectory: false })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Items[EncodingItem] = choice.Encoding;
        context.Request.Path = path + choice.Suffix;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Request.Path = path;
        }
    }

    /// <summary>A precompressed file has the media type of the file it compresses.</summary>
    private sealed class OriginalNameContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _inner = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Precompressed)
            {
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return _inner.TryGetContentType(subpath[..^suffix.Length], out contentType!);
                }
            }

            return _inner.TryGetContentType(subpath, out contentType!);
        }
    }
}
