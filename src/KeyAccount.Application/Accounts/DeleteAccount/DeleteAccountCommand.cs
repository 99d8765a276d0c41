using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Accounts.DeleteAccount;

/// <summary>Deletes an account; the database cascades to its contacts, interactions, revenue and reminders in the same statement (Director only; most users mark accounts Lost instead).</summary>
public sealed record DeleteAccountCommand(AccountId Id, uint ExpectedVersion) : ICommand;

public sealed class DeleteAccountHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<DeleteAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        db.Accounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
