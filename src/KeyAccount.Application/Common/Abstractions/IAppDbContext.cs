using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Tiering;
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

    DbSet<TierPolicy> TierPolicies { get; }

    DbSet<TieringRun> TieringRuns { get; }

    DbSet<TierAssignment> TierAssignments { get; }

    DbSet<Domain.Complaints.Complaint> Complaints { get; }

    DbSet<Domain.Complaints.SlaPolicy> SlaPolicies { get; }

    DbSet<Models.IdempotencyKey> IdempotencyKeys { get; }

    /// <summary>The next complaint reference number.</summary>
    Task<long> NextComplaintNumberAsync(CancellationToken cancellationToken);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> (set-based statements and saves) in one transaction: all of it or none.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the next save of <paramref name="aggregate"/> succeed only if the stored version is still
    /// <paramref name="expectedVersion"/> (the client's If-Match); otherwise the save fails with a concurrency conflict.
    /// </summary>
    void ExpectVersion(Domain.Common.AggregateRoot aggregate, uint expectedVersion);
}
