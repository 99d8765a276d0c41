using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> builder)
    {
        builder.ToTable("survey_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Version).IsRowVersion();
        builder.Property(t => t.Name).HasMaxLength(SurveyTemplateTextMustFit.NameMax);
        builder.Property(t => t.Description).HasMaxLength(SurveyTemplateTextMustFit.DescriptionMax);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.PublishedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(t => t.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);

        // The questions are the template's document, read and replaced as a whole, never queried one by one: one jsonb
        // column (camelCase, enums by name), compared by its JSON.
        builder.Property<List<SurveyQuestion>>("_questions").HasColumnName("questions").HasColumnType("jsonb")
            .HasConversion(PlanJson.For<List<SurveyQuestion>>()).Metadata.SetValueComparer(PlanJson.Comparer<List<SurveyQuestion>>());
        builder.Ignore(t => t.Questions);
        builder.Ignore(t => t.DomainEvents);

        // A version is revised once (a second draft of the same version would fork the template).
        builder.HasIndex(t => t.PreviousVersionId).IsUnique().HasFilter("previous_version_id IS NOT NULL").HasDatabaseName(UniqueConstraints.SurveyTemplateRevision);
        // One version number per lineage. (At most one Published version per lineage follows from the above: a version has
        // one successor, and publishing it retires the version in the same save, under both rows' xmin. A partial unique
        // index on it could not be deferred, and the save's two UPDATEs come in no guaranteed order.)
        builder.HasIndex(t => new { t.LineageId, t.TemplateVersion }).IsUnique();
        // The list: by status, newest change first.
        builder.HasIndex(t => new { t.Status, t.UpdatedAt });
    }
}
