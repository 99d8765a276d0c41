using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// Starts the clustered scheduler with the host and stops it with the host — within a bound. Quartz's own hosted
/// service waits for the scheduler's shutdown without limit, and with the database gone that shutdown never ends (its
/// job store keeps retrying to release its locks and check in): a replica told to stop (SIGTERM) while PostgreSQL was
/// down stayed up for as long as anyone watched. Here the running jobs get <see cref="Grace"/> to finish; after that
/// the process stops without waiting further — a job cut short is run again by another node (the jobs that need it
/// request recovery), and the run history records it.
/// </summary>
internal sealed partial class SchedulerHost(ISchedulerFactory schedulers, ILogger<SchedulerHost> logger) : IHostedService
{
    /// <summary>How long a stopping replica waits for the scheduler (below Kubernetes' default grace of 30 s).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan ExitAfterAbandon = TimeSpan.FromSeconds(5);

    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null)
        {
            return;
        }

        var shutdown = scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Grace);
        try
        {
            await shutdown.WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogShutdownAbandoned(logger, Grace.TotalSeconds);

            // The scheduler's own threads are foreground threads and outlive the host: once the host has stopped
            // (a few seconds from now at most), nothing is left to wait for, so the process ends even while they run.
            new Thread(() =>
            {
                Thread.Sleep(ExitAfterAbandon);
                Environment.Exit(0);
            })
            { IsBackground = true, Name = "scheduler-abandoned-exit" }.Start();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler did not stop within {Seconds} s (is the database unreachable?); the replica stops without waiting for it — another node recovers any job cut short")]
    private static partial void LogShutdownAbandoned(ILogger logger, double seconds);
}
