using System.Security.Cryptography;
using System.Text;
using KeyAccount.Domain.Webhooks;

namespace KeyAccount.Infrastructure.Webhooks;

/// <summary>
/// Standard Webhooks 1.0 signatures: <c>v1,</c> and the base64 HMAC-SHA256 of <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>
/// under each signing secret, space-separated (two during a secret rotation's overlap).
/// </summary>
public static class WebhookSigner
{
    public static string Sign(string messageId, long timestamp, string body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), content))));
    }
}
