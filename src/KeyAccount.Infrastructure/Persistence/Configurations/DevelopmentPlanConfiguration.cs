using System.Text.Json;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    /// <summary>
    /// At most one Approved or Active plan per account for overlapping periods (design §1.3), as an exclusion constraint
    /// (btree_gist), so that two Directors approving overlapping plans at the same moment cannot both succeed. It is
    /// DEFERRABLE (initially immediate): approving a revision supersedes the version it replaces in the same transaction,
    /// and that transaction defers the check to its commit so the order of the two UPDATEs does not matter.
    /// </summary>
    public const string InForceExclusion = "ex_development_plans_in_force";

    public void Configure(EntityTypeBuilder<DevelopmentPlan> builder)
    {
        builder.ToTable("development_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(p => p.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.ValueProposition).HasMaxLength(4000);
        builder.Property(p => p.RejectionComment).HasMaxLength(2000);
        builder.Property(p => p.CancellationReason).HasMaxLength(2000);
        builder.Property(p => p.Progress).HasPrecision(5, 1);
        builder.Property(p => p.StrategicPriorities).HasColumnType("jsonb").HasConversion(PlanJson.For<IReadOnlyList<string>>()).Metadata.SetValueComparer(PlanJson.Comparer<IReadOnlyList<string>>());
        builder.Property(p => p.Milestones).HasColumnType("jsonb").HasConversion(PlanJson.For<IReadOnlyList<Milestone>>()).Metadata.SetValueComparer(PlanJson.Comparer<IReadOnlyList<Milestone>>());
        builder.Property(p => p.Stakeholders).HasColumnType("jsonb").HasConversion(PlanJson.For<IReadOnlyList<Stakeholder>>()).Metadata.SetValueComparer(PlanJson.Comparer<IReadOnlyList<Stakeholder>>());
        builder.Property(p => p.Swot).HasColumnType("jsonb").HasConversion(PlanJson.For<IReadOnlyList<SwotItem>>()).Metadata.SetValueComparer(PlanJson.Comparer<IReadOnlyList<SwotItem>>());
        builder.Property(p => p.Baseline).HasColumnType("jsonb").HasConversion(PlanJson.For<PlanBaseline?>()).Metadata.SetValueComparer(PlanJson.Comparer<PlanBaseline?>());
        foreach (var json in new[] { nameof(DevelopmentPlan.StrategicPriorities), nameof(DevelopmentPlan.Milestones), nameof(DevelopmentPlan.Stakeholders), nameof(DevelopmentPlan.Swot), nameof(DevelopmentPlan.Baseline) })
        {
            builder.Property(json).Metadata.SetMaxLength(null);
        }

        builder.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_objectives");
        builder.HasMany(p => p.Initiatives).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Initiatives).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_initiatives");
        builder.Ignore(p => p.AllowedActions);
        builder.Ignore(p => p.NewHistory);
        builder.Ignore(p => p.DomainEvents);

        // One successor per version: a second revision of the same version is a conflict, not a fork.
        builder.HasIndex(p => p.PreviousVersionId).IsUnique().HasFilter("previous_version_id IS NOT NULL").HasDatabaseName(UniqueConstraints.PlanRevision);

        // The list's filters and orders: by account, by owner, by status, newest change first.
        builder.HasIndex(p => new { p.AccountId, p.Status });
        builder.HasIndex(p => new { p.OwnerId, p.UpdatedAt });
        builder.HasIndex(p => new { p.Status, p.UpdatedAt });
        builder.HasIndex(p => p.UpdatedAt);
        // "Overdue" and "review due" look only at plans in force: partial indexes over the stored dates.
        builder.HasIndex(p => p.EarliestOpenDueDate).HasFilter("status IN ('Approved', 'Active')").HasDatabaseName("ix_development_plans_open_due");
        builder.HasIndex(p => p.NextReviewDue).HasFilter("status = 'Active'").HasDatabaseName("ix_development_plans_review_due");
    }
}

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> builder)
    {
        builder.ToTable("plan_objectives");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Title).HasMaxLength(300);
        // Value objects as complex properties (plain columns, value semantics): a revision's copy shares the measure
        // instance of the version it copies, which an owned entity type could not.
        builder.ComplexProperty(o => o.Measure, m =>
        {
            m.Property(x => x.Unit).HasColumnName("measure_unit").HasMaxLength(20);
            m.Property(x => x.Direction).HasColumnName("measure_direction").HasMaxLength(20);
            m.Property(x => x.Baseline).HasColumnName("measure_baseline").HasPrecision(PlanNumbers.Precision, PlanNumbers.Scale);
            m.Property(x => x.Target).HasColumnName("measure_target").HasPrecision(PlanNumbers.Precision, PlanNumbers.Scale);
            m.Property(x => x.Currency).HasColumnName("measure_currency").HasMaxLength(3);
            m.Property(x => x.Source).HasColumnName("measure_source").HasMaxLength(40);
        });
        builder.Property(o => o.Actual).HasPrecision(PlanNumbers.Precision, PlanNumbers.Scale);
        builder.Property(o => o.Progress).HasPrecision(5, 1);
        builder.HasIndex(o => new { o.PlanId, o.Position });
    }
}

