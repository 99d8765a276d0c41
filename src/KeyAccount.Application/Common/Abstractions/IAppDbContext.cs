using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>The persistence port: handlers use the sets directly (no generic repositories).</summary>
public interface IAppDbContext
{
    DbSet<Account> Accounts { get; }

    DbSet<Interaction> Interactions { get; }

    DbSet<RevenueRecord> RevenueRecords { get; }

    DbSet<User> Users { get; }

    DbSet<Reminder> Reminders { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the next save of <paramref name="aggregate"/> succeed only if the stored version is still
    /// <paramref name="expectedVersion"/> (the client's If-Match); otherwise the save fails with a concurrency conflict.
    /// </summary>
    void ExpectVersion(Domain.Common.AggregateRoot aggregate, uint expectedVersion);
}
