using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Webhooks;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Webhooks end to end: a real receiver on loopback (Kestrel), deliveries from the outbox by the Quartz job, signed per
/// Standard Webhooks and verified here the way a receiver's library would; retries keep the webhook-id; 410 disables.
/// </summary>
public class WebhooksTests : ApiTestBase
{
    [Test]
    public void Sign_MatchesTheStandardWebhooksTestVector()
    {
        // The specification's published example (secret, id, timestamp, body → signature).
        var signature = WebhookSigner.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);
        Assert.That(signature, Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://10.1.2.3/hook")]
    [TestCase("https://172.20.0.5/hook")]
    [TestCase("https://192.168.1.10/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://100.64.0.1/hook")]
    [TestCase("https://[::1]/hook")]
    [TestCase("https://[fd00:ec2::254]/hook")]
    [TestCase("https://[::ffff:10.0.0.1]/hook")]
    [TestCase("https://0.0.0.0/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("http://93.184.216.34/hook")]
    public async Task TargetGuard_RefusesPrivateLoopbackLinkLocalMetadataAndPlainHttp(string url)
    {
        var guard = new WebhookTargetGuard(Options.Create(new WebhookOptions()));
        Assert.That(await guard.RefuseAsync(new Uri(url), CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task TargetGuard_AllowsAPublicHttpsAddress_AndIsLiftedOnlyByTheSetting()
    {
        var guard = new WebhookTargetGuard(Options.Create(new WebhookOptions()));
        Assert.That(await guard.RefuseAsync(new Uri("https://93.184.216.34/hook"), CancellationToken.None), Is.Null);
        var lifted = new WebhookTargetGuard(Options.Create(new WebhookOptions { AllowPrivateTargets = true }));
        Assert.That(await lifted.RefuseAsync(new Uri("http://127.0.0.1:9/hook"), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Endpoint_WithAnUnknownEventTypeOrABadUrl_Is400NamingTheField_AndOnlyAdminsManageEndpoints()
    {
        using var admin = await As("admin");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = "https://erp.example.cn/hook", eventTypes = new[] { "complaint.filed", "account.deleted" } }), 400, "eventTypes[1]");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = "ftp://erp.example.cn/hook", eventTypes = new[] { "complaint.filed" } }), 400, "url");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = "https://erp.example.cn/hook", eventTypes = Array.Empty<string>() }), 400, "eventTypes");
        using var director = await As("director");
        Assert.That((int)(await director.GetAsync("/api/v1/webhooks/endpoints")).StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task EventCatalogue_ListsEveryPublicEventWithItsSchema()
    {
        using var admin = await As("admin");
        var types = (await Body(await admin.GetAsync("/api/v1/webhooks/event-types"))).AsArray();
        var filed = types.Single(t => t!["name"]!.GetValue<string>() == "complaint.filed")!;
        Assert.That(filed["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(filed["schema"]!["properties"]!["data"]!["properties"]!["complaintId"], Is.Not.Null);
        Assert.That(types.Select(t => t!["name"]!.GetValue<string>()), Does.Contain("account.tier_changed").And.Contain("webhook.test"));
    }

    [Test]
    public async Task ComplaintFiled_IsDeliveredSigned_ARetryKeepsTheWebhookId_AndTheLogShowsBothAttempts()
    {
        await using var receiver = await Receiver.StartAsync(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var admin = await As("admin");
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = receiver.Url, eventTypes = new[] { "complaint.filed" }, description = "工单系统" }));
        var secret = created["secret"]!.GetValue<string>();
        var endpointId = created["endpoint"]!["id"]!.GetValue<string>();
        Assert.That(secret, Does.StartWith("whsec_"));

        var account = await CreateAccountAsync("director");
        using var agent = await As("serviceagent");
        var complaint = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Phone", category = "Delivery", severity = "High", subject = "三托盘货物缺失", description = "客户来电" }));

        // The first call gets 503; the retry 5 s (±20 %) later gets 200 — with the same webhook-id and body.
        var calls = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(30));
        Assert.That(calls.Select(c => c.Id).Distinct().Count(), Is.EqualTo(1), "webhook-id is stable across retries");
        Assert.That(calls[1].At - calls[0].At, Is.GreaterThan(TimeSpan.FromSeconds(3.9)));
        foreach (var call in calls)
        {
            Assert.That(Verify(call, secret), Is.True, "the signature verifies with the endpoint's secret");
        }

        var body = JsonNode.Parse(calls[1].Body)!;
        Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("complaint.filed"));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(body["data"]!["complaintId"]!.GetValue<string>(), Is.EqualTo(complaint["id"]!.GetValue<string>()));
        Assert.That(body["timestamp"]!.GetValue<string>(), Does.EndWith("Z"));

        var log = await WaitForAsync(async () =>
        {
            var items = (await Body(await admin.GetAsync($"/api/v1/webhooks/endpoints/{endpointId}/deliveries")))["items"]!.AsArray();
            return items.Count == 1 && items[0]!["status"]!.GetValue<string>() == "Succeeded" ? items[0] : null;
        });
        Assert.That((log["attempts"]!.GetValue<int>(), log["lastStatusCode"]!.GetValue<int>(), log["messageId"]!.GetValue<string>()), Is.EqualTo((2, 200, calls[0].Id)));
    }

