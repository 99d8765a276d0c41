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

/// <summary>
/// One answer for every refusal (unknown email, wrong password, inactive or locked user), after the same work, so
/// that responses reveal nothing. The user's row is locked while a sign-in is judged: concurrent wrong passwords are
/// counted one after another (the fifth locks the user), never lost or refused as a conflict.
/// </summary>
public sealed class LoginHandler(IAppDbContext db, IPasswordHasher hasher, IAccessTokenIssuer tokens, TimeProvider clock) : ICommandHandler<LoginCommand, LoginResult>
{
    public const string Refused = "The email or password is not correct, or this user may not sign in right now.";

    private static string? dummyHash;

    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = User.NormalizeEmail(command.Email);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var user = await db.FindUserForSignInAsync(email, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (user is null || !user.IsActive || user.IsLockedOut(now))
        {
            // Same work and answer as a wrong password, so responses do not reveal which emails exist or are locked.
            hasher.Verify(dummyHash ??= hasher.Hash(Guid.NewGuid().ToString()), command.Password);
            throw new AuthenticationFailedException(Refused);
        }

        var (valid, needsRehash) = hasher.Verify(user.PasswordHash, command.Password);
        if (!valid)
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            throw new AuthenticationFailedException(Refused);
        }

        user.RecordSuccessfulLogin();
        if (needsRehash)
        {
            user.UpgradePasswordHash(hasher.Hash(command.Password));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var (token, expiresAt) = tokens.Issue(user);
        return new LoginResult(token, "Bearer", expiresAt, MeDto.From(user));
    }
}
