using System.Globalization;

namespace KeyAccount.Api.Infrastructure;

/// <summary>ETag / If-Match over the aggregate's version: <c>ETag: "42"</c>; updates send <c>If-Match: "42"</c>.</summary>
internal static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext context, uint version) => context.Response.Headers.ETag = Format(version);

    /// <summary>The version the client expects when it sent If-Match; null when it did not (workflow actions, where the state machine guards).</summary>
    public static uint? OptionalIfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.IfMatch.ToString().Trim().Length == 0 ? null : RequireIfMatch(request);
    }

    /// <summary>The version the client expects; 428 without If-Match, 400 when it is not one of ours.</summary>
    public static uint RequireIfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0)
        {
            throw new PreconditionRequiredException("Send the ETag you read in an If-Match header, so a change made meanwhile by someone else is not overwritten.");
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.Length > 2 && value[0] == '"' && value[^1] == '"' && uint.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new Application.Common.Errors.RequestValidationException(
            new Dictionary<string, string[]> { ["If-Match"] = ["Not an ETag of this resource; send the ETag header of your last read."] });
    }
}
