using System.Security.Cryptography;
using System.Text;

namespace KeyAccount.Domain.Users;

/// <summary>
/// A one-time link for a user to set their password. The token itself (256 random bits, base64url) exists only in the
/// email; only its SHA-256 is stored, so a copy of the database opens no account. Valid for 72 hours, once; issuing a
/// newer one for the same user voids the older ones (the issuer deletes them).
/// </summary>
public sealed class SetPasswordToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private SetPasswordToken()
    {
        TokenHash = [];
    }

    public Guid Id { get; private set; }

    public UserId UserId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new token for <paramref name="user"/>: the stored record and the secret to put in the link.</summary>
    public static (SetPasswordToken Record, string Token) Issue(UserId user, DateTimeOffset now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new SetPasswordToken { Id = Guid.CreateVersion7(), UserId = user, TokenHash = HashOf(token), CreatedAt = now, ExpiresAt = now.Add(Lifetime) }, token);
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty));

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset now) => UsedAt = now;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
