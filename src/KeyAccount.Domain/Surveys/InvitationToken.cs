using System.Buffers.Text;
using System.Security.Cryptography;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// An invitation's token: <c>base64url(HMAC-SHA256(key, invitationId ‖ nonce))</c>, 43 characters (256 bits, of which
/// the nonce's 128 are random). The id is its 16 bytes in RFC 4122 (big-endian) order. The one home of the formula:
/// opening a campaign stores each invitation's random nonce and the <see cref="Hash(string)"/> computed here; the
/// mailer and the reminder recompute the token from the id and the stored nonce.
/// </summary>
public sealed class InvitationToken
{
    /// <summary>Characters of a token: 32 bytes in base64url without padding.</summary>
    public const int Length = 43;

    /// <summary>Random bytes of the nonce.</summary>
    public const int NonceLength = 16;

    private InvitationToken(string value) => Value = value;

    public string Value { get; }

    /// <summary>The token of <paramref name="invitationId"/> with <paramref name="nonce"/> (16 bytes) under <paramref name="key"/>.</summary>
    public static InvitationToken Create(SurveyInvitationId invitationId, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"A nonce is {NonceLength} bytes.", nameof(nonce));
        }

        if (key.IsEmpty)
        {
            throw new ArgumentException("The token key is empty.", nameof(key));
        }

        Span<byte> message = stackalloc byte[16 + NonceLength];
        if (!invitationId.Value.TryWriteBytes(message[..16], bigEndian: true, out _))
        {
            throw new InvalidOperationException("A Guid is 16 bytes.");
        }

        nonce.CopyTo(message[16..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, mac);
        return new InvitationToken(Base64Url.EncodeToString(mac));
    }

    /// <summary>16 new random bytes for a nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceLength);

    /// <summary>SHA-256 of the token's characters (ASCII): what is stored and looked up.</summary>
    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
    }

    /// <summary>Whether <paramref name="token"/> has a token's shape: exactly 43 base64url characters (A–Z, a–z, 0–9, '-', '_').</summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Length)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Value;
}

/// <summary>A token that is not 43 base64url characters: a 400 naming <c>token</c> at the public endpoints.</summary>
[RuleCode("survey-token-malformed")]
public sealed class InvitationTokenMustBeWellFormed(string? token) : IBusinessRule
{
    public bool IsBroken() => !InvitationToken.IsWellFormed(token);

    public string Message => $"A survey token is {InvitationToken.Length} base64url characters.";

    public string? Field => "token";
}
