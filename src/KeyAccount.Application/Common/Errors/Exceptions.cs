namespace KeyAccount.Application.Common.Errors;

/// <summary>The stored version differs from the client's If-Match: 412.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>A state conflict that is not a broken domain rule (e.g. a duplicate key): 409.</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The caller may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Sign-in refused: 401 (the message never says which part was wrong).</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);

/// <summary>Field errors found by a handler after validation (e.g. rows of a bulk upload): 400.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
    : Exception(detail ?? "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
