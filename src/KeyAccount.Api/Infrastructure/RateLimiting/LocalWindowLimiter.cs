using System.Threading.RateLimiting;

namespace KeyAccount.Api.Infrastructure.RateLimiting;

/// <summary>
/// A fixed window in this process: <c>permitLimit</c> requests from the first request of a window until the window
/// ends, then a fresh window. The same rule as the Redis window (<c>RedisFixedWindowRateLimiter</c>), so one replica
/// without Redis behaves as many replicas with it. A rejection carries the true wait — the time until the window
/// ends — as <see cref="MetadataName.RetryAfter"/> (the runtime's own fixed window and token bucket always report the
/// whole window, so a client was told to wait 60 s for a budget that came back a second later).
/// </summary>
internal sealed class LocalWindowLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock gate = new();
    private readonly long createdAt = clock.GetTimestamp();
    private long windowEndsAt = long.MinValue;
    private int used;

    /// <summary>Idle since its last window ended (or since it was made, when it never counted a request): the partitioned limiter then drops it.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetTimestamp();
                if (windowEndsAt == long.MinValue)
                {
                    return clock.GetElapsedTime(createdAt, now);
                }

                return now >= windowEndsAt ? clock.GetElapsedTime(windowEndsAt, now) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            var open = windowEndsAt != long.MinValue && clock.GetTimestamp() < windowEndsAt;
            return new RateLimiterStatistics { CurrentAvailablePermits = open ? permitLimit - used : permitLimit };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permitLimit);
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (windowEndsAt == long.MinValue || now >= windowEndsAt)
            {
                windowEndsAt = now + (long)(window.TotalSeconds * clock.TimestampFrequency);
                used = 0;
            }

            if (used + permitCount <= permitLimit)
            {
                used += permitCount;
                return WindowLease.Acquired;
            }

            return WindowLease.Rejected(clock.GetElapsedTime(now, windowEndsAt));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static WindowLease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