    [Test]
    public async Task RotatedSecret_SignsWithBoth_TestSendAndReplayArriveWithTheirIds()
    {
        await using var receiver = await Receiver.StartAsync(HttpStatusCode.NoContent);
        using var admin = await As("admin");
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = receiver.Url, eventTypes = new[] { "account.created" } }));
        var endpointId = created["endpoint"]!["id"]!.GetValue<string>();
        var oldSecret = created["secret"]!.GetValue<string>();
        var rotate = await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/endpoints/{endpointId}/rotate-secret", null, await ETagOf(admin, $"/api/v1/webhooks/endpoints/{endpointId}"));
        var newSecret = (await Body(rotate))["secret"]!.GetValue<string>();
        Assert.That(newSecret, Is.Not.EqualTo(oldSecret));

        var test = await Body(await admin.PostAsync($"/api/v1/webhooks/endpoints/{endpointId}/test", null));
        var call = (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20)))[0];
        Assert.That(call.Id, Is.EqualTo(test["messageId"]!.GetValue<string>()));
        Assert.That(call.Signature.Split(' '), Has.Length.EqualTo(2));
        Assert.That((Verify(call, oldSecret), Verify(call, newSecret)), Is.EqualTo((true, true)), "both secrets sign during the overlap");
        Assert.That(JsonNode.Parse(call.Body)!["type"]!.GetValue<string>(), Is.EqualTo("webhook.test"));

        await WaitForAsync(async () => (await Body(await admin.GetAsync($"/api/v1/webhooks/endpoints/{endpointId}/deliveries?status=Succeeded")))["totalCount"]!.GetValue<int>() == 1 ? "ok" : null);
        var replay = await admin.PostAsync($"/api/v1/webhooks/deliveries/{test["id"]}/replay", null);
        Assert.That((int)replay.StatusCode, Is.EqualTo(200));
        var again = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(20));
        Assert.That(again[1].Id, Is.EqualTo(call.Id), "a replay keeps the webhook-id");
        await AssertProblem(await admin.PostAsync($"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/replay", null), 404);
    }

    [Test]
    public async Task Gone_DisablesTheEndpoint_AndLaterEventsAreNotSent()
    {
        await using var receiver = await Receiver.StartAsync(HttpStatusCode.Gone);
        using var admin = await As("admin");
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = receiver.Url, eventTypes = new[] { "account.created" } }));
        var endpointId = created["endpoint"]!["id"]!.GetValue<string>();
        await CreateAccountAsync("director", "WH-GONE-1");
        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));
        var endpoint = await WaitForAsync(async () =>
        {
            var e = await Body(await admin.GetAsync($"/api/v1/webhooks/endpoints/{endpointId}"));
            return e["enabled"]!.GetValue<bool>() ? null : e;
        });
        Assert.That(endpoint["disabledReason"]!.GetValue<string>(), Is.EqualTo("Gone"));

        // Every active Admin hears of it by mail, with a link to the endpoint.
        var notice = await ApiFixture.Smtp.WaitForAsync(m => (m.Subject ?? string.Empty).Contains(receiver.Url, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == "admin@test.local"));
        Assert.That(notice.TextBody, Does.Contain("410 Gone").And.Contain($"https://kam.test.local/webhooks/{endpointId}"));
        await CreateAccountAsync("director", "WH-GONE-2");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That(receiver.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Claim_TwoDispatchersAtOnce_SendEachDeliveryOnce()
    {
        await using var receiver = await Receiver.StartAsync(HttpStatusCode.OK);
        using var admin = await As("admin");
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = receiver.Url, eventTypes = new[] { "account.created" } }));
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            // 60 deliveries due at once, then two dispatchers (as on two replicas) racing for them next to the job.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var endpointId = new WebhookEndpointId(Guid.Parse(created["endpoint"]!["id"]!.GetValue<string>()));
            for (var i = 0; i < 60; i++)
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Create(Guid.CreateVersion7(), endpointId, "account.created", $"{{\"n\":{i}}}", now));
            }

            await db.SaveChangesAsync();
        }

        var dispatcher = ApiFixture.Factory.Services.GetRequiredService<WebhookDispatcher>();
        await Task.WhenAll(dispatcher.DeliverDueAsync(CancellationToken.None), dispatcher.DeliverDueAsync(CancellationToken.None), dispatcher.DeliverDueAsync(CancellationToken.None));
        var calls = await receiver.WaitForAsync(60, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(receiver.Calls.Select(c => c.Id).Distinct().Count(), Is.EqualTo(60));
        Assert.That(receiver.Calls, Has.Count.EqualTo(60), "no delivery was sent twice");
        Assert.That(calls, Is.Not.Empty);
    }

    [Test]
    public async Task ThirdPartyStory_TheSubscriberIsDownForTwoMinutes_ThenReceivesEverythingOncePerWebhookId()
    {
        // The receiver's port, then the receiver down: every call is refused.
        int port;
        await using (var probe = await Receiver.StartAsync(HttpStatusCode.OK))
        {
            port = new Uri(probe.Url).Port;
        }

        using var admin = await As("admin");
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = $"http://127.0.0.1:{port}/hook", eventTypes = new[] { "complaint.filed", "account.created" } }));
        var secret = created["secret"]!.GetValue<string>();
        var endpointId = created["endpoint"]!["id"]!.GetValue<string>();
        // Signed in before the clock moves; a virtual morning three hours ago, whose minutes the test walks through
        // (the clock never passes the real now, so the scheduler catches up when it is reset). The dispatcher is
        // driven directly at each virtual instant, as the job would drive it.
        // The complaint comes from the call centre's system, an API client holding complaints:write (its token is got
        // before the clock moves: a token is signed with the instant it is issued at).
        var (callCentreId, callCentreSecret) = await ApiClientsTests.CreateClientAsync(["complaints:write"]);
        using var callCentre = ApiClientsTests.Bearer(await ApiClientsTests.TokenAsync(ApiClientsTests.Basic(callCentreId, callCentreSecret), ApiClientsTests.Form(("grant_type", "client_credentials"))));
        _ = await As("director");
        var dispatcher = ApiFixture.Factory.Services.GetRequiredService<WebhookDispatcher>();
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
        TestClock.Instance.Set(t0);
        try
        {
            var account = await CreateAccountAsync("director", "WH-STORY-1");
            Assert.That((int)(await callCentre.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Email", category = "ProductQuality", severity = "Medium", subject = "批次质量问题", description = "客户邮件" })).StatusCode, Is.EqualTo(201));

            // Two minutes of failed attempts: at once, and again two minutes later (the schedule said 5 s).
            await dispatcher.RunAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            TestClock.Instance.Set(t0.AddMinutes(2));
            await dispatcher.RunAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            var log = (await Body(await admin.GetAsync($"/api/v1/webhooks/endpoints/{endpointId}/deliveries")))["items"]!.AsArray();
            Assert.That(log.Select(d => (d!["status"]!.GetValue<string>(), d["attempts"]!.GetValue<int>(), d["lastStatusCode"])), Is.All.EqualTo(("Pending", 2, (JsonNode?)null)));

            // The subscriber is back; the minutes pass until the next attempts are due (and the endpoint's circuit,
            // opened by the failures, lets a call through again), and everything arrives.
            await using var receiver = await Receiver.StartOnAsync(port, HttpStatusCode.OK);
            for (var minute = 3; receiver.CallQueue.Count < 2 && minute < 180; minute++)
            {
                TestClock.Instance.Set(t0.AddMinutes(minute));
                await dispatcher.RunAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
                await Task.Delay(500);
            }

            var calls = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
            await dispatcher.RunAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.That(receiver.Calls.Select(c => JsonNode.Parse(c.Body)!["type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "account.created", "complaint.filed" }));
            Assert.That(receiver.Calls.Select(c => c.Id), Is.Unique, "each webhook-id arrives once");
            Assert.That(calls.All(c => Verify(c, secret)), Is.True);
            var endpoint = await Body(await admin.GetAsync($"/api/v1/webhooks/endpoints/{endpointId}"));
            Assert.That((endpoint["enabled"]!.GetValue<bool>(), endpoint["failingSince"]), Is.EqualTo((true, (JsonNode?)null)), "a success clears the failure record");
        }
        finally
        {
            TestClock.Instance.Reset();
        }
    }

    private static bool Verify(ReceivedCall call, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{call.Id}.{call.Timestamp}.{call.Body}")));
        return call.Signature.Split(' ').Any(s => s == "v1," + expected);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail("timed out waiting");
            }

            await Task.Delay(250);
        }
    }

    public sealed record ReceivedCall(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

    /// <summary>A webhook receiver on loopback: answers each call with the next status of its script (the last one again and again) and records it.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<HttpStatusCode> _script;
        private readonly HttpStatusCode _last;

        private Receiver(WebApplication app, HttpStatusCode[] script)
        {
            _app = app;
            _script = new ConcurrentQueue<HttpStatusCode>(script);
            _last = script[^1];
        }

        public ConcurrentQueue<ReceivedCall> CallQueue { get; } = new();

        public IReadOnlyList<ReceivedCall> Calls => [.. CallQueue];

        public string Url { get; private set; } = string.Empty;

        public static Task<Receiver> StartAsync(params HttpStatusCode[] script) => StartOnAsync(0, script);

        /// <summary>A receiver on a given loopback port (0: any free one), e.g. the same port again after an outage.</summary>
        public static async Task<Receiver> StartOnAsync(int port, params HttpStatusCode[] script)
        {
            var builder = WebApplication.CreateSlimBuilder();
            var app = builder.Build();
            app.Urls.Add($"http://127.0.0.1:{port}");
            var receiver = new Receiver(app, script);
            app.MapPost("/hook", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                receiver.CallQueue.Enqueue(new ReceivedCall(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(), http.Request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow));
                return Results.StatusCode((int)(receiver._script.TryDequeue(out var status) ? status : receiver._last));
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = address + "/hook";
            return receiver;
        }

        public async Task<IReadOnlyList<ReceivedCall>> WaitForAsync(int count, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (CallQueue.Count < count)
            {
                if (DateTime.UtcNow > until)
                {
                    Assert.Fail($"the receiver got {CallQueue.Count} of {count} calls within {timeout}");
                }

                await Task.Delay(100);
            }

            return Calls;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
