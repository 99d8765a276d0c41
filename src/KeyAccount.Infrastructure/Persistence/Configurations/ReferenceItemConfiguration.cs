using KeyAccount.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class ReferenceItemConfiguration : IEntityTypeConfiguration<ReferenceItem>
{
    public void Configure(EntityTypeBuilder<ReferenceItem> builder)
    {
        builder.ToTable("reference_items");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Code).HasMaxLength(ReferenceItem.MaxCodeLength);
        builder.Property(r => r.LabelZh).HasMaxLength(ReferenceItem.MaxLabelLength);
        builder.Property(r => r.LabelEn).HasMaxLength(ReferenceItem.MaxLabelLength);

        // Codes are stored lower case (the domain normalises them), so a plain unique index makes "Energy" and
        // "energy" one entry even when two Admins save at once.
        builder.HasIndex(r => new { r.Kind, r.Code }).IsUnique().HasDatabaseName(UniqueConstraints.ReferenceItemCode);
        builder.ToTable(t => t.HasCheckConstraint("ck_reference_items_code_lower", "code = lower(code)"));
        builder.Ignore(r => r.DomainEvents);
    }
}
