using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace KeyAccount.Infrastructure.Webhooks;

/// <summary>
/// One resilience pipeline per endpoint (Polly): a circuit breaker around the call's timeout. When half of at least
/// four calls in 30 s fail (no answer, timeout, non-2xx), the endpoint's circuit opens for 30 s: deliveries to it are
/// postponed without a call, and the other endpoints' deliveries go on at full speed.
/// </summary>
public sealed class WebhookCircuits(IOptions<WebhookOptions> options) : IDisposable
{
    private readonly ResiliencePipelineRegistry<Guid> _registry = new();

    public ResiliencePipeline<HttpResponseMessage> For(Guid endpointId) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(endpointId, builder => builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => !r.IsSuccessStatusCode),
            })
            .AddTimeout(options.Value.Timeout));

    public void Dispose() => _registry.Dispose();
}
