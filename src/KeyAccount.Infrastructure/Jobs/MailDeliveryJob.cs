using KeyAccount.Infrastructure.Email;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Mail delivery (every <c>Mail:PollSeconds</c>, 5 s by default): queued messages are sent for up to 20 s per firing.
/// Not concurrent on one scheduler; across replicas the claims' <c>FOR UPDATE SKIP LOCKED</c> and lease keep two
/// senders off the same message.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MailDeliveryJob(MailSender sender) : IJob
{
    public static readonly JobKey Key = new("mail-delivery", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sender.RunAsync(TimeSpan.FromSeconds(20), cancellationToken).ConfigureAwait(false);
}
