using System.Text.Json;
using KeyAccount.Application.Jobs.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Records every run of every job in <c>job_runs</c> — one listener for all jobs, so no job records itself: the trigger
/// (scheduled, manual, retry, catch-up, recovery), the attempt, the due time, start, end, outcome, a bounded error
/// summary (kind and message, never a stack), the counts the job reported (<see cref="JobCounts"/>) and the node.
/// A run is written as it starts (so a run in progress, and a run its node died in, are visible) and completed as it
/// ends. The pollers that fire every few seconds (<see cref="QuietJobs"/>) are written only when they ended and did
/// something or failed, so that their idle polls do not bury the history.
/// The firing's run (id and trigger) is kept while it runs (<see cref="RunOf"/>), where its end and its span find it.
/// Recording never fails a job: a database error here is logged and the job runs (or its outcome stands) as it would.
/// </summary>
public sealed partial class JobRunRecorder(NpgsqlDataSource dataSource, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<JobRunRecorder> logger) : IJobListener
{
    /// <summary>A firing later than this after its due time was a missed occurrence run now (Quartz's misfire threshold).</summary>
    private readonly TimeSpan _misfireThreshold = TimeSpan.FromSeconds(Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, "Jobs:MisfireThresholdSeconds", 60));

    /// <summary>A manual run's id, put in the trigger's data by the manual start (the run's row exists already).</summary>
    public const string RunIdKey = "keyaccount.runId";

    /// <summary>The run of each firing in progress on this node, by fire instance: for its end and its span (<see cref="JobRunTracing"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Run> Running = new(StringComparer.Ordinal);

    /// <summary>The every-few-seconds pollers: their runs are recorded only when they did something or failed.</summary>
    public static readonly IReadOnlySet<JobKey> QuietJobs = new HashSet<JobKey> { MailDeliveryJob.Key, WebhookDeliveryJob.Key };

    public string Name => "keyaccount-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = Classify(context, _misfireThreshold);
        Running[context.FireInstanceId] = run;
        if (QuietJobs.Contains(context.JobDetail.Key))
        {
            return;
        }

        var (id, trigger) = run;
        var now = DateTimeOffset.UtcNow;
        var node = context.Scheduler.SchedulerInstanceId;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            // A run of this job that started and never ended is over: the jobs are not concurrent across the cluster,
            // so it cannot still be running. Its node died mid-run (this is then its recovery), or the run's end could
            // not be written (the database was gone at that moment, and the run failed or was retried since). It ends
            // as interrupted now, instead of showing as in progress for ever.
            await using (var interrupted = new NpgsqlCommand(
                """
                UPDATE job_runs SET outcome = 'Interrupted', ended_at = @now, error = coalesce(error, @why)
                WHERE job_key = @job AND ended_at IS NULL AND started_at IS NOT NULL AND id <> @id
                """,
                connection))
            {
                interrupted.Parameters.AddWithValue("now", now);
                interrupted.Parameters.AddWithValue("job", context.JobDetail.Key.Name);
                interrupted.Parameters.AddWithValue("id", id);
                interrupted.Parameters.AddWithValue("why", context.Recovering
                    ? "Its node stopped before the run ended; the run was recovered on another node."
                    : "The run's end was never recorded (its node stopped or lost the database); closed when the next run started.");
                await interrupted.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var command = new NpgsqlCommand(
                """
                INSERT INTO job_runs (id, job_key, trigger, attempt, scheduled_at, queued_at, started_at, node, counts)
                VALUES (@id, @job, @trigger, @attempt, @scheduled, @now, @now, @node, '{}'::jsonb)
                ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at, node = EXCLUDED.node
                """,
                connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("job", context.JobDetail.Key.Name);
            command.Parameters.AddWithValue("trigger", trigger.ToString());
            command.Parameters.AddWithValue("attempt", context.RetryAttempt + 1);
            command.Parameters.Add(new NpgsqlParameter("scheduled", NpgsqlDbType.TimestampTz) { Value = (object?)context.ScheduledFireTimeUtc ?? DBNull.Value });
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("node", node);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LogRecordFailed(logger, context.JobDetail.Key.Name, e);
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The id this firing started with (a quiet poller's row is first written now, with it).
        var (id, trigger) = Running.TryRemove(context.FireInstanceId, out var run) ? run : Classify(context, _misfireThreshold);
        var counts = JobCounts.Of(context);
        var quiet = QuietJobs.Contains(context.JobDetail.Key);
        if (quiet && jobException is null && !counts.Any)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        // The job's own exception, not Quartz's wrappers around it.
        Exception? error = jobException;
        while (error is { InnerException: { } inner } && error.GetType().Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true)
        {
            error = inner;
        }

        var outcome = error switch
        {
            null => JobRunOutcome.Succeeded,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => JobRunOutcome.Interrupted,
            _ => JobRunOutcome.Failed,
        };
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                quiet
                    ? """
                      INSERT INTO job_runs (id, job_key, trigger, attempt, scheduled_at, queued_at, started_at, ended_at, outcome, error, counts, node)
                      VALUES (@id, @job, @trigger, @attempt, @scheduled, @started, @started, @now, @outcome, @error, @counts, @node)
                      """
                    : "UPDATE job_runs SET ended_at = @now, outcome = @outcome, error = @error, counts = @counts WHERE id = @id",
                connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("outcome", outcome.ToString());
            command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Varchar) { Value = (object?)Summary(error) ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(counts.Values) });
            if (quiet)
            {
                command.Parameters.AddWithValue("job", context.JobDetail.Key.Name);
                command.Parameters.AddWithValue("trigger", trigger.ToString());
                command.Parameters.AddWithValue("attempt", context.RetryAttempt + 1);
                command.Parameters.Add(new NpgsqlParameter("scheduled", NpgsqlDbType.TimestampTz) { Value = (object?)context.ScheduledFireTimeUtc ?? DBNull.Value });
                command.Parameters.AddWithValue("started", context.FireTimeUtc);
                command.Parameters.AddWithValue("node", context.Scheduler.SchedulerInstanceId);
            }

            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LogRecordFailed(logger, context.JobDetail.Key.Name, e);
        }
    }

    /// <summary>A firing's run as <see cref="JobToBeExecuted"/> classified it: its <c>job_runs</c> id and what set it off.</summary>
    public readonly record struct Run(Guid Id, JobRunTrigger Trigger);

    /// <summary>The run of a firing this recorder was told of (every firing it listens to), or null.</summary>
    public static Run? RunOf(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Running.TryGetValue(context.FireInstanceId, out var run) ? run : null;
    }

    /// <summary>The error's kind and message, bounded; never its stack.</summary>
    public static string? Summary(Exception? error)
    {
        if (error is null)
        {
            return null;
        }

        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return text.Length <= JobRun.ErrorMaxLength ? text : string.Concat(text.AsSpan(0, JobRun.ErrorMaxLength - 1), "…");
    }

    /// <summary>
    /// The run's id and what set it off: a recovery (the node running it died), a retry (the retry policy fired the
    /// same occurrence again), a manual start (its id came with the trigger), a catch-up (a cron trigger fired at a
    /// time that is not one of its occurrences, or any trigger later than the misfire threshold: the misfire instruction
    /// fired a missed occurrence now), or the schedule.
    /// </summary>
    internal static Run Classify(IJobExecutionContext context, TimeSpan misfireThreshold)
    {
        if (context.Recovering)
        {
            return new Run(Guid.CreateVersion7(), JobRunTrigger.Recovery);
        }

        if (context.RetryAttempt > 0)
        {
            return new Run(Guid.CreateVersion7(), JobRunTrigger.Retry);
        }

        if (context.MergedJobDataMap.TryGetString(RunIdKey, out var manual) && Guid.TryParse(manual, out var manualId))
        {
            return new Run(manualId, JobRunTrigger.Manual);
        }

        if (context.ScheduledFireTimeUtc is { } due
            && (context.FireTimeUtc - due > misfireThreshold || (context.Trigger is ICronTrigger cron && !IsOccurrence(cron, due))))
        {
            return new Run(Guid.CreateVersion7(), JobRunTrigger.CatchUp);
        }

        return new Run(Guid.CreateVersion7(), JobRunTrigger.Scheduled);
    }

    private static bool IsOccurrence(ICronTrigger trigger, DateTimeOffset due)
    {
        var expression = new CronExpression(trigger.CronExpressionString!, trigger.TimeZone);
        var second = new DateTimeOffset(due.UtcTicks - (due.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return expression.IsSatisfiedBy(second);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: its run could not be recorded")]
    private static partial void LogRecordFailed(ILogger logger, string job, Exception exception);
}
