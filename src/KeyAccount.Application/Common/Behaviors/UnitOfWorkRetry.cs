using System.Diagnostics;

namespace KeyAccount.Application.Common.Behaviors;

/// <summary>
/// When work that could not reach the database runs again: the one schedule for the request pipeline
/// (<see cref="TransactionBehavior{TMessage, TResponse}"/>) and for the reads a request makes before it (the session
/// checks of authentication). Up to four more attempts, 50, 250, 500 and 1,000 ms apart, none starting later than 2 s
/// after the first: a pooled connection a restart left dead costs one quick attempt, a restart of PostgreSQL that takes
/// up to about a second and a half costs no request (one measured here took 0.9 s with <c>-m immediate</c>), and a
/// database that stays down is reported (503) within about two seconds.
/// </summary>
public static class UnitOfWorkRetry
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000)];
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="work"/>; when it fails with an exception <paramref name="retriable"/> accepts, calls
    /// <paramref name="reset"/> (forget what the failed attempt loaded) and runs it again on the schedule above.
    /// <paramref name="work"/> must be safe to run again: a read, or a write whose failed attempt committed nothing.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, Func<Exception, bool> retriable, Action reset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(retriable);
        ArgumentNullException.ThrowIfNull(reset);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < Delays.Length && !cancellationToken.IsCancellationRequested
                && Stopwatch.GetElapsedTime(started) + Delays[attempt] < Window && retriable(e))
            {
                reset();
                await Task.Delay(Delays[attempt], cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
