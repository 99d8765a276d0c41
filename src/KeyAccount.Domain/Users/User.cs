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

    /// <summary>
    /// Changes whenever the user's existing sessions must end (deactivated, locked out, password changed): every token
    /// carries the stamp it was issued with, and a token whose stamp is no longer the user's is refused.
    /// </summary>
    public Guid SecurityStamp { get; private set; }

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
            SecurityStamp = Guid.NewGuid(),
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
        if (FailedLoginCount >= MaxFailedAttempts && !IsLockedOut(now))
        {
            LockedUntil = now.Add(LockoutDuration);
            SecurityStamp = Guid.NewGuid();
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    /// <summary>A rehash of the same password (stronger parameters): sessions stay.</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
    }

    /// <summary>A new password: every existing session ends.</summary>
    public void ChangePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid();
    }

    /// <summary>The user may no longer sign in; their tokens stop working at their next request.</summary>
    public void Deactivate()
    {
        IsActive = false;
        SecurityStamp = Guid.NewGuid();
    }

    public void Reactivate()
    {
        IsActive = true;
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    /// <summary>Whether a token issued with <paramref name="stamp"/> may still be used now.</summary>
    public bool AcceptsSession(Guid stamp, DateTimeOffset now) => AcceptsSession(IsActive, LockedUntil, SecurityStamp, stamp, now);

    /// <summary>The session rule over the user's facts (as a cache of them holds them): active, not locked out, same stamp.</summary>
    public static bool AcceptsSession(bool isActive, DateTimeOffset? lockedUntil, Guid securityStamp, Guid tokenStamp, DateTimeOffset now) =>
        isActive && !(lockedUntil is { } until && until > now) && tokenStamp == securityStamp;
}
