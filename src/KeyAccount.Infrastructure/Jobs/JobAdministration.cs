using System.Globalization;
using System.Text.Json;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Jobs.Common;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;
using PagedResult = KeyAccount.Application.Common.Models.PagedResult<KeyAccount.Application.Jobs.Common.JobRunDto>;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>The jobs as Quartz stores them (clustered: every replica answers the same), and their runs from <c>job_runs</c>.</summary>
internal sealed class JobAdministration(ISchedulerFactory schedulers, AppDbContext db) : IJobAdministration
{
    public async Task<IReadOnlyList<JobDto>> ListJobsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken).ConfigureAwait(false);
        var latest = await db.Set<JobRun>()
            .FromSql($"SELECT DISTINCT ON (job_key) * FROM job_runs ORDER BY job_key, queued_at DESC")
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lastRuns = latest.ToDictionary(r => r.JobKey, StringComparer.Ordinal);
        var jobs = new List<JobDto>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken).ConfigureAwait(false);
            var schedules = new List<string>();
            var paused = triggers.Count > 0;
            DateTimeOffset? next = null;
            foreach (var trigger in triggers.OrderBy(t => t.Key.Name, StringComparer.Ordinal))
            {
                if (Schedule(trigger) is { } schedule)
                {
                    schedules.Add(schedule);
                }

                if (trigger.NextFireTimeUtc is { } fire && (next is null || fire < next))
                {
                    next = fire;
                }

                paused &= await scheduler.GetTriggerState(trigger.Key, cancellationToken).ConfigureAwait(false) == TriggerState.Paused;
            }

            jobs.Add(new JobDto(key.Name, schedules, next, paused, lastRuns.TryGetValue(key.Name, out var last) ? ToDto(last) : null));
        }

        return jobs;
    }

    public async Task<bool> ExistsAsync(string jobKey, CancellationToken cancellationToken) =>
        await FindAsync(jobKey, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<PagedResult> ListRunsAsync(string jobKey, int page, int pageSize, CancellationToken cancellationToken)
    {
        var runs = db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == jobKey);
        var total = await runs.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await runs.OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult([.. rows.Select(ToDto)], page, pageSize, total, null);
    }

    public async Task<JobRunDto?> GetRunAsync(string jobKey, Guid runId, CancellationToken cancellationToken) =>
        await db.Set<JobRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.JobKey == jobKey, cancellationToken).ConfigureAwait(false) is { } run
            ? ToDto(run)
            : null;

    public async Task<JobRunDto> StartAsync(string jobKey, UserId? requestedBy, CancellationToken cancellationToken)
    {
        var key = await FindAsync(jobKey, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"No job '{jobKey}'.");
        var now = DateTimeOffset.UtcNow;
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            JobKey = key.Name,
            Trigger = JobRunTrigger.Manual,
            ScheduledAt = now,
            QueuedAt = now,
            RequestedBy = requestedBy?.Value,
        };
        db.Set<JobRun>().Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The row is there first, so the run's location answers at once; the recorder completes the same row.
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.TriggerJob(key, new JobDataMap { [JobRunRecorder.RunIdKey] = run.Id.ToString() }, cancellationToken).ConfigureAwait(false);
        return ToDto(run);
    }

    private async Task<JobKey?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken).ConfigureAwait(false);
        return keys.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
    }

    private static string? Schedule(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
        ISimpleTrigger { RepeatCount: -1 } simple => string.Create(CultureInfo.InvariantCulture, $"every {simple.RepeatInterval.TotalSeconds:0.###} s"),
        _ => null, // one-shot triggers (a manual start, a start-up run) are not a schedule
    };

    private static JobRunDto ToDto(JobRun r) => new(
        r.Id,
        r.JobKey,
        r.Trigger,
        r.Attempt,
        r.ScheduledAt,
        r.QueuedAt,
        r.StartedAt,
        r.EndedAt,
        r.Outcome,
        r.Error,
        JsonSerializer.Deserialize<Dictionary<string, int>>(r.Counts) ?? [],
        r.Node,
        r.RequestedBy);
}
