using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Errors;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// An error, as RFC 9457 problem details. <c>type</c> is a stable URI per kind of problem, <c>code</c> its last
/// segment (translate on it); <c>errors</c> holds field errors, each with a code and its arguments. English text
/// (<c>title</c>, <c>detail</c>, <c>message</c>) is a fallback for clients without a translation.
/// </summary>
public sealed record Problem
{
    /// <summary>A URI per kind of problem: <c>https://keyaccount.dev/problems/{code}</c>.</summary>
    /// <example>https://keyaccount.dev/problems/validation</example>
    public required string Type { get; init; }

    /// <summary>Short English summary of the kind of problem.</summary>
    /// <example>Invalid request</example>
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    /// <example>400</example>
    public required int Status { get; init; }

    /// <summary>English explanation of this occurrence.</summary>
    /// <example>One or more fields are invalid.</example>
    public required string Detail { get; init; }

    /// <summary>The request path.</summary>
    /// <example>/api/v1/complaints</example>
    public required string Instance { get; init; }

    /// <summary>The kind of problem (the last segment of <c>type</c>); a client shows its own text for it.</summary>
    /// <example>validation</example>
    public required string Code { get; init; }

    /// <summary>Quote it when reporting a problem: it finds the request in the server's logs.</summary>
    /// <example>00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01</example>
    public required string TraceId { get; init; }

    /// <summary>The figures of the problem (a status, a limit, what holds a resource), by name; absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object?>? Args { get; init; }

    /// <summary>Field errors by field path (<c>name</c>, <c>potentialAnnualRevenue.amount</c>, <c>rows[3].month</c>, <c>If-Match</c>); absent when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<FieldError>>? Errors { get; init; }
}

/// <summary>Writes <see cref="Problem"/>s: the one error shape of the API, whoever raises the error.</summary>
internal static class ProblemWriter
{
    public const string TypeBase = "https://keyaccount.dev/problems/";

    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string detail,
        IReadOnlyDictionary<string, IReadOnlyList<FieldError>>? errors = null,
        IReadOnlyDictionary<string, object?>? args = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = Create(context, status, code, detail, errors, args);
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, problem, Options, context.RequestAborted);
    }

    public static Problem Create(
        HttpContext context,
        int status,
        string code,
        string detail,
        IReadOnlyDictionary<string, IReadOnlyList<FieldError>>? errors = null,
        IReadOnlyDictionary<string, object?>? args = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Problem
        {
            Type = TypeBase + code,
            Title = ProblemTitles.For(code, status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path.Value ?? "/",
            Code = code,
            TraceId = Activity.Current?.Id ?? context.TraceIdentifier,
            Args = args is { Count: > 0 } ? args : null,
            Errors = errors is { Count: > 0 } ? errors : null,
        };
    }
}

/// <summary>English titles per problem code; a business rule's title is the generic one of its status.</summary>
internal static class ProblemTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [ProblemCodes.Validation] = "Invalid request",
        [ProblemCodes.MalformedJson] = "Malformed JSON",
        [ProblemCodes.NotFound] = "Not found",
        [ProblemCodes.AuthenticationRequired] = "Authentication required",
        [ProblemCodes.TokenExpired] = "Session expired",
        [ProblemCodes.SessionEnded] = "Session ended",
        [ProblemCodes.SignInFailed] = "Sign-in failed",
        [ProblemCodes.Forbidden] = "Forbidden",
        [ProblemCodes.StaleVersion] = "Changed meanwhile",
        [ProblemCodes.IfMatchRequired] = "Precondition required",
        [ProblemCodes.RateLimited] = "Too many requests",
        [ProblemCodes.UnsupportedMediaType] = "Unsupported media type",
        [ProblemCodes.MethodNotAllowed] = "Method not allowed",
        [ProblemCodes.PayloadTooLarge] = "Payload too large",
        [ProblemCodes.BadRequest] = "Bad request",
        [ProblemCodes.ServerError] = "Server error",
        [ProblemCodes.ServiceUnavailable] = "Service unavailable",
        [ProblemCodes.Conflict] = "Conflict",
        [ProblemCodes.RegistrationNumberTaken] = "Registration number taken",
        [ProblemCodes.EmailTaken] = "Email taken",
        [ProblemCodes.DepartmentHeadTaken] = "Department already has a head",
        [ProblemCodes.SetPasswordTokenInvalid] = "Link not valid",
        [ProblemCodes.ResourceInUse] = "In use",
        [ProblemCodes.IdempotencyKeyReused] = "Idempotency-Key reused",
        [ProblemCodes.IdempotencyKeyInFlight] = "Request in progress",
        [ProblemCodes.TieringRunInProgress] = "Tiering run in progress",
        [ProblemCodes.NoPublishedPolicy] = "No published policy",
    };

    public static string For(string code, int status) =>
        Titles.TryGetValue(code, out var title) ? title
        : status == StatusCodes.Status409Conflict ? "Business rule violated"
        : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
