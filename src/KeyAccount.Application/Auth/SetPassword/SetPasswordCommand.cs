using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Auth.SetPassword;

/// <summary>Sets a password with the token of a set-password link.</summary>
/// <param name="Token" example="q3Jx0sVt8yK2mB9wLrP4nD7hF1cZ6aE5uG0iO3jQ8kM">The token from the link (the <c>token</c> query parameter).</param>
/// <param name="Password" example="Spring-Harbour-2026">The new password (12–256 characters, not the email).</param>
public sealed record SetPasswordCommand([property: MaxLength(100)] string Token, [property: MaxLength(PasswordPolicy.MaxLength)] string Password) : ICommand;

public sealed class SetPasswordValidator : AbstractValidator<SetPasswordCommand>
{
    public SetPasswordValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().MinimumLength(PasswordPolicy.MinLength).MaximumLength(PasswordPolicy.MaxLength);
    }
}

/// <summary>
/// One answer for an unknown, used, voided or expired token (and for a user deactivated since): the link no longer
/// works, ask for a new one. The token's row is locked while it is used, so two submissions of one link cannot both
/// set a password.
/// </summary>
public sealed class SetPasswordHandler(IAppDbContext db, IPasswordHasher hasher, TimeProvider clock) : ICommandHandler<SetPasswordCommand>
{
    public async ValueTask<Unit> Handle(SetPasswordCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var hash = SetPasswordToken.HashOf(command.Token);
        var token = await db.FindSetPasswordTokenForUseAsync(hash, cancellationToken).ConfigureAwait(false);
        var user = token is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken).ConfigureAwait(false);
        if (token is null || !token.IsUsable(now) || user is null || !user.IsActive)
        {
            throw RequestValidationException.For("token", ProblemCodes.SetPasswordTokenInvalid, "This link is not valid any more (used, replaced by a newer one, or older than 72 hours). Ask an administrator for a new one.");
        }

        PasswordRules.Check(command.Password, user.Email);
        user.SetPasswordFromLink(hasher.Hash(command.Password));
        token.MarkUsed(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
