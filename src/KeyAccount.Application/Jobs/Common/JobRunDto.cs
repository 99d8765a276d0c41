namespace KeyAccount.Application.Jobs.Common;

/// <summary>What set a job run off.</summary>
public enum JobRunTrigger
{
    /// <summary>The job's own schedule (cron or interval), on time.</summary>
    Scheduled,

    /// <summary>An Admin's "run now".</summary>
    Manual,

    /// <summary>Another attempt after a failed run, under the retry policy (exponential backoff).</summary>
    Retry,

    /// <summary>A run of a missed occurrence (every node was down at its time), made once when a node came back.</summary>
    CatchUp,

    /// <summary>A run taken over from a node that died while running it.</summary>
    Recovery,
}

/// <summary>How a job run ended; none while it is queued or running.</summary>
public enum JobRunOutcome
{
    Succeeded,
    Failed,

    /// <summary>The node running it stopped (died or was shut down) before the run ended, or lost the database before its end was recorded.</summary>
    Interrupted,
}

/// <summary>One run of a scheduled job.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="JobKey" example="tiering-run">The job.</param>
/// <param name="Trigger">What set it off.</param>
/// <param name="Attempt" example="1">1 for a first attempt; 2 and more for retries of the same occurrence.</param>
/// <param name="ScheduledAt" example="2026-12-01T02:00:00Z">When it was due (a manual run: when it was asked for).</param>
/// <param name="QueuedAt" example="2026-12-01T02:00:00Z">When the run was recorded (a manual run: when it was asked for).</param>
/// <param name="StartedAt" example="2026-12-01T02:00:01Z">When the job started; null while a manual run waits for a free worker.</param>
/// <param name="EndedAt" example="2026-12-01T02:00:04Z">When it ended; null while it runs.</param>
/// <param name="Outcome">How it ended; null while it is queued or running.</param>
/// <param name="Error" example="TimeoutException: The operation has timed out.">What went wrong (the error's kind and message, at most 500 characters; never a stack trace).</param>
/// <param name="Counts">What the job did, by name (each job reports its own: e.g. remindersRecorded, stepsTaken, accountsScored).</param>
/// <param name="Node" example="api-1-638690000000000000">The scheduler instance (node) that ran it.</param>
/// <param name="RequestedBy">The Admin who asked for a manual run.</param>
public sealed record JobRunDto(
    Guid Id,
    string JobKey,
    JobRunTrigger Trigger,
    int Attempt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    JobRunOutcome? Outcome,
    string? Error,
    IReadOnlyDictionary<string, int> Counts,
    string? Node,
    Guid? RequestedBy);
