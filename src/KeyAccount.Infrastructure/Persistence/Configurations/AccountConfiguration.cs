using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.RegistrationNumber).HasMaxLength(50);
        builder.Property(a => a.Industry).HasMaxLength(100);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.Segment).HasMaxLength(100);
        builder.HasIndex(a => a.RegistrationNumber).IsUnique().HasDatabaseName(UniqueConstraints.AccountRegistrationNumber);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // The list's sort orders (keyset: sort key + registration number) and its common filters.
        builder.HasIndex(a => new { a.Name, a.RegistrationNumber });
        builder.HasIndex(a => new { a.Tier, a.Name, a.RegistrationNumber });
        builder.HasIndex(a => new { a.Status, a.Name, a.RegistrationNumber });
        builder.HasIndex(a => new { a.OwnerId, a.Name });
        builder.HasIndex(a => new { a.UpdatedAt, a.RegistrationNumber });
        builder.HasIndex(a => new { a.CreatedAt, a.RegistrationNumber });
        // Narrow indexes for the list's totalCount (an index-only scan over a one-column index is ~4x cheaper
        // than over the wide sort indexes above).
        builder.HasIndex(a => a.Tier);
        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.Industry);
        builder.HasIndex(a => a.Region);
        builder.HasIndex(a => a.Segment);

        builder.OwnsOne(a => a.PotentialAnnualRevenue, m =>
        {
            m.Property(x => x.Amount).HasColumnName("potential_revenue_amount").HasPrecision(Money.Precision, Money.Scale);
            m.Property(x => x.Currency).HasColumnName("potential_revenue_currency").HasMaxLength(3);
        });
        builder.Navigation(a => a.PotentialAnnualRevenue).IsRequired(false);

        builder.OwnsOne(a => a.TierOverride, o =>
        {
            o.Property(x => x.Tier).HasColumnName("tier_override_tier");
            o.Property(x => x.Reason).HasColumnName("tier_override_reason").HasMaxLength(500);
            o.Property(x => x.ExpiresOn).HasColumnName("tier_override_expires_on");
            o.Property(x => x.SetBy).HasColumnName("tier_override_set_by");
            o.Property(x => x.SetAt).HasColumnName("tier_override_set_at");
        });
        builder.Navigation(a => a.TierOverride).IsRequired(false);

        builder.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Team, t =>
        {
            t.ToTable("account_team_members");
            t.WithOwner().HasForeignKey("AccountId");
            t.HasKey("AccountId", nameof(AccountTeamMember.UserId));
            t.HasIndex(m => m.UserId);
            t.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(a => a.Team).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_team");
        builder.Ignore(a => a.DomainEvents);
    }
}

/// <summary>Who is on each account: a read-only view (see <see cref="Sql.AccountViewersSql"/>), never a table.</summary>
internal sealed class AccountViewerConfiguration : IEntityTypeConfiguration<AccountViewer>
{
    public void Configure(EntityTypeBuilder<AccountViewer> builder)
    {
        builder.HasNoKey();
        builder.ToView(Sql.AccountViewersSql.View);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    /// <summary>The shadow property behind <c>contacts.survey_unsubscribed_at</c>.</summary>
    public const string SurveyUnsubscribedAt = "SurveyUnsubscribedAt";

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Department).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(50);
        // Surveys: when the contact unsubscribed (RFC 8058 one-click); null = subscribed. Read by the audience SQL only.
        builder.Property<DateTimeOffset?>(SurveyUnsubscribedAt);
        builder.HasIndex(c => c.AccountId);
        builder.HasIndex(c => c.ReportsToId);
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ToTable("interactions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.NextStep).HasMaxLength(500);
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.LoggedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.AccountId, i.OccurredAt }).IsDescending(false, true);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.NextStepDoneBy).OnDelete(DeleteBehavior.Restrict);
        // Open next steps by due date: the reminder job and "my day" read only these (a done step leaves the index).
        builder.HasIndex(i => i.NextStepDue).HasFilter("next_step_due IS NOT NULL AND next_step_done_at IS NULL");
    }
}

internal sealed class RevenueRecordConfiguration : IEntityTypeConfiguration<RevenueRecord>
{
    public void Configure(EntityTypeBuilder<RevenueRecord> builder)
    {
        builder.ToTable("revenue_records", t =>
        {
            t.HasCheckConstraint("ck_revenue_records_revenue", "revenue >= 0");
            t.HasCheckConstraint("ck_revenue_records_order_count", "order_count >= 0");
            t.HasCheckConstraint("ck_revenue_records_month", "extract(day from month) = 1");
        });
        builder.HasKey(r => new { r.AccountId, r.Month });
        builder.Property(r => r.Revenue).HasPrecision(Money.Precision, Money.Scale);
        builder.Property(r => r.GrossProfit).HasPrecision(Money.Precision, Money.Scale);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
