namespace KeyAccount.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again (Standard Webhooks' recommended schedule): the first attempt at once, then
/// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure, each ±20 % so that receivers coming back are not
/// hit by every sender at the same second. A receiver's <c>Retry-After</c> is honoured when it asks for longer (up
/// to <see cref="MaxRetryAfter"/>). After the eighth failed attempt the delivery is dead (kept, replayable).
/// </summary>
public static class WebhookRetrySchedule
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    public const double Jitter = 0.2;

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    /// <summary>Attempts a delivery gets before it is dead.</summary>
    public static int MaxAttempts => Delays.Length;

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based; the first is at once), without jitter.</summary>
    public static TimeSpan DelayBefore(int attempt) =>
        attempt is >= 1 && attempt <= Delays.Length ? Delays[attempt - 1] : throw new ArgumentOutOfRangeException(nameof(attempt));

    /// <summary>
    /// When to try again after <paramref name="attemptsMade"/> attempts that all failed, or null when the delivery is
    /// dead. <paramref name="random"/> is a uniform draw in [0, 1) (the jitter); <paramref name="retryAfter"/> the
    /// receiver's wish, if it sent one.
    /// </summary>
    public static DateTimeOffset? NextAttemptAfterFailure(int attemptsMade, DateTimeOffset now, TimeSpan? retryAfter, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        if (attemptsMade >= Delays.Length)
        {
            return null;
        }

        var scheduled = Delays[attemptsMade] * (1 + (Jitter * ((2 * Math.Clamp(random, 0, 1)) - 1)));
        if (retryAfter is { } wish && wish > scheduled)
        {
            scheduled = wish < MaxRetryAfter ? wish : MaxRetryAfter;
        }

        return now + scheduled;
    }
}
