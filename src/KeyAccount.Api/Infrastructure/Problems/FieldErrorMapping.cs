using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using KeyAccount.Application.Common.Errors;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// FluentValidation failures as coded field errors: each built-in validator maps to one
/// <see cref="FieldErrorCodes">code</see> with its figures as arguments (a maximum length, a range); a rule that sets
/// its own code with <c>WithErrorCode</c> keeps it.
/// </summary>
internal static class FieldErrorMapping
{
    private static readonly HashSet<string> Ours = [.. FieldErrorCodes.All];

    private static readonly HashSet<string> NotArguments = new(StringComparer.Ordinal) { "PropertyName", "PropertyValue", "PropertyPath", "CollectionIndex" };

    public static Dictionary<string, IReadOnlyList<FieldError>> From(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => FieldPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FieldError>)[.. g.Select(ToFieldError).DistinctBy(e => (e.Code, e.Message))]);

    public static FieldError ToFieldError(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var values = failure.FormattedMessagePlaceholderValues ?? [];
        object? Value(string key) => values.TryGetValue(key, out var v) ? Plain(v) : null;
        var (code, args) = failure.ErrorCode switch
        {
            // A code of ours (or a business rule's, for a rule checked on a form field): kept, with its arguments.
            var c when Ours.Contains(c) || !c.EndsWith("Validator", StringComparison.Ordinal) =>
                (c, failure.CustomState as IReadOnlyDictionary<string, object?> is { } state
                    ? state.ToDictionary(p => p.Key, p => Plain(p.Value))
                    : values.Where(p => !NotArguments.Contains(p.Key)).ToDictionary(p => Camel(p.Key), p => Plain(p.Value))),
            "NotEmptyValidator" or "NotNullValidator" => (FieldErrorCodes.Required, null),
            "MaximumLengthValidator" => (FieldErrorCodes.TooLong, Args(("max", Value("MaxLength")))),
            "MinimumLengthValidator" => (FieldErrorCodes.TooShort, Args(("min", Value("MinLength")))),
            "LengthValidator" or "ExactLengthValidator" => (
                values.TryGetValue("TotalLength", out var total) && values.TryGetValue("MaxLength", out var max) && Convert.ToInt32(total, CultureInfo.InvariantCulture) > Convert.ToInt32(max, CultureInfo.InvariantCulture)
                    ? FieldErrorCodes.TooLong : FieldErrorCodes.TooShort,
                Args(("min", Value("MinLength")), ("max", Value("MaxLength")))),
            "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" => (FieldErrorCodes.OutOfRange, Args(("min", Value("From")), ("max", Value("To")))),
            "GreaterThanOrEqualValidator" or "GreaterThanValidator" when values.ContainsKey("ComparisonProperty") && Value("ComparisonProperty") is string { Length: > 0 } other =>
                (FieldErrorCodes.NotAfter, Args(("other", Camel(other)))),
            "GreaterThanOrEqualValidator" or "GreaterThanValidator" => (FieldErrorCodes.TooSmall, Args(("min", Value("ComparisonValue")))),
            "LessThanOrEqualValidator" or "LessThanValidator" => (FieldErrorCodes.TooLarge, Args(("max", Value("ComparisonValue")))),
            "EmailValidator" => (FieldErrorCodes.InvalidEmail, null),
            "EnumValidator" or "EqualValidator" or "NotEqualValidator" => (FieldErrorCodes.InvalidValue, null),
            "RegularExpressionValidator" => (FieldErrorCodes.InvalidFormat, null),
            "ScalePrecisionValidator" => (FieldErrorCodes.PrecisionExceeded, Args(("scale", Value("ExpectedScale")), ("precision", Value("ExpectedPrecision")))),
            _ => (FieldErrorCodes.Invalid, null),
        };
        return new FieldError(code, failure.ErrorMessage, args is { Count: > 0 } ? args : null);
    }

    /// <summary>"Input.Severity" → "severity" (the command wrapper is not a request field); "Members[0].UserId" → "members[0].userId".</summary>
    public static string FieldPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "body";
        }

        return string.Join('.', propertyName.Split('.').Select(Camel));
    }

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value);

    /// <summary>Numbers and strings as they are; anything else (a date, an enum) as invariant text.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string or int or long or decimal or double or bool => value,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(Plain).ToArray(),
        _ => value.ToString(),
    };

    private static string Camel(string name) => name.Length == 0 || char.IsLower(name[0]) || !char.IsLetter(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
