using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Auth.GetMe;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Auth.Login;

/// <summary>Sign in with email and password.</summary>
/// <param name="Email" example="director@demo.keyaccount.local">The user's email.</param>
/// <param name="Password" example="KeyAccount!2026">The user's password.</param>
public sealed record LoginCommand([property: MaxLength(254)] string Email, [property: MaxLength(256)] string Password) : ICommand<LoginResult>, Application.Common.Behaviors.IManagesOwnTransactions;

/// <summary>A bearer token for the <c>Authorization: Bearer ...</c> header.</summary>
/// <param name="AccessToken" example="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzZjJhNCJ9.c2lnbmF0dXJl">The token.</param>
/// <param name="TokenType" example="Bearer">Always "Bearer".</param>
/// <param name="ExpiresAt">When the token stops working (UTC); sign in again then.</param>
/// <param name="User">Who signed in.</param>
public sealed record LoginResult(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, MeDto User);

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(x => x.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed class LoginHandler(IAppDbContext db, IPasswordHasher hasher, IAccessTokenIssuer tokens, TimeProvider clock) : ICommandHandler<LoginCommand, LoginResult>
{
    private static string? dummyHash;

    private const string Refused = "The email or password is not correct.";

    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var email = User.NormalizeEmail(command.Email);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken).ConfigureAwait(false);
        if (user is null || !user.IsActive)
        {
            // Same work and answer as a wrong password, so responses do not reveal which emails exist.
            hasher.Verify(dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), command.Password);
            throw new AuthenticationFailedException(Refused);
        }

        if (user.IsLockedOut(now))
        {
            throw new AuthenticationFailedException("Too many failed sign-ins: this user is locked for a while. Try again later or ask an administrator.");
        }

        var (valid, needsRehash) = hasher.Verify(user.PasswordHash, command.Password);
        if (!valid)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            throw new AuthenticationFailedException(Refused);
        }

        user.RecordSuccessfulLogin();
        if (needsRehash)
        {
            user.ChangePasswordHash(hasher.Hash(command.Password));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var (token, expiresAt) = tokens.Issue(user);
        return new LoginResult(token, "Bearer", expiresAt, MeDto.From(user));
    }
}
