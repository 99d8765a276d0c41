using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Health.GetAccountHealth;

/// <summary>The account's health now, with its warnings.</summary>
public sealed record GetAccountHealthQuery(AccountId AccountId) : IQuery<AccountHealthDto>;

public sealed class GetAccountHealthHandler(IAppDbContext db, IAccountSignals signals, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetAccountHealthQuery, AccountHealthDto>
{
    public async ValueTask<AccountHealthDto> Handle(GetAccountHealthQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var rows = await signals.ReadAsync(new AccountScope(Account: query.AccountId), now, cancellationToken).ConfigureAwait(false);
        var row = rows.SingleOrDefault() ?? throw new EntityNotFoundException("Account", query.AccountId.Value);
        return AccountHealthDto.From(query.AccountId, AccountHealth.Assess(row.ToHealthFacts(), now), now);
    }
}
