using KeyAccount.Domain.Complaints;

namespace KeyAccount.Domain.Users;

/// <summary>What an Admin edits about a user, besides the email (the sign-in name) and the manager.</summary>
public sealed record UserProfile(string DisplayName, Role Role, Department? Department, bool IsDepartmentHead, string Language);

/// <summary>The languages a user's emails can be written in.</summary>
public static class UserLanguages
{
    public const string ChineseSimplified = "zh-CN";
    public const string English = "en";

    /// <summary>Most users are Chinese-speaking.</summary>
    public const string Default = ChineseSimplified;

    public static readonly IReadOnlyList<string> All = [ChineseSimplified, English];
}

/// <summary>What a password must be (checked before it is hashed; the hash never sees a refused one).</summary>
public static class PasswordPolicy
{
    /// <summary>NIST SP 800-63B asks for at least 8; 12 keeps guessable words out without composition rules.</summary>
    public const int MinLength = 12;

    /// <summary>Long passphrases are welcome, but hashing megabytes is a denial of service.</summary>
    public const int MaxLength = 256;

    /// <summary>Whether the password is the sign-in name itself (compared like emails are: case and spaces ignored).</summary>
    public static bool IsEmail(string password, string email) =>
        string.Equals(User.NormalizeEmail(password), User.NormalizeEmail(email), StringComparison.Ordinal);
}
