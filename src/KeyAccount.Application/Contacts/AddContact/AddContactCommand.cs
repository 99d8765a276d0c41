using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Contacts.Common;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Contacts.AddContact;

public sealed record AddContactCommand(AccountId AccountId, ContactInput Contact) : ICommand<ContactDto>;

public sealed class AddContactValidator : AbstractValidator<AddContactCommand>
{
    public AddContactValidator() => RuleFor(x => x.Contact).NotNull().SetValidator(new ContactInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class AddContactHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddContactCommand, ContactDto>
{
    public async ValueTask<ContactDto> Handle(AddContactCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        var contact = account.AddContact(command.Contact.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return contact.ToDto();
    }
}
