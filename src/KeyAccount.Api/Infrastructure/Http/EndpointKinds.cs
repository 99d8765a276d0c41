using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using Microsoft.Extensions.Options;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// What each write endpoint is, declared where it is mapped, so that one mechanism per HTTP convention applies to all
/// of them: a create takes an Idempotency-Key (<see cref="Creates"/>), a change of an existing resource requires
/// If-Match (an <see cref="IfMatch"/> parameter), and any other POST says why it needs neither (<see cref="Action"/>).
/// <see cref="Verify"/> refuses to start an API with an undeclared write.
/// </summary>
internal static class EndpointKinds
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A create: an Idempotency-Key makes a retry return the first answer (IETF httpapi Idempotency-Key draft).</summary>
    public static RouteHandlerBuilder Creates(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(CreateEndpoint.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddEndpointFilterFactory((_, next) => context => IdempotencyStep.InvokeAsync(context, next));
    }

    /// <summary>A POST that neither creates a resource nor changes one under a version (a sign-in, a computation, a bulk upsert).</summary>
    public static RouteHandlerBuilder Action(this RouteHandlerBuilder builder, string why)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        return builder.WithMetadata(new ActionEndpoint(why));
    }

    /// <summary>
    /// Every write under /api declares its kind; PUT and DELETE require If-Match. Give it the application's own data
    /// sources (<c>((IEndpointRouteBuilder)app).DataSources</c>): before the application starts, the EndpointDataSource
    /// service is still empty. Returns how many write endpoints it checked.
    /// </summary>
    public static int Verify(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var undeclared = new List<string>();
        var writes = 0;
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var ifMatch = endpoint.Metadata.GetMetadata<IfMatchRequired>() is not null;
            var create = endpoint.Metadata.GetMetadata<CreateEndpoint>() is not null;
            var action = endpoint.Metadata.GetMetadata<ActionEndpoint>() is not null;
            foreach (var method in methods)
            {
                writes += method is "GET" or "HEAD" or "OPTIONS" ? 0 : 1;
                var ok = method switch
                {
                    "PUT" or "DELETE" or "PATCH" => ifMatch,
                    "POST" => (ifMatch ? 1 : 0) + (create ? 1 : 0) + (action ? 1 : 0) == 1,
                    _ => true,
                };
                if (!ok)
                {
                    undeclared.Add($"{method} {endpoint.RoutePattern.RawText}");
                }
            }
        }

        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                "Every write endpoint declares its kind: PUT/DELETE take an IfMatch parameter; a POST is .Creates(), takes an IfMatch (a workflow step) or is .Action(\"why\"). Undeclared: "
                + string.Join(", ", undeclared));
        }

        return writes;
    }
}

internal sealed class CreateEndpoint
{
    public static readonly CreateEndpoint Instance = new();
}

internal sealed record ActionEndpoint(string Why);

/// <summary>
/// The idempotency step of every create. Without the header the create simply runs. With it, the key is claimed in a
/// transaction that the create joins and that also stores the answer: a replay returns the first status, headers and
/// body (with <c>Idempotent-Replayed: true</c>); the same key with another request is a 422; a duplicate arriving while
/// the first is still running waits for it briefly, then is a 409 with Retry-After. A create that fails releases its key.
/// </summary>
internal static class IdempotencyStep
{
    private const int MaxKeyLength = global::KeyAccount.Infrastructure.Idempotency.IdempotencyStore.MaxKeyLength;

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[EndpointKinds.IdempotencyKeyHeader].ToString();
        if (key.Length == 0)
        {
            return await next(context).ConfigureAwait(false);
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            throw RequestValidationException.For(
                EndpointKinds.IdempotencyKeyHeader,
                FieldErrorCodes.TooLong,
                $"An Idempotency-Key is 1 to {MaxKeyLength} printable characters (a UUID is a good choice).",
                new Dictionary<string, object?> { ["max"] = MaxKeyLength });
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<IAppDbContext>();
        var store = services.GetRequiredService<IIdempotencyStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var route = ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value)?.TrimEnd('/');
        var scope = $"{http.User.FindFirst(AuthSetup.SubjectClaim)?.Value ?? "anonymous"} {http.Request.Method} {route}";
        var fingerprint = Fingerprint(context, json);

        await using var transaction = await db.BeginTransactionAsync(http.RequestAborted).ConfigureAwait(false);
        var claim = await store.ClaimAsync(scope, key, fingerprint, now, http.RequestAborted).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return new ReplayResult(claim.Response!);
            case IdempotencyOutcome.Mismatch:
                throw new IdempotencyKeyReusedException();
            case IdempotencyOutcome.InFlight:
                throw new ConflictException(ProblemCodes.IdempotencyKeyInFlight, "A request with this Idempotency-Key is still being processed; retry in a moment.", EndpointKinds.IdempotencyKeyHeader);
        }

        var result = await next(context).ConfigureAwait(false);
        var response = await BufferedResponse.CaptureAsync(http, result).ConfigureAwait(false);
        if (response.Status is >= 200 and < 300)
        {
            await store.CompleteAsync(scope, key, response.Stored, now, http.RequestAborted).ConfigureAwait(false);
            await transaction.CommitAsync(http.RequestAborted).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The request as the create saw it: its route values and its bound body, in the API's own JSON.</summary>
    private static string Fingerprint(EndpointFilterInvocationContext context, JsonSerializerOptions json)
    {
        var request = new
        {
            route = context.HttpContext.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString()),
            body = context.Arguments.Where(a => a is not null && a.GetType().Namespace?.StartsWith("KeyAccount", StringComparison.Ordinal) == true).ToArray(),
        };
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json)));
    }

    /// <summary>A stored answer, sent again.</summary>
    private sealed class ReplayResult(StoredResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.Status;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (response.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (response.ETag is { } etag)
            {
                httpContext.Response.Headers.ETag = etag;
            }

            httpContext.Response.ContentType = response.ContentType;
            await httpContext.Response.WriteAsync(response.Body, Encoding.UTF8).ConfigureAwait(false);
        }
    }

    /// <summary>The create's result, executed into memory so that it can be stored before the transaction commits, then sent.</summary>
    private sealed class BufferedResponse : IResult
    {
        private readonly byte[] _body;

        private BufferedResponse(int status, byte[] body, StoredResponse stored)
        {
            Status = status;
            _body = body;
            Stored = stored;
        }

        public int Status { get; }

        public StoredResponse Stored { get; }

        public static async Task<BufferedResponse> CaptureAsync(HttpContext http, object? result)
        {
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                var executable = result as IResult ?? TypedResults.Ok(result);
                await executable.ExecuteAsync(http).ConfigureAwait(false);
            }
            finally
            {
                http.Response.Body = original;
            }

            var bytes = buffer.ToArray();
            var headers = http.Response.Headers;
            return new BufferedResponse(
                http.Response.StatusCode,
                bytes,
                new StoredResponse(
                    http.Response.StatusCode,
                    http.Response.ContentType,
                    Encoding.UTF8.GetString(bytes),
                    headers.Location.Count > 0 ? headers.Location.ToString() : null,
                    headers.ETag.Count > 0 ? headers.ETag.ToString() : null));
        }

        public Task ExecuteAsync(HttpContext httpContext) =>
            // Status and headers are already on the response; only the body is left to send.
            httpContext.Response.Body.WriteAsync(_body, httpContext.RequestAborted).AsTask();
    }
}

/// <summary>The Idempotency-Key was used before with a different request: 422.</summary>
internal sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was used with a different request; use a new key for a new request.");
