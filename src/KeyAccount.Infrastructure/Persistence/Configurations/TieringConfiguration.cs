using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class TierPolicyConfiguration : IEntityTypeConfiguration<TierPolicy>
{
    public void Configure(EntityTypeBuilder<TierPolicy> builder)
    {
        builder.ToTable("tier_policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Number).IsUnique();
        // At most one published policy at a time.
        builder.HasIndex(p => p.Status).IsUnique().HasFilter("status = 'Published'").HasDatabaseName("ux_tier_policies_published");
        builder.Property(p => p.HysteresisMargin).HasPrecision(5, 2);
        builder.OwnsOne(p => p.Cutoffs, c =>
        {
            c.Property(x => x.Strategic).HasColumnName("cutoff_strategic").HasPrecision(5, 2);
            c.Property(x => x.Key).HasColumnName("cutoff_key").HasPrecision(5, 2);
            c.Property(x => x.Growth).HasColumnName("cutoff_growth").HasPrecision(5, 2);
        });
        builder.OwnsMany(p => p.Criteria, c => c.ToJson("criteria"));
        builder.Navigation(p => p.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_criteria");
        builder.OwnsMany(p => p.Programme, c => c.ToJson("programme"));
        builder.Navigation(p => p.Programme).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_programme");
        builder.Ignore(p => p.DomainEvents);
    }
}

internal sealed class TieringRunConfiguration : IEntityTypeConfiguration<TieringRun>
{
    public void Configure(EntityTypeBuilder<TieringRun> builder)
    {
        builder.ToTable("tiering_runs");
        builder.HasKey(r => r.Id);
        builder.HasOne<TierPolicy>().WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.StartedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class TierAssignmentConfiguration : IEntityTypeConfiguration<TierAssignment>
{
    public void Configure(EntityTypeBuilder<TierAssignment> builder)
    {
        builder.ToTable("tier_assignments");
        builder.HasKey(a => new { a.RunId, a.AccountId });
        builder.HasOne<TieringRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AccountId);
        foreach (var p in new[] { "Score", "NTrailingRevenue", "NRevenueGrowth", "NGrossMargin", "NStrategicFit", "NPotentialValue", "NRelationshipLength", "NSatisfaction" })
        {
            builder.Property(p).HasPrecision(9, 4);
        }
    }
}
