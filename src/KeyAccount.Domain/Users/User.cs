using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;

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

    /// <summary>The department the user works in (the same departments complaints are assigned to), if any.</summary>
    public Department? Department { get; private set; }

    /// <summary>The user's line manager, if any; never the user, never a chain that comes back to the user.</summary>
    public UserId? ManagerId { get; private set; }

    /// <summary>Whether the user heads <see cref="Department"/> (at most one active head per department; level-1 escalations go there).</summary>
    public bool IsDepartmentHead { get; private set; }

    /// <summary>The language of the user's emails: one of <see cref="UserLanguages.All"/>.</summary>
    public string Language { get; private set; } = UserLanguages.Default;

    /// <summary>False while the user has no password of their own yet (created or reset with a set-password link).</summary>
    public bool HasUsablePassword => !PasswordHash.StartsWith(UnusablePasswordPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Marks a hash no password verifies against (not Base64, so the hasher refuses it): the hash is never empty, and
    /// a user waiting for their set-password link cannot be signed in with any password meanwhile.
    /// </summary>
    public const string UnusablePasswordPrefix = "!unset:";

    public static string UnusablePasswordHash() => UnusablePasswordPrefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Changes whenever the user's existing sessions must end (deactivated, locked out, password changed): every token
    /// carries the stamp it was issued with, and a token whose stamp is no longer the user's is refused.
    /// </summary>
    public Guid SecurityStamp { get; private set; }

    public static User Create(string email, string displayName, Role role, string passwordHash, DateTimeOffset now) =>
        Create(email, passwordHash, new UserProfile(displayName, role, null, false, UserLanguages.Default), now);

    /// <summary>
    /// A new, active user. The manager is set separately (<see cref="AssignManager"/>): it needs the other users'
    /// reporting lines. Pass <see cref="UnusablePasswordHash"/> for a user who will set their password from a link.
    /// </summary>
    public static User Create(string email, string passwordHash, UserProfile profile, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        ArgumentNullException.ThrowIfNull(profile);
        var user = new User
        {
            Id = UserId.New(),
            Email = NormalizeEmail(email),
            PasswordHash = passwordHash,
            IsActive = true,
            CreatedAt = now,
            SecurityStamp = Guid.NewGuid(),
        };
        user.Apply(profile);
        return user;
    }

    /// <summary>
    /// Changes name, role, department, headship and language. A new role ends every session (tokens carry the role).
    /// Taking the Admin role from the last active Admin is refused: nobody could manage users any more.
    /// </summary>
    public void ChangeProfile(UserProfile profile, int otherActiveAdmins)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Role == Role.Admin && IsActive && profile.Role != Role.Admin)
        {
            CheckRule(new LastActiveAdminMustRemain(otherActiveAdmins, "role"));
        }

        var roleChanged = profile.Role != Role;
        Apply(profile);
        if (roleChanged)
        {
            SecurityStamp = Guid.NewGuid();
        }
    }

    private void Apply(UserProfile profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.DisplayName);
        CheckRule(new DepartmentHeadNeedsDepartment(profile.IsDepartmentHead, profile.Department));
        CheckRule(new LanguageMustBeSupported(profile.Language));
        DisplayName = profile.DisplayName.Trim();
        Role = profile.Role;
        Department = profile.Department;
        IsDepartmentHead = profile.IsDepartmentHead;
        Language = profile.Language;
    }

    /// <summary>
    /// Sets (or clears) the line manager. <paramref name="managerOf"/> answers each user's current manager, so that the
    /// reporting line above the new manager can be followed: a line that comes back to this user is refused.
    /// </summary>
    public void AssignManager(UserId? managerId, Func<UserId, UserId?> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        CheckRule(new ManagerMustNotFormCycle(Id, managerId, managerOf));
        ManagerId = managerId;
    }

    /// <summary>An Admin deactivates a user: never themself, never the last active Admin.</summary>
    public void Deactivate(UserId by, int otherActiveAdmins)
    {
        CheckRule(new AdminCannotDeactivateThemself(Id, by));
        if (Role == Role.Admin && IsActive)
        {
            CheckRule(new LastActiveAdminMustRemain(otherActiveAdmins, null));
        }

        Deactivate();
    }

    /// <summary>Clears a lockout (and the failure count) before it runs out.</summary>
    public void Unlock()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    /// <summary>
    /// An Admin resets the password: to a new one, or to none (<see cref="UnusablePasswordHash"/>) until the user sets
    /// one from a link. Either way every session ends and a lockout is lifted.
    /// </summary>
    public void ResetPassword(string passwordHash)
    {
        ChangePasswordHash(passwordHash);
        Unlock();
    }

    /// <summary>The user sets their own password from a set-password link: sessions end, a lockout is lifted.</summary>
    public void SetPasswordFromLink(string passwordHash)
    {
        ResetPassword(passwordHash);
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
