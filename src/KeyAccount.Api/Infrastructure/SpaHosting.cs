using Microsoft.Extensions.FileProviders;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Serves the built SPA (KeyAccount:SpaPath, set by deploy/run.sh) on the API's port, with client-side routing fallback;
/// and the public survey page (<c>survey.html</c>, a second entry of the same build) at <c>/s/{token}</c>.
/// </summary>
internal static class SpaHosting
{
    /// <summary>Where an invitation's link points: <c>/s/{token}</c> (issue 13). Never the SPA's index.html.</summary>
    public const string SurveyPagePath = "/s";

    private const string SurveyPageFile = "survey.html";

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
            // The survey page reads the token from its address and tells a malformed or unknown one itself (the public
            // API answers 400 or 404 for it); any other address under /s is no page of ours.
            app.MapGet(SurveyPagePath + "/{token}", async context =>
            {
                var page = files.GetFileInfo(SurveyPageFile);
                if (!page.Exists)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(page).ConfigureAwait(false);
            }).ExcludeFromDescription().AllowAnonymous();

            // Unknown /api, /swagger and /s paths stay 404s; everything else is a client-side route.
            app.MapFallback("/{*path:nonfile}", async context =>
            {
                var path = context.Request.Path.Value ?? string.Empty;
                if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/swagger", StringComparison.OrdinalIgnoreCase)
                    || context.Request.Path.StartsWithSegments(SurveyPagePath, StringComparison.OrdinalIgnoreCase))
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
