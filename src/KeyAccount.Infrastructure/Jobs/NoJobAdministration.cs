using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Jobs.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// A process started with <c>Jobs:Enabled=false</c> runs no scheduler: it knows no job, so every job key is a 404 and
/// the list is empty (an operator reads the jobs on a replica that runs them). Never a 500 for asking.
/// </summary>
internal sealed class NoJobAdministration : IJobAdministration
{
    public Task<IReadOnlyList<JobDto>> ListJobsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<JobDto>>([]);

    public Task<bool> ExistsAsync(string jobKey, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<PagedResult<JobRunDto>> ListRunsAsync(string jobKey, int page, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(new PagedResult<JobRunDto>([], page, pageSize, 0, null));

    public Task<JobRunDto?> GetRunAsync(string jobKey, Guid runId, CancellationToken cancellationToken) => Task.FromResult<JobRunDto?>(null);

    public Task<JobRunDto> StartAsync(string jobKey, UserId? requestedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This process runs no scheduler (Jobs:Enabled=false).");
}
