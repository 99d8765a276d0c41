namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The headers a browser needs on every response (the API's JSON, problems, the SPA, Swagger UI), set when the
/// response starts, so that errors written after the exception handler cleared the response get them too; and the
/// caching rules that do not belong to a single endpoint.
/// </summary>
internal static class BrowserSecurityHeaders
{
    /// <summary>
    /// One policy for every response: the SPA, Swagger UI, the API's JSON and problems. No inline or foreign script, no
    /// plugins, no framing, no &lt;base&gt; hijack, forms post only to us.
    /// <para>
    /// <c>style-src 'unsafe-inline'</c> is the one relaxation. Ant Design's CSS-in-JS writes its component styles into
    /// &lt;style&gt; elements at run time (26 on the login page, up to 90 on an account page) and sets style attributes;
    /// ECharts and Swagger UI set style attributes too. Measured in Chromium over every page and Swagger UI: without
    /// it, some 2,000 violations (unstyled pages, Swagger UI does not render); with <c>style-src-attr 'none'</c> added,
    /// still about 100 (the account, tiering and complaint pages; Swagger UI does not render). Ant Design could
    /// whitelist its &lt;style&gt; elements by a nonce, which needs a per-response nonce in index.html (a template, not
    /// a static file) and would still leave the attributes.
    /// Inline styles cannot run code; what they allow (restyling, CSS-based data probes) needs an HTML injection first,
    /// which React's escaping and <c>script-src 'self'</c> stand against. Inline script stays forbidden.
    /// </para>
    /// <c>img-src data:</c>: Ant Design's and Swagger UI's small images and icons are data: URIs. Fonts, media and
    /// workers are not used; they fall back to <c>default-src 'self'</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// <c>no-referrer</c> rather than <c>strict-origin-when-cross-origin</c>: our URLs carry ids, list filters and (for
    /// surveys) tokens, and nothing of ours needs a Referer, not even from our own pages. It does not cost the Origin
    /// header: Chromium still sends <c>Origin</c> and <c>Sec-Fetch-Site: same-origin</c> on the SPA's POSTs (checked).
    /// </summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>Powerful features the product does not use, off for this origin and anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
        + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
        + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), browsing-topics=()";

    /// <summary>Adds the headers (and the SPA's document caching) to every response.</summary>
    public static IApplicationBuilder UseBrowserSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                Apply((HttpContext)state);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    internal static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.Server = default;
        if (IsSurveyPage(path))
        {
            // The public survey page is reached by a personal link: no search engine lists it (the page says so too).
            headers["X-Robots-Tag"] = "noindex";
        }

        if (CredentialResponses.IsCredentialResponse(context))
        {
            // A bearer token in the body: never kept by a browser or proxy cache (and never compressed: see ResponseCompressionSetup).
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        else if (headers.CacheControl.Count == 0 && path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // The API's answers are one user's view of customer data: no shared or browser cache keeps them.
            headers.CacheControl = "no-store";
        }
        else if (headers.CacheControl.Count == 0 && IsSpaDocument(path))
        {
            // index.html, the client-side routes' fallback and the other unhashed files: revalidate every time, so a
            // new release is picked up at once (the hashed files they point to are cached for a year: SpaAssets).
            headers.CacheControl = "no-cache";
        }
    }

    /// <summary>The survey page at /s/{token} and its file as the build wrote it.</summary>
    private static bool IsSurveyPage(PathString path) =>
        path.StartsWithSegments(SpaHosting.SurveyPagePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/survey.html", StringComparison.OrdinalIgnoreCase);

    /// <summary>What is not the API, Swagger, health or a hashed asset is the SPA's document or one of its unhashed files.</summary>
    private static bool IsSpaDocument(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(SpaAssets.AssetsPath, StringComparison.OrdinalIgnoreCase);
}
