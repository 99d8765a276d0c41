using KeyAccount.Application.Tiering.StartRun;
using KeyAccount.Domain.Tiering;
using Mediator;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>The scheduled tiering run (cron <c>Jobs:TieringRun:Cron</c>, monthly by default); once across replicas.</summary>
[DisallowConcurrentExecution]
public sealed class TieringRunJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("tiering-run", "tiering");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await mediator.Send(new StartRunCommand(RunTrigger.Scheduled), cancellationToken).ConfigureAwait(false);
        JobCounts.Report(context, ("accountsTiered", run.StrategicCount + run.KeyCount + run.GrowthCount + run.StandardCount), ("tiersChanged", run.ChangedCount));
    }
}
