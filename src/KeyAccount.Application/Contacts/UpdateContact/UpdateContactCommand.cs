using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Contacts.Common;
using KeyAccount.Domain.Accounts;
using Mediator;

namespace KeyAccount.Application.Contacts.UpdateContact;

/// <param name="ExpectedVersion">The account's version from If-Match (contacts are part of the account aggregate).</param>
public sealed record UpdateContactCommand(AccountId AccountId, ContactId ContactId, ContactInput Contact, uint ExpectedVersion) : ICommand<ContactDto>;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator() => RuleFor(x => x.Contact).NotNull().SetValidator(new ContactInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class UpdateContactHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateContactCommand, ContactDto>
{
    public async ValueTask<ContactDto> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await db.LoadForChangeAsync(command.AccountId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var contact = account.UpdateContact(command.ContactId, command.Contact.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return contact.ToDto();
    }
}
