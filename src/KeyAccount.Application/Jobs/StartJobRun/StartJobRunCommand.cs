using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Jobs.Common;
using KeyAccount.Domain.Common;
using Mediator;

namespace KeyAccount.Application.Jobs.StartJobRun;

/// <summary>Starts a job now, by hand; the run is recorded as queued with the trigger "manual".</summary>
public sealed record StartJobRunCommand(string JobKey) : ICommand<JobRunDto>;

public sealed class StartJobRunHandler(IJobAdministration jobs, ICurrentUser user) : ICommandHandler<StartJobRunCommand, JobRunDto>
{
    public async ValueTask<JobRunDto> Handle(StartJobRunCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await jobs.ExistsAsync(command.JobKey, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Job", command.JobKey);
        }

        return await jobs.StartAsync(command.JobKey, user.UserId, cancellationToken).ConfigureAwait(false);
    }
}
