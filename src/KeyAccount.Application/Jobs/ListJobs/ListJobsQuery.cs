using KeyAccount.Application.Jobs.Common;
using Mediator;

namespace KeyAccount.Application.Jobs.ListJobs;

/// <summary>Every scheduled job with its schedule, next fire time, last run and whether it is paused.</summary>
public sealed record ListJobsQuery : IQuery<IReadOnlyList<JobDto>>;

public sealed class ListJobsHandler(IJobAdministration jobs) : IQueryHandler<ListJobsQuery, IReadOnlyList<JobDto>>
{
    public async ValueTask<IReadOnlyList<JobDto>> Handle(ListJobsQuery query, CancellationToken cancellationToken) =>
        await jobs.ListJobsAsync(cancellationToken).ConfigureAwait(false);
}
