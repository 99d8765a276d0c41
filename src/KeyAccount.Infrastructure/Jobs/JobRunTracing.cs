using System.Diagnostics;
using Quartz;
using Quartz.Diagnostics;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Names and tags each job run's span. The span itself is Quartz's own (<c>Quartz.Job.Execute</c> on the
/// <see cref="QuartzInstrumentation.ActivitySourceName"/> source, emitted once something listens to it): a trace root
/// per firing, linked to the request that scheduled it, the ambient <see cref="Activity"/> while the job runs — so the
/// job's SQL and outbound HTTP are its children and its log lines carry its trace id — and ended in error when the job
/// throws. Quartz tags it with the job, trigger, fire instance and node (<c>quartz.*</c>); this
/// middleware, which runs inside it, names it after the job and adds what only KeyAccount knows: the <c>job_runs</c>
/// row the run is recorded in, what set it off and the attempt (<see cref="JobRunRecorder"/>), and the exception the
/// job threw, as an <c>exception</c> event.
/// </summary>
public sealed class JobRunTracing : IJobExecutionMiddleware
{
    /// <summary>Quartz's name for the span of one job execution.</summary>
    public const string ExecuteSpanName = "Quartz.Job.Execute";

    /// <summary>The <c>job_runs</c> id of the run (a manual start's is the id the API answered with).</summary>
    public const string RunIdTag = "keyaccount.job.run.id";

    /// <summary>What set the run off: scheduled, manual, retry, catch-up or recovery, as <c>job_runs.trigger</c> says.</summary>
    public const string TriggerTag = "keyaccount.job.trigger";

    /// <summary>The attempt, 1 for the first run of an occurrence, as <c>job_runs.attempt</c> says.</summary>
    public const string AttemptTag = "keyaccount.job.attempt";

    /// <summary>
    /// Whether a run of the job is traced: every job's but the every-few-seconds pollers' (<see cref="JobRunRecorder.QuietJobs"/>).
    /// Whether a poll will find work is known only once it ran, and a trace must be decided as it starts; traced, their
    /// idle polls would be thousands of traces an hour (job_runs keeps, of them, the polls that did something).
    /// </summary>
    public static bool Traces(JobKey job) => !JobRunRecorder.QuietJobs.Contains(job);

    public async ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var span = Activity.Current;
        if (span is not { IsAllDataRequested: true } || span.OperationName != ExecuteSpanName || span.Source.Name != QuartzInstrumentation.ActivitySourceName)
        {
            await next(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Every run of every job is called Quartz.Job.Execute; a trace list reads better by job. The operation name
        // (what sampling rules match) stays.
        span.DisplayName = context.JobDetail.Key.Name;
        if (JobRunRecorder.RunOf(context) is { } run)
        {
            span.SetTag(RunIdTag, run.Id.ToString());
            span.SetTag(TriggerTag, run.Trigger.ToString());
        }

        span.SetTag(AttemptTag, context.RetryAttempt + 1);
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // The job's own exception, as it threw it: Quartz ends the span in error (with error.type) but would record
            // the wrapper it reports the failure in, whose message is "Job threw an unhandled exception"
            // (its own exception events are off: RecordExceptionSpanEvents).
            span.AddException(e);
            throw;
        }
    }
}
