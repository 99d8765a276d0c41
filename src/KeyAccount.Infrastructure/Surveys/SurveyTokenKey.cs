using System.Security.Cryptography;
using System.Text;
using KeyAccount.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// The key of invitation tokens: <c>Surveys:TokenKey</c> when set, otherwise derived from the JWT signing key
/// (HMAC-SHA256 of a fixed label under it), so a deployment needs no new secret and rotating the signing key
/// invalidates unsent tokens' recomputation only together with it. The mailer and the reminder use the same key.
/// </summary>
public sealed class SurveyTokenKey(IOptions<SurveyOptions> surveys, IOptions<JwtOptions> jwt)
{
    private const string Label = "keyaccount/survey-invitation-token/v1";

    private readonly Lazy<byte[]> _key = new(() => Resolve(surveys.Value.TokenKey, jwt.Value.SigningKey));

    public ReadOnlySpan<byte> Value => _key.Value;

    public byte[] ToArray() => [.. _key.Value];

    private static byte[] Resolve(string? configured, string signingKey)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured);
        }

        if (string.IsNullOrWhiteSpace(signingKey))
        {
            throw new InvalidOperationException("Neither Surveys:TokenKey nor Auth:SigningKey is set: invitation tokens need a key.");
        }

        return HMACSHA256.HashData(Decode(signingKey), Encoding.ASCII.GetBytes(Label));
    }

    private static byte[] Decode(string text)
    {
        Span<byte> buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 32 ? buffer[..written].ToArray() : Encoding.UTF8.GetBytes(text);
    }
}
