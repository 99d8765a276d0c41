using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Jobs.Common;

/// <summary>The scheduler and its run records, for operators (implemented over Quartz and the job_runs table).</summary>
public interface IJobAdministration
{
    /// <summary>Every job the scheduler knows, by key, with its schedules, next fire time and last run.</summary>
    Task<IReadOnlyList<JobDto>> ListJobsAsync(CancellationToken cancellationToken);

    /// <summary>Whether a job with this key exists.</summary>
    Task<bool> ExistsAsync(string jobKey, CancellationToken cancellationToken);

    /// <summary>The job's runs, newest first.</summary>
    Task<PagedResult<JobRunDto>> ListRunsAsync(string jobKey, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One run of the job, or null.</summary>
    Task<JobRunDto?> GetRunAsync(string jobKey, Guid runId, CancellationToken cancellationToken);

    /// <summary>Records a manual run as queued and fires the job now (on whichever node has a free worker).</summary>
    Task<JobRunDto> StartAsync(string jobKey, UserId? requestedBy, CancellationToken cancellationToken);
}
