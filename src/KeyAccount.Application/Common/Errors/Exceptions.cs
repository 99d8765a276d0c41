namespace KeyAccount.Application.Common.Errors;

/// <summary>The stored version differs from the client's If-Match: 412.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>A state conflict that is not a broken domain rule (a duplicate key, a run in progress): 409.</summary>
/// <param name="code">The problem code (one of <see cref="ProblemCodes"/>).</param>
/// <param name="message">English fallback text.</param>
/// <param name="field">The request field the conflict is about, when there is one.</param>
public sealed class ConflictException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;

    /// <summary>What holds the resource or which value clashes, by name, for translated messages.</summary>
    public IReadOnlyDictionary<string, object?>? Args { get; init; }
}

/// <summary>The caller may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Sign-in refused: 401. The message never says which part was wrong.</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>One error on one request field: a stable code to translate on, its figures, and English fallback text.</summary>
/// <param name="Code">Stable, kebab-case: a field rule (<c>required</c>, <c>too-long</c>, …), a business rule about the field, or the problem's own code when the whole problem is about this field (<c>registration-number-taken</c>, <c>idempotency-key-reused</c>). The client translates it.</param>
/// <param name="Message">English text, a fallback for clients without a translation.</param>
/// <param name="Args">The figures of the message by name (<c>max</c> of <c>too-long</c>, <c>allowed</c> of <c>invalid-value</c>, <c>other</c> of <c>not-after</c>); absent when there are none.</param>
public sealed record FieldError(
    string Code,
    string Message,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, object?>? Args = null);

/// <summary>Field errors found after binding (rows of a bulk upload, a header, a reference to nothing): 400.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, IReadOnlyList<FieldError>> errors, string? detail = null)
    : Exception(detail ?? "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, IReadOnlyList<FieldError>> Errors { get; } = errors;

    /// <summary>One error on one field.</summary>
    public static RequestValidationException For(string field, string code, string message, IReadOnlyDictionary<string, object?>? args = null) =>
        new(new Dictionary<string, IReadOnlyList<FieldError>> { [field] = [new FieldError(code, message, args)] });
}
