using KeyAccount.Infrastructure.Email;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Mail delivery (every <c>Mail:PollSeconds</c>, 5 s by default): reminders not mailed yet become a digest per user,
/// and queued messages are sent for up to 20 s per firing.
/// Not concurrent on one scheduler; across replicas the claims' <c>FOR UPDATE SKIP LOCKED</c> and lease keep two
/// senders off the same message.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MailDeliveryJob(ReminderMailer reminders, MailSender sender, Microsoft.Extensions.Logging.ILogger<MailDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("mail-delivery", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // New reminders become one digest per user first, then everything due is sent — whatever the first step did:
        // a failure there must not hold up the mail already queued.
        var digests = 0;
        try
        {
            int queued;
            while ((queued = await reminders.QueueDigestsAsync(cancellationToken).ConfigureAwait(false)) > 0 && !cancellationToken.IsCancellationRequested)
            {
                digests += queued;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDigestFailed(logger, e);
        }

        var sent = await sender.RunAsync(TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
        JobCounts.Report(context, ("remindersDigested", digests), ("messagesHandled", sent));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Queuing the reminder digests failed; queued mail is sent anyway")]
    private static partial void LogDigestFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception);
}
