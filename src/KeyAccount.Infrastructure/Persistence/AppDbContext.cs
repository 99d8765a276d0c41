using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<RevenueRecord> RevenueRecords => Set<RevenueRecord>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TierPolicy> TierPolicies => Set<TierPolicy>();

    public DbSet<TieringRun> TieringRuns => Set<TieringRun>();

    public DbSet<TierAssignment> TierAssignments => Set<TierAssignment>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<Application.Common.Models.IdempotencyKey> IdempotencyKeys => Set<Application.Common.Models.IdempotencyKey>();

    /// <summary>The next complaint reference number (a sequence: gap-tolerant, never duplicated).</summary>
    public async Task<long> NextComplaintNumberAsync(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>($"SELECT nextval('{Configurations.ComplaintConfiguration.ReferenceSequence}') AS \"Value\"")
            .SingleAsync(cancellationToken).ConfigureAwait(false);

    public void ExpectVersion(AggregateRoot aggregate, uint expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.Version != expectedVersion)
        {
            throw new PreconditionFailedException("The resource was changed by someone else since you read it. Reload it and apply your change again.");
        }

        // Also guard the save itself: the UPDATE's WHERE carries the expected version, so a change committed
        // between this read and the save is caught too.
        Entry(aggregate).Property(a => a.Version).OriginalValue = expectedVersion;
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new PreconditionFailedException("The resource was changed by someone else since you read it. Reload it and apply your change again.") { Source = e.Source };
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            throw UniqueConstraints.ToConflict(pg.ConstraintName);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.HasSequence<long>(Configurations.ComplaintConfiguration.ReferenceSequence);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        TypedIdConventions.Apply(configurationBuilder, typeof(Account).Assembly);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}

/// <summary>Names the field behind each unique constraint, so a duplicate answers 409 on that field.</summary>
internal static class UniqueConstraints
{
    public const string AccountRegistrationNumber = "ux_accounts_registration_number";
    public const string UserEmail = "ux_users_email";
    public const string IdempotencyKey = "pk_idempotency_keys";

    public static ConflictException ToConflict(string? constraint) => constraint switch
    {
        AccountRegistrationNumber => new ConflictException("Another account already has this registration number.", "registrationNumber"),
        UserEmail => new ConflictException("Another user already has this email.", "email"),
        IdempotencyKey => new ConflictException("This Idempotency-Key was used by a concurrent request.", "Idempotency-Key"),
        _ => new ConflictException("The change conflicts with existing data."),
    };
}
