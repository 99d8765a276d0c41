using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.GetAccountTeam;

public sealed record GetAccountTeamQuery(AccountId AccountId) : IQuery<AccountTeamDto>;

public sealed class GetAccountTeamHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAccountTeamQuery, AccountTeamDto>
{
    public async ValueTask<AccountTeamDto> Handle(GetAccountTeamQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var account = await db.VisibleAccounts(user).AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.AccountId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Account", query.AccountId.Value);
        return await TeamReader.ReadAsync(db, account, cancellationToken).ConfigureAwait(false);
    }
}

internal static class TeamReader
{
    public static async Task<AccountTeamDto> ReadAsync(IAppDbContext db, Account account, CancellationToken cancellationToken)
    {
        var ids = account.Team.Select(m => m.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Role })
            .ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
        var members = account.Team
            .Select(m => new AccountTeamMemberDto
            {
                UserId = m.UserId,
                DisplayName = users.GetValueOrDefault(m.UserId)?.DisplayName,
                UserRole = users.GetValueOrDefault(m.UserId)?.Role,
                Role = m.Role,
            })
            .ToList();
        return new AccountTeamDto(account.Id, account.OwnerId, members) { Version = account.Version };
    }
}