internal sealed class PlanInitiativeConfiguration : IEntityTypeConfiguration<PlanInitiative>
{
    public void Configure(EntityTypeBuilder<PlanInitiative> builder)
    {
        builder.ToTable("plan_initiatives");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanObjective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.ComplexProperty(i => i.Budget, m =>
        {
            m.Property(x => x.Amount).HasColumnName("budget_amount").HasPrecision(Money.Precision, Money.Scale);
            m.Property(x => x.Currency).HasColumnName("budget_currency").HasMaxLength(3);
        });
        builder.Property(i => i.PersonDays).HasPrecision(8, 1);
        builder.HasIndex(i => new { i.PlanId, i.Position });
        builder.HasIndex(i => new { i.OwnerId, i.Status, i.DueDate });
        builder.HasIndex(i => i.ObjectiveId);
    }
}

internal sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> builder)
    {
        builder.ToTable("plan_reviews");
        builder.HasKey(r => r.Id);
        builder.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.By).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Progress).HasPrecision(5, 1);
        builder.Property(r => r.Decisions).HasMaxLength(4000);
        builder.Property(r => r.Objectives).HasColumnType("jsonb").HasConversion(PlanJson.For<IReadOnlyList<ReviewedObjective>>()).Metadata.SetValueComparer(PlanJson.Comparer<IReadOnlyList<ReviewedObjective>>());
        builder.Property(r => r.Objectives).Metadata.SetMaxLength(null);
        builder.HasIndex(r => new { r.PlanId, r.HeldOn });
    }
}

internal sealed class PlanHistoryEntryConfiguration : IEntityTypeConfiguration<PlanHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PlanHistoryEntry> builder)
    {
        // Its own entity, not a collection the plan owns: a step appends rows without loading the history (see
        // TimelineAppendInterceptor), in the same SaveChanges as the plan's row, and the history endpoint pages it.
        builder.ToTable("plan_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.By).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.ComplexProperty(e => e.Args, a =>
        {
            a.Property(x => x.Action).HasColumnName("action");
            a.Property(x => x.FromStatus).HasColumnName("from_status");
            a.Property(x => x.ToStatus).HasColumnName("to_status");
            a.Property(x => x.RelatedPlanId).HasColumnName("related_plan_id");
            a.Property(x => x.RelatedPlanVersion).HasColumnName("related_plan_version");
            a.Property(x => x.InitiativeKey).HasColumnName("initiative_key");
            a.Property(x => x.InitiativeTitle).HasColumnName("initiative_title").HasMaxLength(300);
            a.Property(x => x.InitiativeFrom).HasColumnName("initiative_from");
            a.Property(x => x.InitiativeTo).HasColumnName("initiative_to");
        });

        // The history endpoint: one plan's lines, newest first.
        builder.HasIndex(e => new { e.PlanId, e.Id }).IsDescending(false, true);
    }
}

/// <summary>Measure values (baseline, target, actual): up to 16 digits before the point and 4 after (numeric(20, 4)).</summary>
public static class PlanNumbers
{
    public const int Precision = 20;
    public const int Scale = 4;
}

/// <summary>The plan's JSON columns: camelCase, enums by name, typed ids as uuids; compared by their JSON.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static ValueConverter<T, string> For<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    public static ValueComparer<T> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options), v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal), v => v);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new TypedIdJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}
