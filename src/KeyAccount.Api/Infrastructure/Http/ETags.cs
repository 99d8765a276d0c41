using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace KeyAccount.Api.Infrastructure;

/// <summary>ETag over the aggregate's version: <c>ETag: "42"</c>; every change sends it back as <c>If-Match: "42"</c>.</summary>
internal static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The largest ETag: a uint version in quotes.</summary>
    public const int MaxLength = 12;

    /// <summary>What an ETag of this API looks like (strong, a version in quotes).</summary>
    public const string Pattern = "^\"[0-9]{1,10}\"$";

    public static void Set(HttpContext context, uint version) => context.Response.Headers.ETag = Format(version);

    /// <summary>Declares that the endpoint's successful answers carry the resource's ETag (it calls <see cref="Set"/>); the OpenAPI document says so.</summary>
    public static RouteHandlerBuilder SendsETag(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(ETagResponse.Instance);
    }
}

/// <summary>Endpoint metadata: successful answers carry an ETag (added by <see cref="ETags.SendsETag"/>).</summary>
internal sealed class ETagResponse
{
    public static readonly ETagResponse Instance = new();
}

/// <summary>
/// The version a change is made against: the ETag the client read, sent back as <c>If-Match</c>. Declaring a parameter
/// of this type is how an endpoint requires it (one mechanism for every PUT, DELETE and workflow step): a request
/// without the header is a 428, a weak (<c>W/</c>) or foreign tag a 400 — the comparison is strong (RFC 9110 §13.1.1)
/// — and a stale one a 412 when the handler saves. The endpoint's OpenAPI operation documents the header, 412 and 428.
/// </summary>
public readonly record struct IfMatch(uint Version) : IEndpointParameterMetadataProvider
{
    public const string Header = "If-Match";

    public static ValueTask<IfMatch> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(Parse(context.Request.Headers.IfMatch.ToString()));
    }

    public static IfMatch Parse(string? header)
    {
        var value = header?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            throw new PreconditionRequiredException("Send the ETag you read in an If-Match header, so a change made meanwhile by someone else is not overwritten.");
        }

        if (value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && uint.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return new IfMatch(version);
        }

        var message = value.StartsWith("W/", StringComparison.Ordinal)
            ? "Send the strong ETag as it was read (\"42\"); weak tags (W/\"42\") cannot guard a change."
            : "Not an ETag of this resource; send the ETag header of your last read, e.g. \"42\".";
        throw Application.Common.Errors.RequestValidationException.For(Header, Application.Common.Errors.FieldErrorCodes.InvalidFormat, message, new Dictionary<string, object?> { ["format"] = "\"<version>\"" });
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(IfMatchRequired.Instance);
    }
}

/// <summary>Endpoint metadata: the operation requires If-Match (added by an <see cref="IfMatch"/> parameter).</summary>
internal sealed class IfMatchRequired
{
    public static readonly IfMatchRequired Instance = new();
}
