using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Api.Infrastructure.RateLimiting;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Rate limits across replicas: two API hosts on one Redis count one user's requests in one window (the first 429 comes
/// after the budget, not after twice the budget), a 429 says the true wait, and a Redis that is down never refuses a
/// request for that reason (each replica counts alone meanwhile).
/// </summary>
public sealed class RateLimitReplicaTests : ApiTestBase
{
    private const int Budget = 12;

    [Test]
    public async Task TwoReplicasOnOneRedis_ShareOneUsersBudget_AndTheFirst429ComesAfterTheBudget()
    {
        using var redis = await TestRedis.StartAsync();
        await using var first = Replica(redis.Configuration);
        await using var second = Replica(redis.Configuration);
        var token = await TokenAsync(first);
        using var a = Client(first, token);
        using var b = Client(second, token);

        var statuses = new List<int>();
        for (var i = 0; i < Budget + 4; i++)
        {
            // The load balancer sends them alternately.
            statuses.Add((int)(await (i % 2 == 0 ? a : b).GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.That(statuses.Take(Budget), Is.All.EqualTo(200), string.Join(",", statuses));
        Assert.That(statuses.Skip(Budget), Is.All.EqualTo(429), "the budget is one across both replicas: " + string.Join(",", statuses));

        var limited = await b.GetAsync("/api/v1/me");
        var problem = await AssertProblem(limited, 429);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("rate-limited"));
        var wait = limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.That(wait, Is.InRange(1, 60), "the true wait: until the shared window ends");

        using var director = Client(second, await TokenAsync(second, "director"));
        Assert.That((int)(await director.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200), "another user has a budget of their own");
    }

    [Test]
    public async Task RedisDown_NoRequestIsRefusedForIt_AndTheReplicaCountsAlone()
    {
        await using var replica = Replica($"127.0.0.1:{TestRedis.FreePort()}");
        using var client = Client(replica, await TokenAsync(replica));
        var statuses = new List<int>();
        for (var i = 0; i < Budget + 2; i++)
        {
            statuses.Add((int)(await client.GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.That(statuses.Take(Budget), Is.All.EqualTo(200), string.Join(",", statuses));
        Assert.That(statuses.Skip(Budget), Is.All.EqualTo(429), "the local window keeps the budget meanwhile: " + string.Join(",", statuses));
    }

    [Test]
    public void ALocalWindow_SaysTheTrueWait_AndOpensAgainWhenItEnds()
    {
        var clock = new ManualClock();
        using var limiter = new LocalWindowLimiter(3, TimeSpan.FromMinutes(1), clock);
        for (var i = 0; i < 3; i++)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.That(lease.IsAcquired, Is.True);
        }

        clock.Advance(TimeSpan.FromSeconds(59.2));
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.That(refused.IsAcquired, Is.False);
            Assert.That(RateLimits.RetryAfterSeconds(refused), Is.EqualTo(1), "0.8 s left: Retry-After 1, not 60");
        }

        clock.Advance(TimeSpan.FromSeconds(0.8));
        using var fresh = limiter.AttemptAcquire();
        Assert.That(fresh.IsAcquired, Is.True, "the window ended at 60 s");
        Assert.That(limiter.IdleDuration, Is.Null, "a window in use is not idle");
    }

    private static WebApplicationFactory<Program> Replica(string redis) => ApiFixture.Factory.WithWebHostBuilder(web =>
    {
        web.UseSetting("ConnectionStrings:Redis", redis);
        web.UseSetting("RateLimits:RequestsPerMinutePerUser", Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> replica, string user = "accountmanager")
    {
        using var anonymous = replica.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{user}@test.local", password = ApiFixture.Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static HttpClient Client(WebApplicationFactory<Program> replica, string token)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
