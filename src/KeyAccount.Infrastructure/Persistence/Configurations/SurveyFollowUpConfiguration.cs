using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class SurveyFollowUpConfiguration : IEntityTypeConfiguration<SurveyFollowUp>
{
    public void Configure(EntityTypeBuilder<SurveyFollowUp> builder)
    {
        builder.ToTable("survey_followups");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.ClosedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // One follow-up per response, and only of a response that exists (a second submit never opens a second one).
        builder.HasOne<SurveyResponse>().WithMany().HasForeignKey(f => f.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ResponseId).IsUnique();
        builder.Property(f => f.Note).HasMaxLength(SurveyFollowUp.NoteMaxLength);
        builder.Property(f => f.Calendar).HasColumnType("jsonb")
            .HasConversion(ComplaintConfiguration.CalendarJson.Converter, ComplaintConfiguration.CalendarJson.Comparer);
        builder.ComplexProperty(f => f.Clock, clock =>
        {
            clock.Property(x => x.DueAt).HasColumnName("clock_due_at");
            clock.Property(x => x.AtRisk).HasColumnName("clock_at_risk");
            clock.Property(x => x.Breached).HasColumnName("clock_breached");
            clock.Property(x => x.EscalationLevel).HasColumnName("clock_escalation_level");
        });
        builder.Ignore(f => f.DomainEvents);

        // The escalation scan reads only follow-ups with a step due; the lists read an owner's open ones by due time,
        // and an account's (the health score counts its open ones).
        builder.HasIndex(f => f.NextEscalationAt).HasFilter("next_escalation_at IS NOT NULL").HasDatabaseName("ix_survey_followups_due_escalation");
        builder.HasIndex(f => new { f.OwnerId, f.Status, f.DueAt });
        builder.HasIndex(f => new { f.AccountId, f.Status });
        builder.HasIndex(f => new { f.Status, f.DueAt });
    }
}
