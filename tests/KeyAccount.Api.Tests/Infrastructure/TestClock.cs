namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// The API's clock in the tests: the system clock, unless a test sets it. A test that moves time (the SLA clocks)
/// sets it and resets it when done; the host reads it wherever the application asks TimeProvider for now.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks;

    public static TestClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _ticks);
        return ticks == 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Reset() => Interlocked.Exchange(ref _ticks, 0);
}
