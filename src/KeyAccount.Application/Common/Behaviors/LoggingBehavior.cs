using System.Diagnostics;
using KeyAccount.Application.Common.Abstractions;
using Mediator;
using Microsoft.Extensions.Logging;

namespace KeyAccount.Application.Common.Behaviors;

/// <summary>Logs the request name, correlation id and elapsed time — never the payload (it holds customer data).</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string RequestName = typeof(TMessage).Name;
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(logger, RequestName, currentUser.CorrelationId, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, RequestName, currentUser.CorrelationId, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Request} (correlation {CorrelationId}) in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string request, string? correlationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request {Request} (correlation {CorrelationId}) took {ElapsedMs:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string request, string? correlationId, double elapsedMs);
}
