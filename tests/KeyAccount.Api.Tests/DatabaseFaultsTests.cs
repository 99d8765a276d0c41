using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The database going away: connections the server ended (a restart, <c>pg_terminate_backend</c>) never reach a
/// request as a failure — reads and not-yet-committed writes run again on a fresh connection, and a write is made
/// once; a database that is down answers 503 with <c>Retry-After</c> within about two seconds (never 500), and
/// <c>/health/ready</c> says which part is down. Each test runs a host of its own (its own connection pool, marked
/// with its own application name, and no scheduler), so ending its connections touches nobody else's.
/// </summary>
public sealed class DatabaseFaultsTests : ApiTestBase
{
    [Test]
    public async Task ConnectionsTheServerEnded_NeverReachARequest_AReadAndAWriteSucceedOnce()
    {
        var application = "keyaccount-faults-" + Guid.NewGuid().ToString("N")[..8];
        await using var host = Host(new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { ApplicationName = application }.ConnectionString);
        using var client = await SignedInAsync(host);

        await FillPoolAsync(client);
        Assert.That(await EndConnectionsAsync(application), Is.GreaterThan(1), "the host's pooled connections were ended under it");
        var list = await client.GetAsync("/api/v1/accounts?pageSize=5");
        Assert.That((int)list.StatusCode, Is.EqualTo(200), await list.Content.ReadAsStringAsync());

        await FillPoolAsync(client);
        Assert.That(await EndConnectionsAsync(application), Is.GreaterThan(1));
        var name = "断线重试精密制造有限公司";
        var created = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(name: name));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        Assert.That(await CountAsync($"SELECT count(*) FROM accounts WHERE name = '{name}'"), Is.EqualTo(1), "written once");

        var again = await client.GetAsync("/api/v1/accounts?pageSize=5");
        Assert.That((int)again.StatusCode, Is.EqualTo(200), "and the next request is served as usual");
    }

    [Test]
    public async Task DatabaseDown_Requests503WithRetryAfterWithinSeconds_AndReadinessNamesTheDatabase()
    {
        var nowhere = new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { Port = TestRedis.FreePort(), Timeout = 5 }.ConnectionString;
        await using var host = Host(nowhere);
        using var client = host.CreateClient();
        using var signedIn = await ApiFixture.ClientAsAsync("accountmanager");
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        // The first request of a new host also pays for its warm-up; the bound is about the ones after it.
        _ = await client.GetAsync("/api/v1/accounts?pageSize=5");
        var took = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync("/api/v1/accounts?pageSize=5");
            took.Add(watch.Elapsed);
            var problem = await AssertProblem(response, 503);
            Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("service-unavailable"));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }

        Assert.That(took, Is.All.LessThan(TimeSpan.FromSeconds(4)), "fails fast (refused connections are retried for about two seconds, not waited on): " + string.Join(", ", took));

        using var probe = host.CreateClient(); // a load balancer's probe carries no token
        var ready = await probe.GetAsync("/health/ready");
        Assert.That((int)ready.StatusCode, Is.EqualTo(503));
        Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), await ready.Content.ReadAsStringAsync());
        var report = await Body(ready);
        Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
        Assert.That(report["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
        Assert.That((int)(await probe.GetAsync("/health/live")).StatusCode, Is.EqualTo(200), "the process itself is alive: no restart for a database outage");
    }

    [Test]
    public async Task Readiness_ReportsEachPart_RedisDownIsDegradedNotUnready()
    {
        using var anonymous = ApiFixture.Factory.CreateClient();
        var healthy = await anonymous.GetAsync("/health/ready");
        Assert.That((int)healthy.StatusCode, Is.EqualTo(200));
        var report = await Body(healthy);
        Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        Assert.That(report["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        Assert.That(report["checks"]!["rate-limit-store"]!["description"]!.GetValue<string>(), Does.Contain("no Redis configured"));

        await using var withoutRedis = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("ConnectionStrings:Redis", $"127.0.0.1:{TestRedis.FreePort()}"));
        using var client = withoutRedis.CreateClient();
        var degraded = await client.GetAsync("/health/ready");
        Assert.That((int)degraded.StatusCode, Is.EqualTo(200), "a replica without Redis still serves (it counts its own requests)");
        report = await Body(degraded);
        Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("Degraded"));
        Assert.That(report["checks"]!["rate-limit-store"]!["status"]!.GetValue<string>(), Is.EqualTo("Degraded"));
        Assert.That(report["checks"]!["database"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task BehindATransactionModePooler_TheSessionListenerUsesTheDirectConnection()
    {
        // ConnectionStrings:KeyAccountDirect: what needs a session (LISTEN, the migrators' advisory lock) goes there.
        await using var host = ApiFixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:KeyAccountDirect", ApiFixture.ConnectionString);
            web.UseSetting("Jobs:Enabled", "false");
        });
        using var client = host.CreateClient();
        Assert.That((int)(await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(200));

        long listening = 0;
        for (var i = 0; i < 50 && listening == 0; i++)
        {
            listening = await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'keyaccount-session' AND query LIKE 'LISTEN%'");
            await Task.Delay(200);
        }

        Assert.That(listening, Is.EqualTo(1), "the host's LISTEN session is on the direct connection");
    }

    private static WebApplicationFactory<Program> Host(string connectionString) => ApiFixture.Factory.WithWebHostBuilder(web =>
    {
        web.UseSetting("ConnectionStrings:KeyAccount", connectionString);
        web.UseSetting("KeyAccount:MigrateOnStartup", "false");
        web.UseSetting("Jobs:Enabled", "false");
    });

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "accountmanager@test.local", password = ApiFixture.Password });
        Assert.That((int)login.StatusCode, Is.EqualTo(200), await login.Content.ReadAsStringAsync());
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Several requests at once, so that the pool holds several idle connections afterwards.</summary>
    private static async Task FillPoolAsync(HttpClient client)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync("/api/v1/accounts?pageSize=5")));
        Assert.That(responses.Select(r => (int)r.StatusCode), Is.All.EqualTo(200));
    }

    /// <summary>
    /// Ends the host's connections on the server, as a restart would — all but its session listener's: that one would
    /// tell the host at once (and clear the pool), and this test is about a pool that has not heard yet.
    /// </summary>
    private static async Task<long> EndConnectionsAsync(string application)
    {
        var ended = await CountAsync($"""
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE application_name = '{application}' AND query NOT LIKE 'LISTEN%'
            """);
        NpgsqlConnection.ClearAllPools();
        return ended;
    }

    private static async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
