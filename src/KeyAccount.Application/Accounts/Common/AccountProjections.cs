using System.Linq.Expressions;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>
/// SQL projections of accounts. Written by hand rather than generated because they join the owner's name and
/// run on every list and detail request: the SQL they produce was read and indexed (see AccountConfiguration),
/// and the single-account read is measured by deploy/bench.sh api.
/// </summary>
public static class AccountProjections
{
    /// <summary>
    /// The single-account read is the API's hottest path: compiled once, so a request neither rebuilds nor hashes the
    /// expression tree. With the object-level access filter of <see cref="AccountAccess"/> inline (the account_viewers
    /// view, when the caller is restricted).
    /// </summary>
    private static readonly Func<DbContext, AccountId, bool, UserId, bool, CancellationToken, Task<AccountDto?>> ById =
        EF.CompileAsyncQuery((DbContext db, AccountId id, bool restricted, UserId me, bool revenue, CancellationToken ct) =>
            db.Set<Account>().AsNoTracking()
                .Where(a => a.Id == id && (!restricted || db.Set<AccountViewer>().Any(v => v.AccountId == a.Id && v.UserId == me)))
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
                    TierOverride = a.TierOverride == null ? null : new TierOverrideDto(a.TierOverride.Tier, a.TierOverride.Reason, a.TierOverride.ExpiresOn, a.TierOverride.SetBy, a.TierOverride.SetAt),
                    OwnerId = a.OwnerId,
                    OwnerName = db.Set<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                    StrategicFit = a.StrategicFit,
                    PotentialAnnualRevenue = !revenue || a.PotentialAnnualRevenue == null ? null : new MoneyDto(a.PotentialAnnualRevenue.Amount, a.PotentialAnnualRevenue.Currency),
                    FirstContractDate = a.FirstContractDate,
                    CreatedAt = a.CreatedAt,
                    UpdatedAt = a.UpdatedAt,
                    Version = a.Version,
                })
                .FirstOrDefault());

    /// <summary>
    /// One account as its DTO for <paramref name="caller"/>, or null when it does not exist or (with
    /// <paramref name="checkAccess"/>) the caller may not see it. A caller without revenue:read gets no revenue figure
    /// (the potential annual revenue is null).
    /// </summary>
    public static Task<AccountDto?> ReadAccountAsync(this IAppDbContext db, AccountId id, ICurrentUser caller, bool checkAccess, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var restrictedTo = checkAccess ? AccountAccess.RestrictedTo(caller) : null;
        return ById((DbContext)db, id, restrictedTo is not null, restrictedTo ?? default, caller.Can(Permissions.RevenueRead), cancellationToken);
    }

    public static Expression<Func<Account, AccountSummaryDto>> ToSummary(IAppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return a => new AccountSummaryDto
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
            OwnerName = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
        };
    }

    public static AccountProfile ToProfile(this AccountProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new AccountProfile(
            input.Name,
            input.RegistrationNumber,
            input.Industry,
            input.Region,
            input.Segment,
            input.Status,
            input.StrategicFit,
            input.PotentialAnnualRevenue is { } m ? new Money(m.Amount, m.Currency) : null,
            input.FirstContractDate);
    }
}
