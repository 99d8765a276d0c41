using System.Security.Cryptography;
using System.Text;

namespace KeyAccount.Domain.ApiClients;

/// <summary>
/// A client secret: <c>kac_</c> and the base64url of 32 random bytes (256 bits). The prefix lets secret scanners
/// (and people) recognise a leaked one.
/// </summary>
public static class ApiClientSecret
{
    public const string Prefix = "kac_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// What is stored: the SHA-256 of the secret, in hex. A password needs a slow, salted hash because people choose
    /// guessable ones; this secret is 256 random bits, so no dictionary or brute force reaches it and a fast
    /// unsalted hash is as safe — and keeps the token endpoint cheap (it is anonymous and called often).
    /// </summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, in constant time (no timing hint at how much matched).</summary>
    public static bool Matches(string secret, string? storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (storedHash is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
