using System.Security.Cryptography;

namespace KeyAccount.Domain.Webhooks;

/// <summary>
/// An endpoint's signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of 32 random bytes (the
/// HMAC-SHA256 key). Receivers' libraries take it as it is.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of a secret (its base64 part, with or without the prefix).</summary>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
    }
}
