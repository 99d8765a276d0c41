using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.CreateAccount;

public sealed record CreateAccountCommand(AccountProfileInput Profile) : ICommand<AccountDto>;

public sealed class CreateAccountValidator : AbstractValidator<CreateAccountCommand>
{
    public CreateAccountValidator()
    {
        RuleFor(x => x.Profile).NotNull().SetValidator(new AccountProfileValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateAccountHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(CreateAccountCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var owner = await OwnerRules.ResolveOwnerAsync(db, user, command.Profile.OwnerId, currentOwner: null, cancellationToken).ConfigureAwait(false);
        await OwnerRules.EnsureRegistrationNumberFreeAsync(db, command.Profile.RegistrationNumber, except: null, cancellationToken).ConfigureAwait(false);

        var profile = await AccountReferenceCodes.ResolveAsync(db, command.Profile, current: null, cancellationToken).ConfigureAwait(false);
        var account = Account.Create(profile.ToProfile(), owner, clock.GetUtcNow());
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        return (await db.ReadAccountAsync(account.Id, user, checkAccess: false, cancellationToken).ConfigureAwait(false))!;
    }
}

/// <summary>Who may own an account, and registration-number uniqueness, shared by create and update.</summary>
internal static class OwnerRules
{
    public static async Task<UserId> ResolveOwnerAsync(IAppDbContext db, ICurrentUser user, UserId? requested, UserId? currentOwner, CancellationToken cancellationToken)
    {
        // An API client owns nothing: a bound one creates for the manager it is bound to; an unbound one names the owner.
        var restrictedTo = AccountAccess.RestrictedTo(user);
        var me = user.ClientId is null ? user.UserId ?? throw new ForbiddenException("Only a signed-in user can own accounts.") : restrictedTo;
        var wanted = requested ?? currentOwner ?? me
            ?? throw RequestValidationException.For("ownerId", FieldErrorCodes.Required, "An API client that is not bound to an account manager names the owner.");
        if (wanted == currentOwner)
        {
            return wanted;
        }

        if (restrictedTo is { } only && wanted != only)
        {
            throw new ForbiddenException("An account manager cannot assign accounts to someone else; ask a director.");
        }

        var eligible = await db.Users.AnyAsync(
            u => u.Id == wanted && u.IsActive && (u.Role == Role.AccountManager || u.Role == Role.Director), cancellationToken).ConfigureAwait(false);
        if (!eligible)
        {
            throw RequestValidationException.For("ownerId", FieldErrorCodes.UnknownReference, "The owner must be an active account manager or director.");
        }

        return wanted;
    }

    public static async Task EnsureRegistrationNumberFreeAsync(IAppDbContext db, string registrationNumber, AccountId? except, CancellationToken cancellationToken)
    {
        var normalized = Account.NormalizeRegistrationNumber(registrationNumber);
        var taken = await db.Accounts.AnyAsync(a => a.RegistrationNumber == normalized && (except == null || a.Id != except), cancellationToken).ConfigureAwait(false);
        if (taken)
        {
            throw new ConflictException(ProblemCodes.RegistrationNumberTaken, "Another account already has this registration number.", "registrationNumber");
        }
    }
}
