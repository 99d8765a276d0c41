using System.Diagnostics;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace KeyAccount.Api.Tests;

/// <summary>
/// OpenTelemetry on: a request is one trace — the server span with its route, the SQL commands it ran (Npgsql) as its
/// children — and the traceId of a problem answer is that trace's, so a user's error report finds its trace.
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

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
