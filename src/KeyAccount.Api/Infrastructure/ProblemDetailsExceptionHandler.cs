using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP: validation → 400 with field errors, not found → 404, rule violation or
/// conflict → 409, stale version → 412, everything else → 500 with only a trace id (no message, stack or SQL).
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationException v => (400, "Invalid request", "One or more fields are invalid.", ToErrors(v)),
            RequestValidationException r => (400, "Invalid request", r.Message, new Dictionary<string, string[]>(r.Errors)),
            BadHttpRequestException b => FromBadRequest(b),
            JsonException j => (400, "Malformed JSON", "The request body is not valid JSON for this operation.", FieldError(JsonField(j.Path), j.Message)),
            EntityNotFoundException n => (404, "Not found", $"{n.Entity} was not found.", null),
            BusinessRuleViolationException rule => (409, "Business rule violated", rule.Message, rule.Rule.Field is { } f ? FieldError(f, rule.Message) : null),
            ConflictException c => (409, "Conflict", c.Message, c.Field is { } f ? FieldError(f, c.Message) : null),
            PreconditionFailedException p => (412, "Precondition failed", p.Message, null),
            PreconditionRequiredException p => (428, "Precondition required", p.Message, FieldError("If-Match", p.Message)),
            ForbiddenException f => (403, "Forbidden", f.Message, null),
            AuthenticationFailedException a => (401, "Sign-in failed", a.Message, null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The request was cancelled.", null),
            _ => (500, "Server error", "Something went wrong on our side. Quote the trace id when you report it.", (Dictionary<string, string[]>?)null),
        };

        if (status == 500)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
        }

        await ProblemWriter.WriteAsync(httpContext, status, title, detail, errors).ConfigureAwait(false);
        return true;
    }

    private static Dictionary<string, string[]> ToErrors(ValidationException v) =>
        v.Errors
            .GroupBy(e => CamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static (int, string, string, Dictionary<string, string[]>?) FromBadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (413, "Payload too large", "The request body is larger than this endpoint accepts.", null);
        }

        if (b.InnerException is JsonException j)
        {
            return (400, "Malformed JSON", "The request body is not valid JSON for this operation.", FieldError(JsonField(j.Path), JsonMessage(j)));
        }

        var match = BindFailure().Match(b.Message);
        if (match.Success)
        {
            var name = match.Groups["name"].Value;
            return (400, "Invalid request", $"The value of '{name}' is not valid.", FieldError(name, $"'{match.Groups["value"].Value}' is not a valid value for {name}."));
        }

        var required = RequiredParameter().Match(b.Message);
        if (required.Success)
        {
            var name = required.Groups["name"].Value;
            return (400, "Invalid request", $"'{name}' is required.", FieldError(name, $"'{name}' is required."));
        }

        return (b.StatusCode, "Bad request", "The request could not be read.", null);
    }

    private static string JsonMessage(JsonException j) =>
        j.Path is { Length: > 1 } ? $"The value at {JsonField(j.Path)} has the wrong type or format." : "The body is not valid JSON.";

    /// <summary>"$.profile.status" → "profile.status"; "$.rows[3].month" → "rows[3].month".</summary>
    private static string JsonField(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string CamelPath(string path) =>
        string.IsNullOrEmpty(path) ? "body" : string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static Dictionary<string, string[]> FieldError(string field, string message) => new() { [field] = [message] };

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"(?<type>[^\"]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredParameter();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}

/// <summary>An update came without If-Match: 428 (updates must say which version they change).</summary>
internal sealed class PreconditionRequiredException(string message) : Exception(message);
