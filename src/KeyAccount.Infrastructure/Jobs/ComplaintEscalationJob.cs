using KeyAccount.Application.Complaints.EscalateComplaints;
using KeyAccount.Application.Surveys.EscalateFollowUps;
using Mediator;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// The escalation scan (cron <c>Jobs:ComplaintEscalation:Cron</c>, every minute by default). Not concurrent, and the
/// clustered store fires it once across replicas; each step is recorded once on the complaint, so a second scan of
/// the same minute changes nothing. The survey follow-ups run on the same clock machinery and are escalated by the
/// same scan, after the complaints.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ComplaintEscalationJob(IMediator mediator, TimeProvider clock, ILogger<ComplaintEscalationJob> logger) : IJob
{
    public static readonly JobKey Key = new("complaint-escalation", "complaints");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var steps = await mediator.Send(new EscalateComplaintsCommand(now), cancellationToken).ConfigureAwait(false);
        if (steps > 0)
        {
            LogSteps(logger, steps);
        }

        var followUpSteps = await mediator.Send(new EscalateFollowUpsCommand(now), cancellationToken).ConfigureAwait(false);
        if (followUpSteps > 0)
        {
            LogFollowUpSteps(logger, followUpSteps);
        }

        JobCounts.Report(context, ("complaintSteps", steps), ("followUpSteps", followUpSteps));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint escalation: {Steps} steps taken")]
    private static partial void LogSteps(ILogger logger, int steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey follow-up escalation: {Steps} steps taken")]
    private static partial void LogFollowUpSteps(ILogger logger, int steps);
}
