using KeyAccount.Application.Health.RecomputeHealth;
using Mediator;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Stores every active account's health (<c>Jobs:AccountHealth:Cron</c>, every 15 minutes by default, and once when a
/// replica starts); the clustered store fires it once across replicas.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AccountHealthJob(IMediator mediator, TimeProvider clock, ILogger<AccountHealthJob> logger) : IJob
{
    public static readonly JobKey Key = new("account-health", "accounts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var stored = await mediator.Send(new RecomputeHealthCommand(clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        LogStored(logger, stored);
        JobCounts.Report(context, ("accountsAssessed", stored));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account health: {Count} active accounts assessed and stored")]
    private static partial void LogStored(ILogger logger, int count);
}
