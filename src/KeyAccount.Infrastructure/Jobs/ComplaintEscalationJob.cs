using KeyAccount.Application.Complaints.EscalateComplaints;
using Mediator;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// The escalation scan (cron <c>Jobs:ComplaintEscalation:Cron</c>, every minute by default). Not concurrent, and the
/// clustered store fires it once across replicas; each step is recorded once on the complaint, so a second scan of
/// the same minute changes nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ComplaintEscalationJob(IMediator mediator, TimeProvider clock, ILogger<ComplaintEscalationJob> logger) : IJob
{
    public static readonly JobKey Key = new("complaint-escalation", "complaints");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var steps = await mediator.Send(new EscalateComplaintsCommand(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (steps > 0)
        {
            LogSteps(logger, steps);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint escalation: {Steps} steps taken")]
    private static partial void LogSteps(ILogger logger, int steps);
}
