using KeyAccount.Infrastructure.Jobs;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz;
using Quartz.Diagnostics;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: requests (ASP.NET Core), job runs (Quartz), SQL commands (Npgsql), outbound HTTP
/// (webhooks) and the runtime. Each job run is a trace of its own — Quartz's execution span, named and tagged by
/// <see cref="JobRunTracing"/>, with the run's SQL and HTTP under it (not the pollers': below) — and Quartz's meter
/// counts and times the runs by job and result (<c>quartz.job.execution.duration</c>). On when an OTLP endpoint is configured
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
                .AddSource(QuartzInstrumentation.ActivitySourceName)
                .SetSampler(services => new ParentBasedSampler(new NoBackgroundRoots(services.GetService<IJobExecutionContextAccessor>()))))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(QuartzInstrumentation.MeterName));
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The roots of background chatter are dropped: a client span with no parent (a SQL command or an HTTP call outside
    /// any request or job run, such as the job run recorder's writes), Quartz's job store spans with no parent (the
    /// scheduler acquiring triggers every few seconds, and completing each firing) and the runs of the pollers
    /// (<see cref="JobRunTracing.Traces"/>): each would be a trace of a few spans, thousands an hour, and what they run
    /// is dropped with them. Every other job run's span is a root too, and is kept, as is everything else (the children
    /// of a kept span follow their parent). The firing a span starts in is Quartz's ambient one (<paramref name="jobs"/>,
    /// null without a scheduler): the span's own job tags are set only after this decision.
    /// </summary>
    private sealed class NoBackgroundRoots(IJobExecutionContextAccessor? jobs) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == System.Diagnostics.ActivityKind.Client
                || samplingParameters.Name.StartsWith("Quartz.JobStore.", StringComparison.Ordinal)
                || (samplingParameters.Name == JobRunTracing.ExecuteSpanName && jobs?.Current is { } firing && !JobRunTracing.Traces(firing.JobDetail.Key))
                    ? SamplingDecision.Drop
                    : SamplingDecision.RecordAndSample);
    }
}
