using System.Diagnostics;

namespace KeyAccount.Application.Common.Behaviors;

/// <summary>
/// When work that could not reach the database runs again: the one schedule for the request pipeline
/// (<see cref="TransactionBehavior{TMessage, TResponse}"/>) and for the reads a request makes before it (the session
/// checks of authentication). Up to three more attempts, 50, 250 and 700 ms apart, none starting later than 1.2 s after
/// the first: a pooled connection a restart left dead costs one quick attempt, a restart of half a second costs no
/// request, and a database that stays down is reported (503) within about a second and a half.
/// </summary>
public static class UnitOfWorkRetry
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(700)];
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.2);

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
