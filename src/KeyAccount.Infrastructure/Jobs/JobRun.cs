using KeyAccount.Application.Jobs.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// One run of a scheduled job (<c>job_runs</c>), written by <see cref="JobRunRecorder"/> as the run starts and ends, and
/// by a manual start as it is queued. Operational data, not a domain aggregate: nothing but the recorder writes it.
/// </summary>
public sealed class JobRun
{
    public const int ErrorMaxLength = 500;

    public Guid Id { get; set; }

    public string JobKey { get; set; } = "";

    public JobRunTrigger Trigger { get; set; }

    public int Attempt { get; set; } = 1;

    public DateTimeOffset? ScheduledAt { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public JobRunOutcome? Outcome { get; set; }

    public string? Error { get; set; }

    /// <summary>What the job did, as a JSON object of name → count.</summary>
    public string Counts { get; set; } = "{}";

    public string? Node { get; set; }

    public Guid? RequestedBy { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.JobKey).HasMaxLength(100);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(JobRun.ErrorMaxLength);
        builder.Property(r => r.Counts).HasColumnType("jsonb");
        builder.Property(r => r.Node).HasMaxLength(200);

        // The history of one job, newest first; and the latest run of each job (the jobs list).
        builder.HasIndex(r => new { r.JobKey, r.QueuedAt }).HasDatabaseName("ix_job_runs_job_key_queued_at").IsDescending(false, true);
    }
}
