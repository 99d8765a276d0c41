using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Users;

/// <summary>A person who signs in. The password is only ever held as a hash.</summary>
public sealed class User : AggregateRoot
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private User()
    {
        Email = string.Empty;
        DisplayName = string.Empty;
        PasswordHash = string.Empty;
    }

    public UserId Id { get; private set; }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public Role Role { get; private set; }

    public string PasswordHash { get; private set; }

    public bool IsActive { get; private set; }

    public int FailedLoginCount { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static User Create(string email, string displayName, Role role, string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return new User
        {
            Id = UserId.New(),
            Email = NormalizeEmail(email),
            DisplayName = displayName.Trim(),
            Role = role,
            PasswordHash = passwordHash,
            IsActive = true,
            CreatedAt = now,
        };
    }

    public static string NormalizeEmail(string email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Records a failed sign-in; the fifth failure in a row locks the user out for 15 minutes.</summary>
    public void RecordFailedLogin(DateTimeOffset now)
    {
        if (LockedUntil is { } until && until <= now)
        {
            // The previous lockout has run out: count afresh.
            FailedLoginCount = 0;
            LockedUntil = null;
        }

        FailedLoginCount++;
        if (FailedLoginCount >= MaxFailedAttempts)
        {
            LockedUntil = now.Add(LockoutDuration);
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }
}
