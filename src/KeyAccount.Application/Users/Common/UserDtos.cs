using System.ComponentModel.DataAnnotations;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Users.Common;

/// <summary>A user as an Admin manages them. The password (or its hash) is never shown.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email" example="li.na@example.cn">Email, the sign-in name (unique, lower case).</param>
/// <param name="DisplayName" example="李娜">Name shown in the app.</param>
/// <param name="Role">The user's one role: it decides every permission.</param>
/// <param name="Department">The department the user works in.</param>
/// <param name="ManagerId">The user's line manager.</param>
/// <param name="ManagerName" example="王芳">The line manager's display name.</param>
/// <param name="IsDepartmentHead">Whether the user heads their department (level-1 complaint escalations go to the head).</param>
/// <param name="Language" example="zh-CN">Language of the user's emails: zh-CN or en.</param>
/// <param name="IsActive">False when deactivated: the user cannot sign in and their tokens are refused.</param>
/// <param name="LockedUntil">Until when sign-in is locked after repeated failures (null when not locked).</param>
/// <param name="HasPassword">False while the user has not yet set a password from their set-password link.</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="Version">Concurrency version (also the ETag).</param>
public sealed record UserDto(
    UserId Id, string Email, string DisplayName, Role Role, Department? Department, UserId? ManagerId, string? ManagerName, bool IsDepartmentHead,
    string Language, bool IsActive, DateTimeOffset? LockedUntil, bool HasPassword, DateTimeOffset CreatedAt, uint Version);

/// <summary>An active user for a picker: no email, only what choosing someone needs.</summary>
/// <param name="Id">User id.</param>
/// <param name="DisplayName" example="李娜">Name shown in the app.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Department">The user's department.</param>
public sealed record UserLookupDto(UserId Id, string DisplayName, Role Role, Department? Department);

/// <summary>What an Admin sets on a user (create and update alike).</summary>
public record UserFields
{
    /// <summary>Name shown in the app (1–200 characters).</summary>
    /// <example>李娜</example>
    [MaxLength(200)]
    public required string DisplayName { get; init; }

    /// <summary>The user's one role (a user has exactly one; changing it ends the user's sessions).</summary>
    /// <example>ServiceAgent</example>
    public required Role Role { get; init; }

    /// <summary>The department the user works in; required when <c>isDepartmentHead</c> is true.</summary>
    /// <example>Service</example>
    public Department? Department { get; init; }

    /// <summary>The line manager (an existing user; not the user, and not someone who reports to the user).</summary>
    public UserId? ManagerId { get; init; }

    /// <summary>Whether the user heads the department (at most one active head per department: 409 otherwise).</summary>
    /// <example>false</example>
    public bool IsDepartmentHead { get; init; }

    /// <summary>Language of the user's emails: zh-CN (default) or en.</summary>
    /// <example>zh-CN</example>
    [MaxLength(10)]
    public string Language { get; init; } = UserLanguages.Default;

    public UserProfile ToProfile() => new(DisplayName, Role, Department, IsDepartmentHead, Language);
}
