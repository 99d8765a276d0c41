namespace KeyAccount.Infrastructure.Identity;

/// <summary>
/// Bearer tokens the platform issues itself (section "Auth" of the configuration). An external OpenID Connect
/// provider can be used instead by setting <c>Auth:Authority</c> (see the README).
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Auth";

    /// <summary>Symmetric signing key (at least 32 bytes; base64 or plain text). deploy/run.sh generates one per data folder.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "keyaccount";

    public string Audience { get; set; } = "keyaccount-api";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Lifetime of an API client's token (client credentials): short, since a client asks again with its secret whenever it needs one.</summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Optional OpenID Connect authority; when set, its tokens are accepted as well.</summary>
    public string? Authority { get; set; }

    public byte[] KeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured (at least 32 bytes). deploy/run.sh generates one; set Auth__SigningKey otherwise.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(SigningKey);
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        return bytes;
    }
}
