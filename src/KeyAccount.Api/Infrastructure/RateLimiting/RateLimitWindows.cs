using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace KeyAccount.Api.Infrastructure.RateLimiting;

/// <summary>
/// Where the rate-limit windows are counted. With a Redis connection (<c>ConnectionStrings:Redis</c>) every replica
/// counts in the same Redis window (RedisRateLimiting's fixed window, one Lua script per request), so a user's budget is
/// the budget however many replicas serve them; without one, each process counts alone (<see cref="LocalWindowLimiter"/>,
/// the same rule) — enough for one replica. While Redis cannot be reached a replica counts locally and says so once in
/// its log; requests are never refused because the counter is away.
/// </summary>
internal sealed partial class RateLimitWindows : IDisposable
{
    public const string RedisConnectionName = "Redis";
    private const string KeyPrefix = "keyaccount:rl:";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lazy<IConnectionMultiplexer>? redis;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private int redisDown;

    public RateLimitWindows(IConfiguration configuration, ILogger<RateLimitWindows> logger)
        : this(configuration.GetConnectionString(RedisConnectionName), TimeProvider.System, logger)
    {
    }

    internal RateLimitWindows(string? redisConfiguration, TimeProvider clock, ILogger logger)
    {
        this.clock = clock;
        this.logger = logger;
        if (!string.IsNullOrWhiteSpace(redisConfiguration))
        {
            var options = ConfigurationOptions.Parse(redisConfiguration);
            // Start without Redis and keep reconnecting in the background: a replica must come up while Redis restarts.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
            options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
            options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
            redis = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>A budget of <paramref name="permitsPerMinute"/> requests a minute for <paramref name="key"/>.</summary>
    public RateLimitPartition<string> PerMinute(string key, int permitsPerMinute)
    {
        // The budget is part of the key: a changed budget (an API client's own) starts a fresh window.
        var partition = $"{key}:{permitsPerMinute}";
        if (redis is null)
        {
            return RateLimitPartition.Get(partition, _ => new LocalWindowLimiter(permitsPerMinute, Minute, clock));
        }

        return RateLimitPartition.Get(partition, k => new SharedWindowLimiter(
            new RedisFixedWindowRateLimiter<string>(KeyPrefix + k, new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = Minute,
                ConnectionMultiplexerFactory = () => redis.Value,
            }),
            new LocalWindowLimiter(permitsPerMinute, Minute, clock),
            this));
    }

    /// <summary>Whether the rate limits are shared through Redis, and whether Redis answers a ping now (readiness reports it).</summary>
    public async Task<(bool Shared, Exception? Failure)> PingAsync()
    {
        if (redis is null)
        {
            return (false, null);
        }

        try
        {
            await redis.Value.GetDatabase().PingAsync().ConfigureAwait(false);
            return (true, null);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return (true, e);
        }
    }

    public void Dispose()
    {
        if (redis is { IsValueCreated: true })
        {
            redis.Value.Dispose();
        }
    }

    internal void RedisFailed(Exception exception)
    {
        if (Interlocked.Exchange(ref redisDown, 1) == 0)
        {
            LogRedisDown(logger, exception.GetType().Name, exception.Message);
        }
    }

    internal void RedisAnswered()
    {
        if (Interlocked.Exchange(ref redisDown, 0) == 1)
        {
            LogRedisBack(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits: Redis cannot be reached ({ExceptionType}: {Message}); this replica counts its own requests until it is back")]
    private static partial void LogRedisDown(ILogger logger, string exceptionType, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limits: Redis answers again; the windows are shared across replicas")]
    private static partial void LogRedisBack(ILogger logger);

    /// <summary>The Redis window, or this process's window while Redis does not answer.</summary>
    private sealed class SharedWindowLimiter(RateLimiter shared, LocalWindowLimiter local, RateLimitWindows owner) : RateLimiter
    {
        private long lastUsed = owner.clock.GetTimestamp();

        public override TimeSpan? IdleDuration =>
            local.IdleDuration is null ? null : owner.clock.GetElapsedTime(Interlocked.Read(ref lastUsed));

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        // The Redis window is asked asynchronously only: a synchronous attempt reports "not now", and the rate-limiting
        // middleware then awaits AcquireAsync (as RedisRateLimiting's own limiters do).
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotSynchronously.Instance;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref lastUsed, owner.clock.GetTimestamp());
            try
            {
                var lease = await shared.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
                owner.RedisAnswered();
                return lease;
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                owner.RedisFailed(e);
                return local.AttemptAcquire(permitCount);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                local.Dispose();
            }

            base.Dispose(disposing);
        }

        private sealed class NotSynchronously : RateLimitLease
        {
            public static readonly NotSynchronously Instance = new();

            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
