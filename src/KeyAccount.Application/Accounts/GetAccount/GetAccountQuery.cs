using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.GetAccount;

public sealed record GetAccountQuery(AccountId Id) : IQuery<AccountDto>;

public sealed class GetAccountHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetAccountQuery, AccountDto>
{
    public async ValueTask<AccountDto> Handle(GetAccountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var restricted = user.Role == Role.AccountManager;
        var me = user.UserId ?? default;
        return await CompiledAccountQueries.ById((DbContext)db, query.Id, restricted, me, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Account", query.Id.Value);
    }
}

/// <summary>
/// The single-account read is the API's hottest path: compiled once, so a request neither rebuilds nor hashes the
/// expression tree. Same SQL as <see cref="AccountProjections.ToDto"/>, with the object-level access filter of
/// <see cref="KeyAccount.Application.Common.Security.AccountAccess"/> inline (owner or team member when restricted).
/// </summary>
internal static class CompiledAccountQueries
{
    public static readonly Func<DbContext, AccountId, bool, UserId, CancellationToken, Task<AccountDto?>> ById =
        EF.CompileAsyncQuery((DbContext db, AccountId id, bool restricted, UserId me, CancellationToken ct) =>
            db.Set<Account>().AsNoTracking()
                .Where(a => a.Id == id && (!restricted || a.OwnerId == me || a.Team.Any(m => m.UserId == me)))
                .Select(a => new AccountDto
                {
                    Id = a.Id,
                    Name = a.Name,
                    RegistrationNumber = a.RegistrationNumber,
                    Industry = a.Industry,
                    Region = a.Region,
                    Segment = a.Segment,
                    Status = a.Status,
                    Tier = a.Tier,
                    OwnerId = a.OwnerId,
                    OwnerName = db.Set<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                    StrategicFit = a.StrategicFit,
                    PotentialAnnualRevenue = a.PotentialAnnualRevenue == null ? null : new MoneyDto(a.PotentialAnnualRevenue.Amount, a.PotentialAnnualRevenue.Currency),
                    FirstContractDate = a.FirstContractDate,
                    CreatedAt = a.CreatedAt,
                    UpdatedAt = a.UpdatedAt,
                    Version = a.Version,
                })
                .FirstOrDefault());
}
