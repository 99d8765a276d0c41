using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.ResetUserPassword;

/// <summary>How to reset: a new password, or a set-password link by email (exactly one).</summary>
public sealed record PasswordResetInput
{
    /// <summary>The new password (12–256 characters, not the email). Give this or <c>sendSetPasswordLink</c>, not both.</summary>
    /// <example>Autumn-River-2026</example>
    [MaxLength(PasswordPolicy.MaxLength)]
    public string? Password { get; init; }

    /// <summary>True: the current password stops working now and the user is emailed a one-time link (valid 72 hours) to choose a new one.</summary>
    /// <example>true</example>
    public bool SendSetPasswordLink { get; init; }
}

/// <summary>Resets a user's password; every session of theirs ends and a lockout is lifted (If-Match).</summary>
public sealed record ResetUserPasswordCommand(UserId Id, PasswordResetInput Reset, uint ExpectedVersion) : ICommand<UserDto>;

public sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPasswordCommand>
{
    public ResetUserPasswordValidator()
    {
        RuleFor(x => x.Reset.Password).MinimumLength(PasswordPolicy.MinLength).MaximumLength(PasswordPolicy.MaxLength).OverridePropertyName("password");
        RuleFor(x => x.Reset.Password).Null().When(x => x.Reset.SendSetPasswordLink).WithErrorCode(FieldErrorCodes.Conflicting)
            .WithMessage("Give a password or ask for a set-password link, not both.").WithState(_ => new Dictionary<string, object?> { ["other"] = "sendSetPasswordLink" })
            .OverridePropertyName("password");
        RuleFor(x => x.Reset.Password).NotEmpty().When(x => !x.Reset.SendSetPasswordLink)
            .WithMessage("Give a password, or set sendSetPasswordLink to email the user a link.").OverridePropertyName("password");
    }
}

public sealed class ResetUserPasswordHandler(IAppDbContext db, IPasswordHasher hasher, IMailOutbox mail, IPublicLinks links, TimeProvider clock) : ICommandHandler<ResetUserPasswordCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(ResetUserPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.LoadUserAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (command.Reset.Password is { } password)
        {
            PasswordRules.Check(password, user.Email);
            user.ResetPassword(hasher.Hash(password));
        }
        else
        {
            user.ResetPassword(User.UnusablePasswordHash());
            await db.SendSetPasswordLinkAsync(user, links, mail, now, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, now, cancellationToken).ConfigureAwait(false);
    }
}
