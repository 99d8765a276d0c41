using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using Mediator;

namespace KeyAccount.Application.Accounts.GetAccount;

public sealed record GetAccountQuery(AccountId Id) : IQuery<AccountDto>;

public sealed class GetAccountHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAccountQuery, AccountDto>
{
    public async ValueTask<AccountDto> Handle(GetAccountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await db.ReadAccountAsync(query.Id, user, checkAccess: true, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Account", query.Id.Value);
    }
}
