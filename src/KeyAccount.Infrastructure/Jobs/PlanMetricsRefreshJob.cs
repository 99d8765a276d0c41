using KeyAccount.Application.Common.Abstractions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Measures the development plans' metric-bound objectives (<c>Jobs:PlanMetricsRefresh:Cron</c>, nightly by default at
/// 02:00 China Standard Time, and after a revenue import); the clustered store fires it once across replicas.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PlanMetricsRefreshJob(IPlanMetricsRefresh refresh, TimeProvider clock, ILogger<PlanMetricsRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-metrics-refresh", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await refresh.RefreshAsync(clock.GetUtcNow(), null, cancellationToken).ConfigureAwait(false);
        LogRefreshed(logger, outcome.Measures, outcome.ObjectivesChanged, outcome.PlansChanged, outcome.PlansSkipped);
        JobCounts.Report(context, ("measuresRead", outcome.Measures), ("objectivesChanged", outcome.ObjectivesChanged), ("plansChanged", outcome.PlansChanged), ("plansSkipped", outcome.PlansSkipped));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan metrics: {Measures} measures read, {Objectives} objectives and {Plans} plans changed, {Skipped} plans left for the next run")]
    private static partial void LogRefreshed(ILogger logger, int measures, int objectives, int plans, int skipped);
}
