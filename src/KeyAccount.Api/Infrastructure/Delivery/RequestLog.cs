using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// One log line per request, written when it ends: method, route template (<c>/api/v1/accounts/{id}</c>, never the
/// path with its ids, nor the query string), status, elapsed milliseconds and the trace id that problem details
/// quote. Never a body, a header or a token. Each field is a structured property (<c>Method</c>, <c>Route</c>,
/// <c>StatusCode</c>, <c>ElapsedMs</c>, <c>TraceId</c>), so <c>Logging__Console__FormatterName=json</c> emits them
/// as JSON fields. Health checks and files served without an endpoint (the SPA's assets, Swagger UI, the OpenAPI
/// document) log at Debug only, so that a load balancer's probes and a page load do not flood the log.
/// Category <c>KeyAccount.Api.RequestLog</c>.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "KeyAccount.Api.RequestLog";

    /// <summary>The route of a request that matched no endpoint: its path is not logged (it may hold anything).</summary>
    public const string NoRoute = "(no route)";

    /// <summary>Outermost: it times the whole pipeline and sees the final status, errors included.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                Write(logger, context, traceId, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        });
    }

    private static void Write(ILogger logger, HttpContext context, string traceId, double elapsedMs)
    {
        // The exception handler clears the endpoint before it writes the 500; it keeps it on its feature.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted
            ? 499 // the client went away before an answer (nginx's convention)
            : context.Response.StatusCode;
        var quiet = context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || (route is null && status < 400);
        if (quiet)
        {
            LogQuiet(logger, context.Request.Method, route ?? "(file)", status, elapsedMs, traceId);
        }
        else
        {
            LogRequest(logger, context.Request.Method, route ?? NoRoute, status, elapsedMs, traceId);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information, Message = "{Method} {Route} {StatusCode} in {ElapsedMs:0.0} ms (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs, string traceId);

    [LoggerMessage(EventId = 2, EventName = "QuietRequest", Level = LogLevel.Debug, Message = "{Method} {Route} {StatusCode} in {ElapsedMs:0.0} ms (trace {TraceId})")]
    private static partial void LogQuiet(ILogger logger, string method, string route, int statusCode, double elapsedMs, string traceId);
}
