using System.Text.Json;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
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
        builder.OwnsMany(c => c.Timeline, t =>
        {
            t.ToTable("complaint_timeline");
            t.WithOwner().HasForeignKey(e => e.ComplaintId);
            t.HasKey(e => new { e.ComplaintId, e.Sequence });
            t.Property(e => e.Sequence).ValueGeneratedNever();
            t.Property(e => e.Text).HasMaxLength(8000);
        });
        builder.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_timeline");
        builder.Ignore(c => c.DomainEvents);

        // The escalation scan reads only complaints whose next threshold has come: a partial index keeps that a range scan.
        builder.HasIndex(c => c.NextEscalationAt).HasFilter("next_escalation_at IS NOT NULL").HasDatabaseName("ix_complaints_due_escalation");
        // The queue's order — open first, then the running clock's due instant, then the newest — as stored generated
        // columns with one index, so a page is an index range scan instead of a sort of every complaint.
        builder.Property<bool>(QueueColumns.IsStopped).HasComputedColumnSql("status IN ('Resolved', 'Closed')", stored: true);
        builder.Property<DateTimeOffset?>(QueueColumns.QueueDueAt)
            .HasComputedColumnSql("CASE WHEN status = 'New' THEN first_response_due_at ELSE resolution_due_at END", stored: true);
        builder.HasIndex(QueueColumns.IsStopped, QueueColumns.QueueDueAt, nameof(Complaint.ReceivedAt)).IsDescending(false, false, true).HasDatabaseName("ix_complaints_queue");
        builder.HasIndex(c => new { c.Status, c.ReceivedAt });
        builder.HasIndex(c => new { c.AccountId, c.ReceivedAt });
        builder.HasIndex(c => new { c.AssigneeId, c.Status });
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
