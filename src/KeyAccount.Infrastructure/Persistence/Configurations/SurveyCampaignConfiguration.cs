using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.ToTable("survey_campaigns", t =>
        {
            t.HasCheckConstraint("ck_survey_campaigns_dates", "closes_at > opens_at");
            t.HasCheckConstraint("ck_survey_campaigns_cap", $"per_account_cap BETWEEN {SurveyCampaign.MinPerAccountCap} AND {SurveyCampaign.MaxPerAccountCap}");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Name).HasMaxLength(SurveyCampaign.NameMaxLength);
        builder.Property(c => c.DefaultLanguage).HasMaxLength(5);
        // The template is referred to by id only: its table belongs to the templates' capability (no foreign key yet).
        builder.Property(c => c.Audience).HasColumnType("jsonb").HasConversion(PlanJson.For<Audience>()).Metadata.SetValueComparer(PlanJson.Comparer<Audience>());
        builder.Property(c => c.Audience).Metadata.SetMaxLength(null);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(c => c.PreviousCampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.AllowedActions);
        builder.Ignore(c => c.DomainEvents);

        // The list: by status, latest opening first; the job that opens scheduled campaigns: Scheduled by opens_at.
        builder.HasIndex(c => new { c.Status, c.OpensAt });
        builder.HasIndex(c => c.OpensAt);
        // A campaign runs a published template version: that version cannot be deleted under it.
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.TemplateId);
        builder.HasIndex(c => c.PreviousCampaignId).IsUnique().HasFilter("previous_campaign_id IS NOT NULL");
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public const string TokenHashIndex = "ux_survey_invitations_token_hash";
    public const string ContactPerCampaignIndex = "ux_survey_invitations_campaign_contact";

    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("survey_invitations", t =>
        {
            // An email invitation has its nonce and its token's hash from the moment it is issued (SurveyInvitation.Issue);
            // a phone invitation has neither (no link to follow).
            t.HasCheckConstraint("ck_survey_invitations_nonce", "token_nonce IS NULL OR octet_length(token_nonce) = 16");
            t.HasCheckConstraint("ck_survey_invitations_hash", "token_hash IS NULL OR octet_length(token_hash) = 32");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Language).HasMaxLength(5);
        builder.Property(i => i.LastError).HasMaxLength(1000);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);

        // The public endpoints find an invitation by its token's hash; a contact is invited once per campaign.
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName(TokenHashIndex);
        builder.HasIndex(i => new { i.CampaignId, i.ContactId }).IsUnique().HasDatabaseName(ContactPerCampaignIndex);
        // "Invited in the last N days", by contact and by account (the fatigue rules): Regular invitations only.
        builder.HasIndex(i => new { i.ContactId, i.CreatedAt }).HasFilter("kind = 'Regular'").HasDatabaseName("ix_survey_invitations_contact_recent");
        builder.HasIndex(i => new { i.AccountId, i.CreatedAt }).HasFilter("kind = 'Regular'").HasDatabaseName("ix_survey_invitations_account_recent");
        // The invitations list and counts by status.
        builder.HasIndex(i => new { i.CampaignId, i.Status });
        // The campaign job's scans: invitations whose message is still to be queued, and reminders falling due.
        builder.HasIndex(i => new { i.CreatedAt, i.Id }).HasFilter("mail_queued_at IS NULL AND status = 'Pending' AND channel = 'Email'").HasDatabaseName("ix_survey_invitations_to_mail");
        builder.HasIndex(i => i.ReminderDueAt).HasFilter("reminder_due_at IS NOT NULL").HasDatabaseName("ix_survey_invitations_reminder_due");
    }
}

internal sealed class SurveySkipConfiguration : IEntityTypeConfiguration<SurveySkip>
{
    public void Configure(EntityTypeBuilder<SurveySkip> builder)
    {
        builder.ToTable("survey_skips");
        builder.HasKey(s => new { s.CampaignId, s.ContactId });
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CampaignId, s.Reason });
        builder.HasIndex(s => s.AccountId);
        builder.HasIndex(s => s.ContactId);
    }
}
