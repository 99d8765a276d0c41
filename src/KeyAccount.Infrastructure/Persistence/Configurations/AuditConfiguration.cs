using KeyAccount.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.EntityType).HasMaxLength(50);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        // A record's creation lists all its fields (a policy's lists, a calendar): no length limit on the document.
        builder.Property(e => e.Changes).HasColumnType("jsonb").Metadata.SetMaxLength(null);

        // No foreign keys: the trail outlives what it describes (a deleted account's history stays readable).
        // The two ways it is read, newest first: one record's history, and everything of one account.
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.OccurredAt, e.Id }).IsDescending(false, false, true, true);
        builder.HasIndex(e => new { e.AccountId, e.OccurredAt, e.Id }).IsDescending(false, true, true).HasFilter("account_id IS NOT NULL");
        builder.HasIndex(e => new { e.OccurredAt, e.Id }).IsDescending(true, true);
    }
}
