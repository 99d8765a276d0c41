using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Users.Common;

/// <summary>Where a set-password link points: the SPA's page on the public address of this installation.</summary>
public interface IPublicLinks
{
    /// <summary><c>{App:PublicBaseUrl, or the request's origin}/set-password?token=…</c>.</summary>
    string SetPassword(string token);
}

/// <summary>The checks of the fields create and update share.</summary>
public sealed class UserFieldsValidator : AbstractValidator<UserFields>
{
    public UserFieldsValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.Department).IsInEnum();
        RuleFor(x => x.Language).NotEmpty().Must(l => UserLanguages.All.Contains(l, StringComparer.Ordinal))
            .WithErrorCode(FieldErrorCodes.InvalidValue).WithMessage($"One of: {string.Join(", ", UserLanguages.All)}.")
            .WithState(_ => new Dictionary<string, object?> { ["allowed"] = UserLanguages.All });
        RuleFor(x => x.Department).NotNull().When(x => x.IsDepartmentHead)
            .WithMessage("A department head needs a department.");
    }
}

/// <summary>The password rules (<see cref="PasswordPolicy"/>) as field checks, for every place a password is chosen.</summary>
public static class PasswordRules
{
    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> email) =>
        rule.MinimumLength(PasswordPolicy.MinLength).MaximumLength(PasswordPolicy.MaxLength)
            .Must((x, p) => p is null || email(x) is not { } e || !PasswordPolicy.IsEmail(p, e))
            .WithErrorCode(FieldErrorCodes.Invalid).WithMessage("The password must not be the email address.");

    /// <summary>The same rules for a password checked in a handler (the email is known only there).</summary>
    public static void Check(string password, string email)
    {
        if (password.Length < PasswordPolicy.MinLength)
        {
            throw RequestValidationException.For("password", FieldErrorCodes.TooShort, $"At least {PasswordPolicy.MinLength} characters.", new Dictionary<string, object?> { ["min"] = PasswordPolicy.MinLength });
        }

        if (password.Length > PasswordPolicy.MaxLength)
        {
            throw RequestValidationException.For("password", FieldErrorCodes.TooLong, $"At most {PasswordPolicy.MaxLength} characters.", new Dictionary<string, object?> { ["max"] = PasswordPolicy.MaxLength });
        }

        if (PasswordPolicy.IsEmail(password, email))
        {
            throw RequestValidationException.For("password", FieldErrorCodes.Invalid, "The password must not be the email address.");
        }
    }
}

internal static class UserAdministration
{
    public static async Task<User> LoadUserAsync(this IAppDbContext db, UserId id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("User", id.Value);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(user, version);
        }

        return user;
    }

    /// <summary>Active Admins other than <paramref name="user"/> (the last one may not go).</summary>
    public static Task<int> OtherActiveAdminsAsync(this IAppDbContext db, UserId user, CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.Id != user && u.IsActive && u.Role == Role.Admin, cancellationToken);

    /// <summary>
    /// Sets the manager after checking they exist, and that the reporting line above them does not come back to the
    /// user. Every user's line is read at once: an installation has hundreds of users, not millions, and the walk
    /// needs the whole chain. Two Admins closing a loop at the same instant from both ends could both pass; the walk
    /// stops on an existing loop, so such data stays harmless to read.
    /// </summary>
    public static async Task AssignManagerAsync(this IAppDbContext db, User user, UserId? managerId, CancellationToken cancellationToken)
    {
        if (managerId == user.ManagerId)
        {
            return;
        }

        if (managerId is { } id && id != user.Id && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false))
        {
            throw RequestValidationException.For("managerId", FieldErrorCodes.UnknownReference, "No such user.");
        }

        var lines = await db.Users.AsNoTracking().Where(u => u.ManagerId != null).Select(u => new { u.Id, u.ManagerId })
            .ToDictionaryAsync(u => u.Id, u => u.ManagerId, cancellationToken).ConfigureAwait(false);
        user.AssignManager(managerId, u => lines.GetValueOrDefault(u));
    }

    /// <summary>
    /// Issues a set-password link for the user (voiding the ones issued before) and queues its email in the same unit
    /// of work: the link exists exactly when the change that asked for it commits.
    /// </summary>
    public static async Task SendSetPasswordLinkAsync(this IAppDbContext db, User user, IPublicLinks links, IMailOutbox mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SetPasswordTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var (record, token) = SetPasswordToken.Issue(user.Id, now);
        db.SetPasswordTokens.Add(record);
        mail.Enqueue(new MailRequest(user.Email, user.DisplayName, user.Language, MailKind.SetPassword, new Dictionary<string, string>
        {
            ["link"] = links.SetPassword(token),
            ["expiresAt"] = record.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    /// <summary>One user as an Admin sees them, with the manager's name (one query).</summary>
    public static async Task<UserDto> ReadUserAsync(this IAppDbContext db, UserId id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == id).ToDtos(db, now).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("User", id.Value);

    /// <summary>Users as DTOs in SQL; a lockout that has run out is shown as none.</summary>
    public static IQueryable<UserDto> ToDtos(this IQueryable<User> users, IAppDbContext db, DateTimeOffset now) =>
        from u in users
        join m in db.Users on u.ManagerId equals m.Id into managers
        from m in managers.DefaultIfEmpty()
        select new UserDto(
            u.Id, u.Email, u.DisplayName, u.Role, u.Department, u.ManagerId, m == null ? null : m.DisplayName, u.IsDepartmentHead, u.Language, u.IsActive,
            u.LockedUntil > now ? u.LockedUntil : null, !u.PasswordHash.StartsWith(User.UnusablePasswordPrefix), u.CreatedAt, u.Version);
}
