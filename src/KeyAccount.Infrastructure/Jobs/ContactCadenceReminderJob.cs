using KeyAccount.Application.Common.Abstractions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Records reminders (overdue contact by tier cadence, birthdays in the next 7 days, next steps due). Runs on the
/// cron of <c>Jobs:ContactCadenceReminders:Cron</c>; the clustered store fires it once across replicas, and the
/// reminders' unique index makes a second run harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ContactCadenceReminderJob(IReminderWriter writer, TimeProvider clock, ILogger<ContactCadenceReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("contact-cadence-reminders", "accounts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var recorded = await writer.RecordDueRemindersAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogRecorded(logger, recorded);
        JobCounts.Report(context, ("remindersRecorded", recorded));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact cadence reminders: {Count} new reminders recorded")]
    private static partial void LogRecorded(ILogger logger, int count);
}
