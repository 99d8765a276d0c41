namespace KeyAccount.Application.Jobs.Common;

/// <summary>A scheduled job as the operator sees it.</summary>
/// <param name="Key" example="tiering-run">The job's key (used in the URLs).</param>
/// <param name="Schedules" example="[&quot;cron 0 0 2 1 * ? (UTC)&quot;]">Its triggers' schedules: a cron expression with its time zone, or an interval.</param>
/// <param name="NextFireAt" example="2027-01-01T02:00:00Z">The next time any of its triggers fires; null when none will.</param>
/// <param name="Paused">Every trigger of the job is paused.</param>
/// <param name="LastRun">The latest recorded run; null when it never ran.</param>
public sealed record JobDto(string Key, IReadOnlyList<string> Schedules, DateTimeOffset? NextFireAt, bool Paused, JobRunDto? LastRun);
