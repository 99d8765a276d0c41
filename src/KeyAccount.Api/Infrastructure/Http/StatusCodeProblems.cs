using KeyAccount.Application.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Errors the framework answers without an exception (no route, a method the route does not take, a body too large)
/// become problems like all others; HEAD is served wherever GET is.
/// </summary>
internal static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.HasStarted || http.Response.ContentLength is not null || !string.IsNullOrEmpty(http.Response.ContentType))
        {
            return;
        }

        var status = http.Response.StatusCode;
        var (code, detail) = status switch
        {
            StatusCodes.Status400BadRequest => (ProblemCodes.BadRequest, "The request could not be read."),
            StatusCodes.Status401Unauthorized => (ProblemCodes.AuthenticationRequired, "Send a bearer token from POST /api/v1/auth/login in the Authorization header."),
            StatusCodes.Status403Forbidden => (ProblemCodes.Forbidden, "Your role does not allow this."),
            StatusCodes.Status404NotFound => (ProblemCodes.NotFound, "There is nothing at this address."),
            StatusCodes.Status405MethodNotAllowed => (ProblemCodes.MethodNotAllowed, $"This address does not take {http.Request.Method}; the Allow header lists what it takes."),
            StatusCodes.Status413PayloadTooLarge => (ProblemCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemCodes.UnsupportedMediaType, "Send the body as application/json."),
            StatusCodes.Status429TooManyRequests => (ProblemCodes.RateLimited, "Slow down and retry after the time in the Retry-After header."),
            >= 500 => (ProblemCodes.ServerError, "Something went wrong on our side. Quote the trace id when you report it."),
            _ => (ProblemCodes.BadRequest, "The request could not be served."),
        };
        await ProblemWriter.WriteAsync(http, status, code, detail).ConfigureAwait(false);
    }

    /// <summary>
    /// Routing answers a wrong method (405 with Allow) or a body of a type the endpoint does not take (415) with
    /// endpoints of its own, which carry no authorization metadata: they run before authentication, so that an anonymous
    /// caller hears 405 or 415 (not 401) like everyone else.
    /// </summary>
    public static IApplicationBuilder UseRoutingRejections(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint and not RouteEndpoint && endpoint.RequestDelegate is { } reject)
            {
                await reject(context).ConfigureAwait(false);
                if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
                    && context.Response.Headers.Allow.ToString() is { Length: > 0 } allow
                    && allow.Contains("GET", StringComparison.Ordinal) && !allow.Contains("HEAD", StringComparison.Ordinal))
                {
                    context.Response.Headers.Allow = allow + ", HEAD";
                }

                return;
            }

            await next(context).ConfigureAwait(false);
        });

    /// <summary>HEAD is GET without the body (RFC 9110 §9.3.2): routed as GET; the server sends the headers only.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
                var body = context.Response.Body;
                context.Response.Body = Stream.Null;
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    context.Response.Body = body;
                    context.Request.Method = HttpMethods.Head;
                }

                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
