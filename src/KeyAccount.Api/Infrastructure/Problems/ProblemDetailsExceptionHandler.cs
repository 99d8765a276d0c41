using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP: validation (and rejected survey answers) → 400 with coded field errors, not
/// found → 404, rule violation → 409 or the status its declaration names (410 for a closed survey), conflict → 409, stale version → 412, the database unreachable → 503, everything else → 500 with only a trace id.
/// No exception's own message reaches the client unless it is ours (framework messages name .NET types).
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    private static readonly Dictionary<string, IReadOnlyList<FieldError>> NoErrors = [];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors, args) = Map(exception, httpContext);
        if (status == 499)
        {
            // The client went away: nobody reads an answer.
            httpContext.Response.StatusCode = status;
            return true;
        }

        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.TraceIdentifier);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (code == ProblemCodes.IdempotencyKeyInFlight)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else if (code == ProblemCodes.TieringRunInProgress)
        {
            httpContext.Response.Headers.RetryAfter = "10";
        }

        await ProblemWriter.WriteAsync(httpContext, status, code, detail, errors, args).ConfigureAwait(false);
        return true;
    }

    private static (int Status, string Code, string Detail, IReadOnlyDictionary<string, IReadOnlyList<FieldError>>? Errors, IReadOnlyDictionary<string, object?>? Args) Map(Exception exception, HttpContext http) =>
        exception switch
        {
            ValidationException v => (400, ProblemCodes.Validation, "One or more fields are invalid.", FieldErrorMapping.From(v), null),
            RequestValidationException r => (400, ProblemCodes.Validation, r.Message, r.Errors, null),
            BadHttpRequestException b => FromBadRequest(b),
            JsonException j => FromJson(j),
            EntityNotFoundException n => (404, ProblemCodes.NotFound, $"{n.Entity} was not found.", null, new Dictionary<string, object?> { ["entity"] = EntityCode(n.Entity) }),
            SurveyAnswersRejectedException answers => (400, ProblemCodes.Validation, "One or more answers are invalid.", FromRules(answers.Broken), null),
            BusinessRuleViolationException rule => (RuleCodeAttribute.StatusOf(rule.Rule.GetType()), rule.Rule.Code, rule.Message, rule.Rule.Field is { } f ? One(f, new FieldError(rule.Rule.Code, rule.Message, NullIfEmpty(rule.Rule.Args))) : null, NullIfEmpty(rule.Rule.Args)),
            ConflictException c => (409, c.Code, c.Message, c.Field is { } f ? One(f, new FieldError(c.Code, c.Message, c.Args)) : null, c.Args),
            IdempotencyKeyReusedException k => (422, ProblemCodes.IdempotencyKeyReused, k.Message, One(EndpointKinds.IdempotencyKeyHeader, new FieldError(ProblemCodes.IdempotencyKeyReused, k.Message)), null),
            PreconditionFailedException p => (412, ProblemCodes.StaleVersion, p.Message, null, null),
            PreconditionRequiredException p => (428, ProblemCodes.IfMatchRequired, p.Message, One("If-Match", new FieldError(FieldErrorCodes.Required, p.Message)), null),
            ForbiddenException f => (403, ProblemCodes.Forbidden, f.Message, null, null),
            AuthenticationFailedException a => (401, ProblemCodes.SignInFailed, a.Message, null, null),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, ProblemCodes.BadRequest, string.Empty, null, null),
            _ when DatabaseFaults.Unavailable(exception) => (503, ProblemCodes.ServiceUnavailable, "The database cannot be reached right now; nothing was changed. Retry in a few seconds.", null, null),
            _ => (500, ProblemCodes.ServerError, "Something went wrong on our side. Quote the trace id when you report it.", null, null),
        };

    private static (int, string, string, IReadOnlyDictionary<string, IReadOnlyList<FieldError>>?, IReadOnlyDictionary<string, object?>?) FromBadRequest(BadHttpRequestException b)
    {
        switch (b.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return (413, ProblemCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.", null, null);
            case StatusCodes.Status415UnsupportedMediaType:
                return (415, ProblemCodes.UnsupportedMediaType, "This operation does not take a body of this Content-Type; see its request body in the API document.", null, null);
        }

        if (b.InnerException is JsonException j)
        {
            return FromJson(j);
        }

        var bind = BindFailure().Match(b.Message);
        if (bind.Success)
        {
            var name = bind.Groups["name"].Value;
            return (400, ProblemCodes.Validation, $"The value of '{name}' is not valid.", One(name, new FieldError(FieldErrorCodes.InvalidFormat, $"Not a valid value for {name}.")), null);
        }

        var required = RequiredParameter().Match(b.Message);
        if (required.Success)
        {
            var name = required.Groups["name"].Value;
            return (400, ProblemCodes.Validation, $"'{name}' is required.", One(name, new FieldError(FieldErrorCodes.Required, $"'{name}' is required.")), null);
        }

        if (MissingBody().IsMatch(b.Message))
        {
            return (400, ProblemCodes.Validation, "A JSON body is required.", One("body", new FieldError(FieldErrorCodes.Required, "A JSON body is required.")), null);
        }

        return (b.StatusCode, ProblemCodes.BadRequest, "The request could not be read.", null, null);
    }

    private static (int, string, string, IReadOnlyDictionary<string, IReadOnlyList<FieldError>>?, IReadOnlyDictionary<string, object?>?) FromJson(JsonException j)
    {
        if (j is JsonFieldException field)
        {
            return (400, ProblemCodes.Validation, "One or more fields are invalid.", One(field.FieldPath(), new FieldError(field.Code, field.Message, field.Args)), null);
        }

        // System.Text.Json names the missing members in its message (JSON names, in quotes); never show the message itself.
        var missing = MissingRequired().Match(j.Message);
        if (missing.Success)
        {
            var parent = JsonPaths.Field(j.Path);
            var errors = Quoted().Matches(missing.Groups["names"].Value)
                .Select(m => parent == "body" ? m.Groups[1].Value : $"{parent}.{m.Groups[1].Value}")
                .Distinct()
                .ToDictionary(f => f, f => (IReadOnlyList<FieldError>)[new FieldError(FieldErrorCodes.Required, $"'{f}' is required.")]);
            return (400, ProblemCodes.Validation, "One or more fields are missing.", errors, null);
        }

        if (j.Path is null or "$" && j.BytePositionInLine is not null)
        {
            return (400, ProblemCodes.MalformedJson, "The body is not valid JSON.", One("body", new FieldError(FieldErrorCodes.InvalidFormat, "The body is not valid JSON.")), null);
        }

        var path = JsonPaths.Field(j.Path);
        return (400, path == "body" ? ProblemCodes.MalformedJson : ProblemCodes.Validation, "The request body is not valid JSON for this operation.",
            One(path, new FieldError(FieldErrorCodes.WrongType, $"The value at {path} has the wrong type or format.")), null);
    }

    /// <summary>Broken rules as field errors, by each rule's field (<c>answers[0].number</c>; <c>body</c> for a rule without one).</summary>
    private static Dictionary<string, IReadOnlyList<FieldError>> FromRules(IReadOnlyList<IBusinessRule> broken) =>
        broken.GroupBy(r => r.Field ?? "body")
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FieldError>)[.. g.Select(r => new FieldError(r.Code, r.Message, NullIfEmpty(r.Args)))]);

    private static Dictionary<string, IReadOnlyList<FieldError>> One(string field, FieldError error) => new() { [field] = [error] };

    /// <summary>"Tier policy" → "tier-policy": the kind of record, as a code a client words in its language.</summary>
    private static string EntityCode(string entity) => entity.Trim().ToLowerInvariant().Replace(' ', '-');

    private static IReadOnlyDictionary<string, object?>? NullIfEmpty(IReadOnlyDictionary<string, object?> args) => args.Count == 0 ? null : args;

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"(?<type>[^\"]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("(Implicit body inferred|no body was provided|request body was empty)", RegexOptions.IgnoreCase)]
    private static partial Regex MissingBody();

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string traceId);
}

/// <summary>An update came without If-Match: 428 (updates must say which version they change).</summary>
internal sealed class PreconditionRequiredException(string message) : Exception(message);
