using KeyAccount.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace KeyAccount.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, 100,000 iterations, salted; rehashes old formats.</summary>
internal sealed class PasswordHasher : Application.Common.Abstractions.IPasswordHasher
{
    private static readonly PasswordHasher<User> Hasher = new();

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    public (bool Valid, bool NeedsRehash) Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(null!, hash, password) switch
            {
                PasswordVerificationResult.Success => (true, false),
                PasswordVerificationResult.SuccessRehashNeeded => (true, true),
                _ => (false, false),
            };
        }
        catch (FormatException)
        {
            return (false, false);
        }
    }
}
