using Microsoft.Extensions.FileProviders;

namespace KeyAccount.Api.Infrastructure;

/// <summary>Serves the built SPA (KeyAccount:SpaPath, set by deploy/run.sh) on the API's port, with client-side routing fallback.</summary>
internal static class SpaHosting
{
    private static PhysicalFileProvider? Provider(WebApplication app) =>
        app.Configuration["KeyAccount:SpaPath"] is { Length: > 0 } path && Directory.Exists(path) ? new PhysicalFileProvider(Path.GetFullPath(path)) : null;

    public static void UseSpaFiles(WebApplication app)
    {
        if (Provider(app) is { } files)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
    }

    public static void MapFallback(WebApplication app)
    {
        if (Provider(app) is { } files)
        {
            // Unknown /api and /swagger paths stay 404s; everything else is a client-side route.
            app.MapFallback("/{*path:nonfile}", async context =>
            {
                var path = context.Request.Path.Value ?? string.Empty;
                if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/swagger", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(files.GetFileInfo("index.html")).ConfigureAwait(false);
            }).AllowAnonymous();
        }
    }
}
