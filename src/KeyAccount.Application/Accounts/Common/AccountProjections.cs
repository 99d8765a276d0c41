using System.Linq.Expressions;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>
/// SQL projections of accounts. Written by hand rather than generated because they join the owner's name and
/// run on every list and detail request: the SQL they produce was read and indexed (see AccountConfiguration).
/// </summary>
public static class AccountProjections
{
    public static Expression<Func<Account, AccountDto>> ToDto(IAppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return a => new AccountDto
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
            StrategicFit = a.StrategicFit,
            PotentialAnnualRevenue = a.PotentialAnnualRevenue == null ? null : new MoneyDto(a.PotentialAnnualRevenue.Amount, a.PotentialAnnualRevenue.Currency),
            FirstContractDate = a.FirstContractDate,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            Version = a.Version,
        };
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
