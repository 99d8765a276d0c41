using KeyAccount.Application.Common.Abstractions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Records the development plans' reminders (<c>Jobs:PlanReminders:Cron</c>, daily by default at 09:00 China Standard
/// Time): overdue initiatives once a week each, reviews due, accounts that need a plan once a week each. The clustered
/// store fires it once across replicas; the data (the initiatives' <c>overdue_notified_on</c>, the reminders' unique
/// index) makes a second run harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PlanRemindersJob(IPlanReminders reminders, TimeProvider clock, ILogger<PlanRemindersJob> logger) : IJob
{
    public static readonly JobKey Key = new("plan-reminders", "plans");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var outcome = await reminders.RecordAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogRecorded(logger, outcome.InitiativesOverdue, outcome.ReviewsDue, outcome.AccountsNeedingPlan);
        JobCounts.Report(context, ("initiativesOverdue", outcome.InitiativesOverdue), ("reviewsDue", outcome.ReviewsDue), ("accountsNeedingPlan", outcome.AccountsNeedingPlan));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan reminders: {Overdue} overdue initiatives, {Reviews} reviews due, {Accounts} accounts needing a plan")]
    private static partial void LogRecorded(ILogger logger, int overdue, int reviews, int accounts);
}
