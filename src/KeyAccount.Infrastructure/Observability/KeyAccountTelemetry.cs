using System.Diagnostics;

namespace KeyAccount.Infrastructure.Observability;

/// <summary>
/// KeyAccount's own trace source: a span per scheduled job run (the requests, SQL commands and outbound calls are traced
/// by their libraries' instrumentation). Exported with the rest when OpenTelemetry is on.
/// </summary>
public static class KeyAccountTelemetry
{
    public const string SourceName = "KeyAccount";

    public static readonly ActivitySource Source = new(SourceName);
}
