using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartz;

namespace KeyAccount.Api.Tests;

/// <summary>
/// OpenTelemetry on: a request is one trace — the server span with its route, the SQL commands it ran (Npgsql) as its
/// children — and the traceId of a problem answer is that trace's, so a user's error report finds its trace. A job run
/// is one trace too — its span, named after the job and tagged with its recorded run, with the SQL it ran as children —
/// a failed run's span ends in error, and the lines the job logs carry its trace id.
/// </summary>
public sealed class TelemetryTests : ApiTestBase
{
    [Test]
    public async Task ARequest_IsOneTrace_WithItsSqlCommands_AndAProblemQuotesItsTraceId()
    {
        var exported = new List<Activity>();
        await using var factory = ApiFixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("OpenTelemetry:Enabled", "true");
            web.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        });
        using var client = factory.CreateClient();
        var login = await client.PostAsync("/api/v1/auth/login", JsonContent("""{"email":"director@test.local","password":"Test-Password!1"}"""));
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var missing = await client.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}");
        var problem = await AssertProblem(missing, 404);
        var traceId = problem["traceId"]!.GetValue<string>();

        Activity? server = null;
        for (var i = 0; i < 50 && server is null; i++)
        {
            lock (exported)
            {
                server = exported.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.GetTagItem("http.route") is "/api/v1/accounts/{id:guid}");
            }

            if (server is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.That(server, Is.Not.Null, "the request's server span: " + string.Join(", ", exported.Select(a => a.DisplayName)));
        Assert.That(traceId, Does.Contain(server!.TraceId.ToHexString()), "the problem's traceId is the request's trace");
        Assert.That(server.GetTagItem("http.response.status_code"), Is.EqualTo(404));
        List<Activity> sql;
        lock (exported)
        {
            sql = exported.Where(a => a.Source.Name == "Npgsql" && a.TraceId == server.TraceId).ToList();
        }

        Assert.That(sql, Is.Not.Empty, "the SQL the request ran is traced under it");
        lock (exported)
        {
            Assert.That(exported.Any(a => a.DisplayName.Contains("/health", StringComparison.Ordinal)), Is.False, "probes are not traced");
            Assert.That(exported.Where(a => a.Kind == ActivityKind.Client && a.Parent is null && a.ParentSpanId == default).Select(a => a.DisplayName), Is.Empty,
                "a SQL command outside any request or job (the scheduler's polling) is no trace of its own");
        }
    }

    [Test]
    public async Task AJobRun_IsOneTrace_WithItsSqlCommands_AndItsRecordedRunAndRequest()
    {
        var exported = new List<Activity>();
        await using var factory = Traced(exported, new List<Metric>(), new CapturingLoggerProvider());
        using var client = factory.CreateClient();
        var login = await client.PostAsync("/api/v1/auth/login", JsonContent("""{"email":"admin@test.local","password":"Test-Password!1"}"""));
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/jobs/contact-cadence-reminders/runs");
        request.Headers.Add("Idempotency-Key", "traced-run-" + Guid.NewGuid());
        var started = await client.SendAsync(request);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await started.Content.ReadAsStringAsync());
        var runId = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        // Whichever node of the cluster runs it (this host's scheduler or the suite's), its span is the process's.
        var job = await SpanAsync(exported, a => a.GetTagItem(JobRunTracing.RunIdTag) as string == runId);
        List<Activity> runSpans, sql, background;
        lock (exported)
        {
            runSpans = exported.Where(a => a.GetTagItem(JobRunTracing.RunIdTag) as string == runId).ToList();
            sql = exported.Where(a => a.Source.Name == "Npgsql" && a.TraceId == job.TraceId).ToList();
            background = exported.Where(a => a.ParentSpanId == default && a.OperationName.StartsWith("Quartz.JobStore.", StringComparison.Ordinal)).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(runSpans, Has.Count.EqualTo(1), "one span for the run");
            Assert.That(job.Source.Name, Is.EqualTo("Quartz"));
            Assert.That(job.OperationName, Is.EqualTo(JobRunTracing.ExecuteSpanName));
            Assert.That(job.DisplayName, Is.EqualTo("contact-cadence-reminders"), "the span is named after the job");
            Assert.That(job.Kind, Is.EqualTo(ActivityKind.Internal));
            Assert.That(job.ParentSpanId, Is.EqualTo(default(ActivitySpanId)), "a run is a trace of its own");
            Assert.That(job.GetTagItem("quartz.job.name"), Is.EqualTo("contact-cadence-reminders"));
            Assert.That(job.GetTagItem("quartz.job.group"), Is.EqualTo("accounts"));
            Assert.That(job.GetTagItem("quartz.fire.instance.id") as string, Is.Not.Empty);
            Assert.That(job.GetTagItem("quartz.scheduler.id") as string, Is.Not.Empty, "the node");
            Assert.That(job.GetTagItem(JobRunTracing.TriggerTag), Is.EqualTo("Manual"));
            Assert.That(job.GetTagItem(JobRunTracing.AttemptTag), Is.EqualTo(1));
            Assert.That(job.Status, Is.Not.EqualTo(ActivityStatusCode.Error));
            Assert.That(sql, Is.Not.Empty, "the SQL the job ran is traced under it");
            Assert.That(sql.Select(a => a.ParentSpanId).Distinct(), Is.EqualTo(new[] { job.SpanId }), "its SQL commands are the run's children");
            Assert.That(background.Select(a => a.DisplayName), Is.Empty, "the scheduler's own store work (polling, completing) is no trace of its own");
        });

        // The run links back to the request that started it (a link, not a parent: the run is its own trace).
        Activity? server;
        lock (exported)
        {
            server = exported.SingleOrDefault(a => a.Kind == ActivityKind.Server && job.Links.Any(l => l.Context.SpanId == a.SpanId));
        }

        Assert.That(server, Is.Not.Null, "the run links to the POST that started it");
        Assert.That(server!.GetTagItem("http.request.method"), Is.EqualTo("POST"));
        Assert.That(server.TraceId, Is.Not.EqualTo(job.TraceId));
    }

    [Test]
    public async Task AJobThatThrows_EndsItsSpanInError_AndItsLogLinesCarryItsTraceId()
    {
        var exported = new List<Activity>();
        var metrics = new List<Metric>();
        var logs = new CapturingLoggerProvider();
        await using var factory = Traced(exported, metrics, logs);
        _ = factory.Server;
        var key = new JobKey("failing-traced-test", "tests");
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The suite's own node stands by, so this host's scheduler runs the job and its logger is the one listened to.
        var suite = await ApiFixture.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await suite.Standby();
        try
        {
            await scheduler.AddJob(JobBuilder.Create<FailingTracedTestJob>().WithIdentity(key).StoreDurably().Build(), new AddJobOptions { Replace = true });
            await scheduler.TriggerJob(key);
            var job = await SpanAsync(exported, a => a.GetTagItem("quartz.job.name") is "failing-traced-test");
            List<Activity> sql;
            lock (exported)
            {
                sql = exported.Where(a => a.Source.Name == "Npgsql" && a.ParentSpanId == job.SpanId).ToList();
            }

            var line = logs.Lines.FirstOrDefault(l => l.Message.Contains("about to fail", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(job.DisplayName, Is.EqualTo("failing-traced-test"));
                Assert.That(job.Status, Is.EqualTo(ActivityStatusCode.Error), "a failed run's span is an error");
                Assert.That(job.GetTagItem("error.type"), Is.EqualTo(typeof(InvalidOperationException).FullName));
                Assert.That(
                    job.Events.Where(e => e.Name == "exception").Select(e => (e.Tags.First(t => t.Key == "exception.type").Value, e.Tags.First(t => t.Key == "exception.message").Value)),
                    Is.EqualTo(new[] { ((object?)typeof(InvalidOperationException).FullName, (object?)"数据库连接中断 (traced test)") }),
                    "one exception event: the job's own exception, not Quartz's wrapper");
                Assert.That(job.GetTagItem(JobRunTracing.TriggerTag), Is.EqualTo("Scheduled"));
                Assert.That(job.GetTagItem(JobRunTracing.RunIdTag) as string, Is.Not.Empty);
                Assert.That(sql.Select(a => a.GetTagItem("db.query.text") ?? a.DisplayName), Is.Not.Empty, "the SQL it ran before it threw is under it");
                Assert.That(line, Is.Not.Null, "the job's log line: " + string.Join(" | ", logs.Lines.Select(l => l.Message)));
                Assert.That(line?.Scope.GetValueOrDefault("TraceId"), Is.EqualTo(job.TraceId.ToHexString()), "the job's log line carries its trace id");
                Assert.That(line?.Scope.GetValueOrDefault("quartz.job.name"), Is.EqualTo("failing-traced-test"), "and names its job");
            });

            // Runs are counted and timed by job and result.
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
            var points = metrics.Where(m => m.Name == "quartz.job.execution.duration").SelectMany(Points).ToList();
            Assert.That(
                points.Any(p => p.GetValueOrDefault("quartz.job.name") is "failing-traced-test" && p.GetValueOrDefault("quartz.job.result") is "failed"),
                Is.True,
                "a failed run of the job is measured: " + string.Join(" | ", points.Select(p => string.Join(",", p.Select(t => $"{t.Key}={t.Value}")))));

            // The webhook poller (every second here) ran meanwhile, and is measured but not traced.
            Assert.That(points.Any(p => p.GetValueOrDefault("quartz.job.name") is "webhook-delivery"), Is.True, "the poller ran");
            lock (exported)
            {
                Assert.That(exported.Where(a => a.GetTagItem("quartz.job.name") is "webhook-delivery" or "mail-delivery").Select(a => a.DisplayName), Is.Empty, "a poll is no trace");
            }
        }
        finally
        {
            await scheduler.DeleteJob(key);
            await suite.Start();
        }
    }

    /// <summary>A host of its own with OpenTelemetry on, exporting to memory, and a logger that keeps what it is told.</summary>
    private static WebApplicationFactory<Program> Traced(List<Activity> spans, List<Metric> metrics, CapturingLoggerProvider logs) =>
        ApiFixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("OpenTelemetry:Enabled", "true");
            web.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
                services.AddSingleton<ILoggerProvider>(logs);
            });
        });

    private static async Task<Activity> SpanAsync(List<Activity> exported, Func<Activity, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            lock (exported)
            {
                if (exported.FirstOrDefault(a => a.Source.Name == "Quartz" && a.OperationName == JobRunTracing.ExecuteSpanName && match(a)) is { } span)
                {
                    return span;
                }

                if (DateTime.UtcNow > until)
                {
                    throw new AssertionException("no span of the job run among: " + string.Join(", ", exported.Select(a => a.DisplayName).Distinct()));
                }
            }

            await Task.Delay(100);
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Points(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            yield return tags;
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>Runs one SQL command, logs a line and throws; never retried.</summary>
[RetryPolicy(0)]
public sealed partial class FailingTracedTestJob(NpgsqlDataSource dataSource, ILogger<FailingTracedTestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using (var command = dataSource.CreateCommand("SELECT 1"))
        {
            await command.ExecuteScalarAsync(cancellationToken);
        }

        LogAboutToFail(logger);
        throw new InvalidOperationException("数据库连接中断 (traced test)");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Traced test job: about to fail")]
    private static partial void LogAboutToFail(ILogger logger);
}

/// <summary>Keeps every line it is told with the scopes it was written in (the trace id among them, as the console's scopes show it).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly List<LogLine> _lines = [];
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public sealed record LogLine(string Message, Dictionary<string, object?> Scope);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes?.ForEachScope(
                (value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            into[key] = item;
                        }
                    }
                },
                scope);
            lock (provider._lines)
            {
                provider._lines.Add(new LogLine(formatter(state, exception), scope));
            }
        }
    }
}
