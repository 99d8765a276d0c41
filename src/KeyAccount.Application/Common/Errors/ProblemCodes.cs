using System.Reflection;

namespace KeyAccount.Application.Common.Errors;

/// <summary>
/// The kinds of problem the API answers with, besides business rules (whose codes their classes declare). Each code
/// is public contract: it is the problem's <c>code</c> and the last segment of its <c>type</c> URI, it is listed in
/// the OpenAPI document, and the browser client has a message for each in every language it speaks.
/// </summary>
public static class ProblemCodes
{
    public const string Validation = "validation";
    public const string MalformedJson = "malformed-json";
    public const string NotFound = "not-found";
    public const string AuthenticationRequired = "authentication-required";
    public const string TokenExpired = "token-expired";
    public const string SessionEnded = "session-ended";
    public const string SignInFailed = "sign-in-failed";
    public const string Forbidden = "forbidden";
    public const string StaleVersion = "stale-version";
    public const string IfMatchRequired = "if-match-required";
    public const string RateLimited = "rate-limited";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string PayloadTooLarge = "payload-too-large";
    public const string BadRequest = "bad-request";
    public const string ServerError = "server-error";
    public const string ServiceUnavailable = "service-unavailable";
    public const string Conflict = "conflict";
    public const string RegistrationNumberTaken = "registration-number-taken";
    public const string EmailTaken = "email-taken";
    public const string DepartmentHeadTaken = "department-head-taken";
    public const string SetPasswordTokenInvalid = "set-password-token-invalid";
    public const string ResourceInUse = "resource-in-use";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = "idempotency-key-in-flight";
    public const string TieringRunInProgress = "tiering-run-in-progress";
    public const string NoPublishedPolicy = "no-published-policy";
    public const string ReferenceCodeTaken = "reference-code-taken";

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<string> All { get; } = ConstantsOf(typeof(ProblemCodes));

    internal static string[] ConstantsOf(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}

/// <summary>
/// Codes of field errors (in a problem's <c>errors</c>), with the argument names each carries. Public contract like
/// <see cref="ProblemCodes"/>: listed in the OpenAPI document and translated by the browser client.
/// </summary>
public static class FieldErrorCodes
{
    /// <summary>The field is missing, null or empty.</summary>
    public const string Required = "required";

    /// <summary>Longer than <c>max</c> characters.</summary>
    public const string TooLong = "too-long";

    /// <summary>Shorter than <c>min</c> characters.</summary>
    public const string TooShort = "too-short";

    /// <summary>Not between <c>min</c> and <c>max</c> (inclusive).</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>Less than <c>min</c>.</summary>
    public const string TooSmall = "too-small";

    /// <summary>More than <c>max</c>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>Not a well-formed email address.</summary>
    public const string InvalidEmail = "invalid-email";

    /// <summary>Not in the expected format (<c>format</c> says which, when known).</summary>
    public const string InvalidFormat = "invalid-format";

    /// <summary>Not one of the allowed values (<c>allowed</c>).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>The JSON value has the wrong type (<c>expected</c>: string, number, integer, boolean, object, array).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A date or time outside <c>min</c>..<c>max</c>.</summary>
    public const string DateOutOfRange = "date-out-of-range";

    /// <summary>A string holds the character U+0000, which no field accepts.</summary>
    public const string NulCharacter = "nul-character";

    /// <summary>A list holds null where an item is expected.</summary>
    public const string NullItem = "null-item";

    /// <summary>A number with more than <c>scale</c> decimals or more than <c>integerDigits</c> digits before the point.</summary>
    public const string PrecisionExceeded = "precision-exceeded";

    /// <summary>A property the operation does not know.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>Too many items (more than <c>max</c>).</summary>
    public const string TooManyItems = "too-many-items";

    /// <summary>The same value appears more than once where each may appear once.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Names someone or something this operation may not use (a user who cannot see the account).</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>Refers to something that does not exist or that the caller cannot see.</summary>
    public const string UnknownReference = "unknown-reference";

    /// <summary>Names an entry of a managed list (<c>kind</c>, <c>code</c>) that has been deactivated: it may no longer be chosen.</summary>
    public const string InactiveReference = "inactive-reference";

    /// <summary>Must come after (or not before) another field, named in <c>other</c>.</summary>
    public const string NotAfter = "not-after";

    /// <summary>Two fields that exclude each other were both given (<c>other</c>).</summary>
    public const string Conflicting = "conflicting";

    /// <summary>Another rule of the field, explained by the English message.</summary>
    public const string Invalid = "invalid";

    /// <summary>Every code above.</summary>
    public static IReadOnlyList<string> All { get; } = ProblemCodes.ConstantsOf(typeof(FieldErrorCodes));
}
