namespace KeyAccount.Api.Infrastructure;

/// <summary>How responses leave the server: logged once, with the browser's security headers, compressed.</summary>
internal static class DeliverySetup
{
    public static WebApplicationBuilder AddKeyAccountDelivery(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddKeyAccountResponseCompression();
        return builder;
    }

    /// <summary>First in the pipeline, so that every response (errors and files included) passes through them.</summary>
    public static WebApplication UseKeyAccountDelivery(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLog();
        app.UseBrowserSecurityHeaders();
        app.UseResponseCompression();
        return app;
    }
}
