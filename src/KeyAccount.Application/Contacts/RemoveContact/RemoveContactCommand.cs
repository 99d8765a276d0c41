using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Contacts.RemoveContact;

public sealed record RemoveContactCommand(AccountId AccountId, ContactId ContactId, uint ExpectedVersion) : ICommand;

public sealed class RemoveContactHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RemoveContactCommand>
{
    public async ValueTask<Unit> Handle(RemoveContactCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        account.RemoveContact(command.ContactId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
