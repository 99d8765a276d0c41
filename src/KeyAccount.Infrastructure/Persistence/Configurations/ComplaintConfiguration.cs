using System.Text.Json;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeyAccount.Infrastructure.Persistence.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <summary>Name of the sequence behind reference numbers: gaps are fine, duplicates impossible under concurrency.</summary>
    public const string ReferenceSequence = "complaint_reference_seq";

    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Subject).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(8000);
        builder.Property(c => c.RequestedRemedy).HasMaxLength(2000);
        builder.Property(c => c.Resolution).HasMaxLength(4000);
        builder.Property(c => c.CorrectiveAction).HasMaxLength(4000);
        // The initiative the corrective action is part of (and its plan): an initiative removed from a draft, or a
        // plan deleted, unlinks the complaint rather than blocking the change. Indexed: an initiative lists its complaints.
        builder.HasOne<PlanInitiative>().WithMany().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(c => c.Targets, t =>
        {
            t.Property(x => x.FirstResponse).HasColumnName("first_response_target");
            t.Property(x => x.Resolution).HasColumnName("resolution_target");
        });
        builder.Navigation(c => c.Targets).IsRequired();
        builder.Property(c => c.Calendar).HasColumnType("jsonb").HasConversion(CalendarJson.Converter, CalendarJson.Comparer);
        builder.Property<List<SlaPause>>("_pauses").HasColumnName("pauses").HasColumnType("jsonb")
            .HasConversion(PausesJson.Converter, PausesJson.Comparer);
        builder.Ignore(c => c.Pauses);
        builder.Ignore(c => c.NewTimelineEntries);
        builder.Ignore(c => c.DomainEvents);
        MapClock(builder.ComplexProperty(c => c.FirstResponseClock), "first_response");
        MapClock(builder.ComplexProperty(c => c.ResolutionClock), "resolution");

        // The escalation scan reads only complaints with a step due (next_escalation_at <= now, ordered by it): a
        // partial index over the complaints that have a next step at all — open ones below level 2 on some running
        // clock, a small share of the table — keeps that a short range scan.
        builder.HasIndex(c => c.NextEscalationAt).HasFilter("next_escalation_at IS NOT NULL").HasDatabaseName("ix_complaints_due_escalation");
        // The queue's order — open first, then the running clock's due instant, then the newest — on the columns the
        // aggregate stores, with one index, so a page is an index range scan instead of a sort of every complaint;
        // the same order behind the SLA state filter (the queue's "at risk" and "breached" views).
        builder.HasIndex(c => new { c.IsStopped, c.DueAt, c.ReceivedAt }).IsDescending(false, false, true).HasDatabaseName("ix_complaints_queue");
        builder.HasIndex(c => new { c.SlaState, c.IsStopped, c.DueAt, c.ReceivedAt }).IsDescending(false, false, false, true).HasDatabaseName("ix_complaints_queue_by_sla_state");
        builder.HasIndex(c => new { c.Status, c.ReceivedAt });
        builder.HasIndex(c => new { c.AccountId, c.ReceivedAt });
        builder.HasIndex(c => new { c.AssigneeId, c.Status });
    }

    /// <summary>One clock's state as plain columns named after its target (first_response_breached, resolution_due_at, …).</summary>
    private static void MapClock(ComplexPropertyBuilder<SlaClockState> clock, string prefix)
    {
        clock.Property(x => x.DueAt).HasColumnName(prefix + "_due_at");
        clock.Property(x => x.AtRisk).HasColumnName(prefix + "_at_risk");
        clock.Property(x => x.Breached).HasColumnName(prefix + "_breached");
        clock.Property(x => x.EscalationLevel).HasColumnName(prefix + "_escalation_level");
    }

    internal static class CalendarJson
    {
        private sealed record Shape(string TimeZone, bool AlwaysOpen, List<WorkingHours> Hours, List<DateOnly> Holidays);

        private static string Write(BusinessCalendar c) =>
            JsonSerializer.Serialize(new Shape(c.TimeZoneId, c.AlwaysOpen, [.. c.Hours], [.. c.Holidays.Order()]));

        private static BusinessCalendar Read(string json)
        {
            var s = JsonSerializer.Deserialize<Shape>(json)!;
            return s.AlwaysOpen ? BusinessCalendar.TwentyFourSeven : BusinessCalendar.Create(s.TimeZone, s.Hours, s.Holidays);
        }

        public static readonly ValueConverter<BusinessCalendar, string> Converter = new(c => Write(c), s => Read(s));

        public static readonly ValueComparer<BusinessCalendar> Comparer = new((a, b) => Write(a!) == Write(b!), c => Write(c).GetHashCode(StringComparison.Ordinal), c => c);
    }

    private static class PausesJson
    {
        private static string Write(List<SlaPause> p) => JsonSerializer.Serialize(p);

        private static List<SlaPause> Read(string json) => JsonSerializer.Deserialize<List<SlaPause>>(json) ?? [];

        public static readonly ValueConverter<List<SlaPause>, string> Converter = new(p => Write(p), s => Read(s));

        public static readonly ValueComparer<List<SlaPause>> Comparer = new(
            (a, b) => a!.SequenceEqual(b!),
            p => p.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
            p => p.ToList());
    }
}

internal sealed class ComplaintTimelineEntryConfiguration : IEntityTypeConfiguration<ComplaintTimelineEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintTimelineEntry> builder)
    {
        // Its own entity, not a collection the complaint owns: a change appends rows without loading the timeline
        // (see TimelineAppendInterceptor), and the detail reads it with a query of its own.
        builder.ToTable("complaint_timeline");
        builder.HasKey(e => new { e.ComplaintId, e.Sequence }).HasName(UniqueConstraints.ComplaintTimelineEntry);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_complaint_timeline_complaints_complaint_id");
        builder.Property(e => e.Note).HasMaxLength(8000);
        builder.ComplexProperty(e => e.Args, a =>
        {
            a.Property(x => x.FromStatus).HasColumnName("from_status");
            a.Property(x => x.ToStatus).HasColumnName("to_status");
            a.Property(x => x.AssigneeId).HasColumnName("assignee_id");
            a.Property(x => x.Department).HasColumnName("department");
            a.Property(x => x.RootCause).HasColumnName("root_cause");
            a.Property(x => x.CorrectiveAction).HasColumnName("corrective_action").HasMaxLength(4000);
            a.Property(x => x.Channel).HasColumnName("channel");
            a.Property(x => x.Clock).HasColumnName("clock");
            a.Property(x => x.Level).HasColumnName("level");
            a.Property(x => x.Automatic).HasColumnName("automatic");
            a.Property(x => x.InitiativeId).HasColumnName("initiative_id");
            a.Property(x => x.PlanId).HasColumnName("plan_id");
        });
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("sla_policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Calendar).HasColumnType("jsonb").HasConversion(ComplaintConfiguration.CalendarJson.Converter, ComplaintConfiguration.CalendarJson.Comparer);
        builder.OwnsMany(p => p.Severities, s => s.ToJson("severities"));
        builder.Navigation(p => p.Severities).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_severities");
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.DomainEvents);
    }
}
