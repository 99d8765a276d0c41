using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: requests (ASP.NET Core), SQL commands (Npgsql), outbound HTTP (webhooks) and the
/// runtime. (The scheduled jobs have no span of their own yet: their SQL, outside any request, is dropped below.) On when an OTLP endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with the standard <c>OTEL_*</c> variables for protocol, headers and service
/// name) or <c>OpenTelemetry:Enabled</c> is true; off otherwise (nothing is collected for nobody). Log lines carry the
/// trace and span ids of what they were written in (the console's scopes), and every problem answer its
/// <c>traceId</c>, so a log line, a trace and a user's error report meet.
/// </summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddKeyAccountTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!builder.Configuration.GetValue("OpenTelemetry:Enabled", !string.IsNullOrWhiteSpace(endpoint)))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "keyaccount-api", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                // Probes every few seconds from the load balancer and Kubernetes are not worth a trace each.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .SetSampler(new ParentBasedSampler(new NoLoneClientSpans())))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql"));
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// A client span with no parent — a SQL command or an HTTP call outside any request or job run, such as the
    /// scheduler polling its tables every few seconds — is dropped: it would be a trace of one span, thousands an hour.
    /// Everything else is kept (the children of a kept span follow their parent).
    /// </summary>
    private sealed class NoLoneClientSpans : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == System.Diagnostics.ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}
