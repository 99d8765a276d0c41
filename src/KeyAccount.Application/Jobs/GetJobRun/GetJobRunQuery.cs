using KeyAccount.Application.Jobs.Common;
using KeyAccount.Domain.Common;
using Mediator;

namespace KeyAccount.Application.Jobs.GetJobRun;

/// <summary>One run of a job (a manual run's Location points here).</summary>
public sealed record GetJobRunQuery(string JobKey, Guid RunId) : IQuery<JobRunDto>;

public sealed class GetJobRunHandler(IJobAdministration jobs) : IQueryHandler<GetJobRunQuery, JobRunDto>
{
    public async ValueTask<JobRunDto> Handle(GetJobRunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await jobs.GetRunAsync(query.JobKey, query.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Job run", query.RunId);
    }
}
