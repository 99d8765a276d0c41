using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Accounts.CreateAccount;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.UpdateAccount;

/// <param name="Id">The account.</param>
/// <param name="Profile">The new profile (all fields).</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record UpdateAccountCommand(AccountId Id, AccountProfileInput Profile, uint ExpectedVersion) : ICommand<AccountDto>;

public sealed class UpdateAccountValidator : AbstractValidator<UpdateAccountCommand>
{
    public UpdateAccountValidator()
    {
        RuleFor(x => x.Profile).NotNull().SetValidator(new AccountProfileValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateAccountHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(UpdateAccountCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var owner = await OwnerRules.ResolveOwnerAsync(db, user, command.Profile.OwnerId, account.OwnerId, cancellationToken).ConfigureAwait(false);
        await OwnerRules.EnsureRegistrationNumberFreeAsync(db, command.Profile.RegistrationNumber, account.Id, cancellationToken).ConfigureAwait(false);

        var profile = await AccountReferenceCodes.ResolveAsync(db, command.Profile, account, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        account.UpdateProfile(profile.ToProfile(), now);
        account.ChangeOwner(owner, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        return (await db.ReadAccountAsync(account.Id, user, checkAccess: false, cancellationToken).ConfigureAwait(false))!;
    }
}
