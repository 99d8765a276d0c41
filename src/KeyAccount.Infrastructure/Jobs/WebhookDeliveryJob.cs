using KeyAccount.Infrastructure.Webhooks;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Webhook delivery (every <c>Webhooks:PollSeconds</c>, 2 s by default): new outbox events become deliveries, and due
/// deliveries are sent, for up to 20 s per firing. Not concurrent on one scheduler; across replicas the claims'
/// <c>FOR UPDATE SKIP LOCKED</c> and lease keep two dispatchers off the same attempt.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WebhookDeliveryJob(WebhookDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("webhook-delivery", "webhooks");

    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var attempts = await dispatcher.RunAsync(Budget, cancellationToken).ConfigureAwait(false);
        JobCounts.Report(context, ("deliveryAttempts", attempts));
    }
}
