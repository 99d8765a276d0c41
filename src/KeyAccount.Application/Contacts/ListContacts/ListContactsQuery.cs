using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Contacts.Common;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Contacts.ListContacts;

/// <summary>The account's contacts with its decision-chain gaps.</summary>
/// <param name="Items">Every contact of the account, by name.</param>
/// <param name="DecisionChainGaps">Gaps of a key account's map: no decision maker, no supporter.</param>
public sealed record ContactListDto(IReadOnlyList<ContactDto> Items, IReadOnlyList<DecisionChainGap> DecisionChainGaps);

public sealed record ListContactsQuery(AccountId AccountId) : IQuery<ContactListDto>;

public sealed class ListContactsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListContactsQuery, ContactListDto>
{
    public async ValueTask<ContactListDto> Handle(ListContactsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var tier = await db.Accounts.Where(a => a.Id == query.AccountId).Select(a => a.Tier).FirstAsync(cancellationToken).ConfigureAwait(false);
        var contacts = await db.Accounts.Where(a => a.Id == query.AccountId).SelectMany(a => a.Contacts)
            .OrderBy(c => c.Name).ProjectToDto().ToListAsync(cancellationToken).ConfigureAwait(false);
        var gaps = Account.FindDecisionChainGaps(tier, contacts.Select(c => (c.BuyingRole, c.Attitude)));
        return new ContactListDto(contacts, gaps);
    }
}
