using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    /// <summary>One response per invitation: a second submit that passed the status check meanwhile lands here (409).</summary>
    public const string InvitationIndex = "ux_survey_responses_invitation";

    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses", t =>
        {
            t.HasCheckConstraint("ck_survey_responses_nps", "nps IS NULL OR nps BETWEEN 0 AND 10");
            t.HasCheckConstraint("ck_survey_responses_rating", "lowest_rating IS NULL OR lowest_rating BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_survey_responses_ratings", "satisfied_ratings BETWEEN 0 AND rating_answers");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Language).HasMaxLength(5);
        builder.HasOne<SurveyInvitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.FollowUpReason);
        builder.Ignore(r => r.DomainEvents);

        builder.HasIndex(r => r.InvitationId).IsUnique().HasDatabaseName(InvitationIndex);
        // Results count a campaign's stored groups (overall, by account, by buying role); an account's satisfaction
        // reads its responses by campaign; a contact's history by time.
        builder.HasIndex(r => new { r.CampaignId, r.AccountId });
        builder.HasIndex(r => new { r.AccountId, r.ReceivedAt });
        builder.HasIndex(r => new { r.ContactId, r.ReceivedAt });
    }
}

internal sealed class SurveyResponseAnswerConfiguration : IEntityTypeConfiguration<SurveyResponseAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyResponseAnswer> builder)
    {
        builder.ToTable("survey_answers", t =>
            t.HasCheckConstraint("ck_survey_answers_number", "number IS NULL OR number BETWEEN 0 AND 10"));
        builder.HasKey(a => new { a.ResponseId, a.QuestionId });
        builder.Property(a => a.Text).HasMaxLength(SurveyQuestion.LongestTextAnswer);
        builder.Property(a => a.Choices).HasColumnType("text[]")
            .HasConversion(
                v => v == null ? null : v.ToArray(),
                v => v == null ? null : (IReadOnlyList<string>)v.ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<string>?>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    v => v == null ? 0 : v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                    v => v == null ? null : (IReadOnlyList<string>)v.ToList()));
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);

        // Results: a campaign's answers per question (distributions, averages, groups).
        builder.HasIndex(a => new { a.CampaignId, a.QuestionId });
        builder.HasIndex(a => a.AccountId);
    }
}
