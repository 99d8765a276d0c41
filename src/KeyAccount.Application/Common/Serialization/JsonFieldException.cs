using System.Text.Json;
using KeyAccount.Application.Common.Errors;

namespace KeyAccount.Application.Common.Serialization;

/// <summary>
/// A JSON value our converters refuse (a U+0000 in a string, an instant out of range, an amount beyond the column's
/// precision): a 400 on the field at the reader's path, with a <see cref="FieldErrorCodes">field error code</see>.
/// </summary>
public sealed class JsonFieldException(string code, string message, IReadOnlyDictionary<string, object?>? args = null) : JsonException(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?>? Args { get; } = args;

    /// <summary>Appended to the reader's path, for errors found inside a value (an item of a list).</summary>
    public string? PathSuffix { get; init; }

    /// <summary>The request field, as the API names fields (<c>rows[3].month</c>).</summary>
    public string FieldPath() => JsonPaths.Field(Path) is var field && PathSuffix is { } suffix ? (field == "body" ? suffix.TrimStart('.') : field + suffix) : JsonPaths.Field(Path);
}

/// <summary>JSON paths as the API names fields in errors.</summary>
public static class JsonPaths
{
    /// <summary>"$.profile.status" → "profile.status"; "$.rows[3].month" → "rows[3].month"; "$" → "body".</summary>
    public static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        // Property names that need quoting come as ['na.me']; the API's names never do, but keep them readable.
        return trimmed.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }
}
