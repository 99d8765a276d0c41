using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Complaints.EscalateComplaints;
using KeyAccount.Domain.Complaints;
using KeyAccount.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

public class ComplaintsTests : ApiTestBase
{
    public static object Intake(string accountId, string severity = "High", DateTimeOffset? receivedAt = null) => new
    {
        accountId,
        channel = "Phone",
        category = "Delivery",
        severity,
        subject = "Three pallets missing",
        description = "Delivered 17 of 20 pallets.",
        requestedRemedy = "Deliver the rest by Thursday",
        receivedAt,
    };

    private static async Task<string> UserIdAsync(string user)
    {
        using var client = await As(user);
        return (await Body(await client.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();
    }

    internal static async Task<JsonNode> FileAsync(HttpClient client, string accountId, string severity = "High", DateTimeOffset? receivedAt = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(Intake(accountId, severity, receivedAt)) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static async Task<JsonNode> StepAsync(HttpClient client, JsonNode complaint, string action, object body, int expected = 200)
    {
        var response = await ChangeAsync(client, HttpMethod.Post, $"/api/v1/complaints/{complaint["id"]}/{action}", body, $"/api/v1/complaints/{complaint["id"]}");
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static async Task<int> CountAsync(string table)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
#pragma warning disable EF1002 // table names are constants of this test
        return await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002
    }

    /// <summary>The allowed actions the API answers are the domain's workflow table, status by status.</summary>
    private static void AssertAllowedActionsFollowTheTable(JsonNode complaint)
    {
        var status = Enum.Parse<ComplaintStatus>(complaint["status"]!.GetValue<string>());
        Assert.That(complaint["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()),
            Is.EqualTo(ComplaintWorkflow.AllowedActions(status).Select(a => a.ToString())), $"allowedActions in {status}");
    }

    [Test]
    public async Task EveryStep_AnswersTheWorkflowTablesTargetAndAllowedActions_AndAStepTheTableRefusesIs409()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-TABLE");
        using var agent = await As("serviceagent");
        var engineer = await UserIdAsync("qualitymanager");
        var complaint = await FileAsync(agent, account);
        AssertAllowedActionsFollowTheTable(complaint);
        var steps = new (ComplaintAction Action, string Route, object Body)[]
        {
            (ComplaintAction.Acknowledge, "acknowledge", new { response = "We are on it" }),
            (ComplaintAction.Assign, "assign", new { department = "Logistics", assigneeId = engineer }),
            (ComplaintAction.Assign, "assign", new { department = "Quality", assigneeId = engineer }),
            (ComplaintAction.AwaitCustomer, "await-customer", new { note = "Asked for the delivery note" }),
            (ComplaintAction.Resume, "resume", new { note = (string?)null }),
            (ComplaintAction.Resolve, "resolve", new { resolution = "Shipped", rootCause = "Logistics", correctiveAction = "Loading check" }),
            (ComplaintAction.Reopen, "reopen", new { reason = "Two pallets still missing" }),
            (ComplaintAction.Assign, "assign", new { department = "Logistics", assigneeId = engineer }),
            (ComplaintAction.Resolve, "resolve", new { resolution = "Shipped the rest", rootCause = "Logistics", correctiveAction = "Loading check" }),
            (ComplaintAction.Close, "close", new { note = (string?)null }),
            (ComplaintAction.Reopen, "reopen", new { reason = "Wrong pallets" }),
        };
        foreach (var (action, route, body) in steps)
        {
            var from = Enum.Parse<ComplaintStatus>(complaint["status"]!.GetValue<string>());
            complaint = await StepAsync(agent, complaint, route, body);
            Assert.That(complaint["status"]!.GetValue<string>(), Is.EqualTo(ComplaintWorkflow.Target(from, action).ToString()), $"{action} from {from}");
            AssertAllowedActionsFollowTheTable(complaint);
        }

        var refused = await StepAsync(agent, complaint, "close", new { note = (string?)null }, expected: 409);
        Assert.Multiple(() =>
        {
            Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("complaint-transition-not-allowed"));
            Assert.That(refused["args"]!["from"]!.GetValue<string>(), Is.EqualTo("Reopened"));
            Assert.That(refused["args"]!["allowedFrom"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "Resolved" }));
        });
    }

    [Test]
    public async Task Lifecycle_AnAgentFilesAcknowledgesAssignsResolvesAndCloses_WithATimelineEntryPerStep()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-LIFE");
        using var agent = await As("serviceagent");
        var filed = await FileAsync(agent, account);
        Assert.Multiple(() =>
        {
            Assert.That(filed["reference"]!.GetValue<string>(), Does.Match(@"^CMP-\d{4}-\d{6}$"));
            Assert.That(filed["status"]!.GetValue<string>(), Is.EqualTo("New"));
            Assert.That(filed["slaState"]!.GetValue<string>(), Is.EqualTo("OnTime"));
            Assert.That(filed["firstResponseClock"]!["dueAt"], Is.Not.Null);
            Assert.That(filed["dueAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(filed["firstResponseClock"]!["dueAt"]!.GetValue<DateTimeOffset>()));
            Assert.That(filed["timeline"]![0]!["args"]!["channel"]!.GetValue<string>(), Is.EqualTo("Phone"));
            Assert.That(filed["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "Acknowledge" }));
        });

        await StepAsync(agent, filed, "acknowledge", new { response = "We are on it" });
        var engineer = await UserIdAsync("qualitymanager");
        await StepAsync(agent, filed, "assign", new { department = "Logistics", assigneeId = engineer });
        await StepAsync(agent, filed, "await-customer", new { note = "Asked for the delivery note" });
        await StepAsync(agent, filed, "resume", new { note = "Received" });
        await StepAsync(agent, filed, "resolve", new { resolution = "Shipped the pallets", rootCause = "Logistics", correctiveAction = "Two-person loading check" });
        var closed = await StepAsync(agent, filed, "close", new { note = "Customer confirmed" });
        Assert.Multiple(() =>
        {
            Assert.That(closed["status"]!.GetValue<string>(), Is.EqualTo("Closed"));
            Assert.That(closed["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "Reopen" }));
            Assert.That(closed["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Filed", "Acknowledged", "Assigned", "AwaitingCustomer", "Resumed", "Resolved", "Closed" }));
            Assert.That(closed["timeline"]![1]!["byName"], Is.Not.Null);
            var assigned = closed["timeline"]![2]!;
            Assert.That((assigned["args"]!["department"]!.GetValue<string>(), assigned["args"]!["assigneeName"]!.GetValue<string>(), assigned["args"]!["toStatus"]!.GetValue<string>()),
                Is.EqualTo(("Logistics", "Quality", "InProgress")));
            Assert.That(closed["timeline"]![5]!["args"]!["rootCause"]!.GetValue<string>(), Is.EqualTo("Logistics"));
            Assert.That((closed["timeline"]![6]!["note"]!.GetValue<string>(), closed["timeline"]![6]!["args"]!["automatic"]!.GetValue<bool>()), Is.EqualTo(("Customer confirmed", false)));
            Assert.That((closed["stopped"]!.GetValue<bool>(), closed["dueAt"]), Is.EqualTo((true, (JsonNode?)null)));
        });

        // A closed complaint takes no comments; reopened, it does.
        await AssertProblem(await agent.PostAsJsonAsync($"/api/v1/complaints/{filed["id"]}/comments", new { text = "Hello?" }), 409);
        await StepAsync(agent, filed, "reopen", new { reason = "Two pallets damaged" });
        var comment = await agent.PostAsJsonAsync($"/api/v1/complaints/{filed["id"]}/comments", new { text = "Photos attached" });
        Assert.That((int)comment.StatusCode, Is.EqualTo(201));
        var timeline = (await Body(await agent.GetAsync($"/api/v1/complaints/{filed["id"]}/timeline"))).AsArray();
        Assert.That(timeline[^1]!["kind"]!.GetValue<string>(), Is.EqualTo("Comment"));
    }

    [Test]
    public async Task Resolve_WhenNew_Returns409AndChangesNothing()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-409");
        using var agent = await As("serviceagent");
        var filed = await FileAsync(agent, account);
        await AssertProblem(await ChangeAsync(agent, HttpMethod.Post, $"/api/v1/complaints/{filed["id"]}/resolve", new { resolution = "r", rootCause = "Process", correctiveAction = "a" }, $"/api/v1/complaints/{filed["id"]}"), 409);
        var after = await Body(await agent.GetAsync($"/api/v1/complaints/{filed["id"]}"));
        Assert.That((after["status"]!.GetValue<string>(), after["timeline"]!.AsArray().Count), Is.EqualTo(("New", 1)));
    }

    [Test]
    public async Task BadInput_IsA400NamingTheField_AndWritesNothing()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-400");
        using var agent = await As("serviceagent");
        await AssertProblem(await agent.PostAsJsonAsync("/api/v1/complaints", Intake(Guid.NewGuid().ToString())), 404);
        await AssertProblem(await agent.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Phone", category = "Delivery", severity = "High", subject = "", description = "d" }), 400, "subject");
        await AssertProblem(await agent.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Fax", category = "Delivery", severity = "High", subject = "s", description = "d" }), 400);
        Assert.That(await CountAsync("complaints"), Is.Zero);

        var filed = await FileAsync(agent, account);
        await StepAsync(agent, filed, "acknowledge", new { response = "ok" });
        await AssertProblem(await ChangeAsync(agent, HttpMethod.Post, $"/api/v1/complaints/{filed["id"]}/assign", new { department = "Logistics", assigneeId = Guid.NewGuid() }, $"/api/v1/complaints/{filed["id"]}"), 400, "assigneeId");
        await StepAsync(agent, filed, "assign", new { department = "Logistics", assigneeId = await UserIdAsync("serviceagent") });
        await AssertProblem(await ChangeAsync(agent, HttpMethod.Post, $"/api/v1/complaints/{filed["id"]}/resolve", new { resolution = "Shipped", correctiveAction = "Check" }, $"/api/v1/complaints/{filed["id"]}"), 400, "rootCause");
        await AssertProblem(await ChangeAsync(agent, HttpMethod.Post, $"/api/v1/complaints/{filed["id"]}/acknowledge", new { response = "" }, $"/api/v1/complaints/{filed["id"]}"), 400, "response");
        var after = await Body(await agent.GetAsync($"/api/v1/complaints/{filed["id"]}"));
        Assert.That((after["status"]!.GetValue<string>(), after["timeline"]!.AsArray().Count), Is.EqualTo(("InProgress", 3)));
    }

    [Test]
    public async Task File_ReplayedWithTheSameIdempotencyKey_ReturnsTheFirstComplaint_EvenConcurrently()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-IDEM");
        using var agent = await As("serviceagent");
        var first = await FileAsync(agent, account, key: "helpdesk-4711");
        var replay = await FileAsync(agent, account, key: "helpdesk-4711");
        Assert.That(replay["id"]!.GetValue<string>(), Is.EqualTo(first["id"]!.GetValue<string>()));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => FileAsync(agent, account, key: "helpdesk-4712")));
        Assert.Multiple(async () =>
        {
            Assert.That(concurrent.Select(c => c["id"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await CountAsync("complaints"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Escalation_ReceivedLongAgo_IsTakenAtFiling_AndLaterByTheScan_EachStepOnceAndNotified()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-ESC");
        using var agent = await As("serviceagent");
        using var director = await As("director");
        // Standard tier, Critical: first response 12 h. Received 30 h ago: past twice the target when it is filed, so
        // filing takes the three steps at once (no minute of "on time" until the scan), with their notices.
        var filed = await FileAsync(agent, account, "Critical", DateTimeOffset.UtcNow.AddHours(-30));
        // Received 9 h ago (75 % of the target): no step yet; the scan takes them as the clock passes them.
        var fresh = await FileAsync(agent, await CreateAccountAsync("accountmanager", "CMP-ESC2"), "Critical", DateTimeOffset.UtcNow.AddHours(-9));
        Assert.That(filed["firstResponseTargetHours"]!.GetValue<double>(), Is.EqualTo(12));

        static (string, string, int?)[] Steps(JsonNode complaint) => [.. complaint["timeline"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() is "AtRisk" or "Escalated")
            .Select(e => (e!["kind"]!.GetValue<string>(), e["args"]!["clock"]!.GetValue<string>(), e["args"]!["level"]?.GetValue<int>()))];
        var threeSteps = new[] { ("AtRisk", "FirstResponse", (int?)null), ("Escalated", "FirstResponse", 1), ("Escalated", "FirstResponse", 2) };
        static async Task<JsonNode?> ReminderAsync(HttpClient user, JsonNode complaint) => (await Body(await user.GetAsync("/api/v1/me/reminders"))).AsArray()
            .SingleOrDefault(r => r!["kind"]!.GetValue<string>() == "ComplaintEscalated" && r["args"]!["complaintReference"]!.GetValue<string>() == complaint["reference"]!.GetValue<string>());

        Assert.Multiple(async () =>
        {
            Assert.That(filed["firstResponseClock"]!["escalationLevel"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(filed["firstResponseClock"]!["breached"]!.GetValue<bool>(), Is.True);
            Assert.That(filed["resolutionClock"]!["escalationLevel"]!.GetValue<int>(), Is.Zero, "30 h of an 84 h resolution target");
            Assert.That(filed["slaState"]!.GetValue<string>(), Is.EqualTo("Breached"));
            Assert.That(Steps(filed), Is.EqualTo(threeSteps));
            Assert.That((await ReminderAsync(director, filed))?["args"]!["level"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(fresh["slaState"]!.GetValue<string>(), Is.EqualTo("OnTime"));
            Assert.That(Steps(fresh), Is.Empty);
        });

        int now, later, again;
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            now = await mediator.Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow));
            later = await mediator.Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow.AddHours(3.5)));
            again = await mediator.Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow.AddHours(3.5).AddSeconds(30)));
        }

        var after = await Body(await agent.GetAsync($"/api/v1/complaints/{fresh["id"]}"));
        Assert.Multiple(async () =>
        {
            Assert.That((now, again), Is.EqualTo((0, 0)), "the steps taken at filing are not taken again; a second scan takes none");
            Assert.That(later, Is.GreaterThanOrEqualTo(2), "the fresh complaint's at-risk and level-1 steps (12.5 h of 12 h)");
            Assert.That(Steps(after), Is.EqualTo(threeSteps[..2]));
            Assert.That(after["firstResponseClock"]!["breached"]!.GetValue<bool>(), Is.True);
            using var quality = await As("qualitymanager");
            Assert.That((await ReminderAsync(quality, after))?["args"]!["level"]!.GetValue<int>(), Is.EqualTo(1));
        });

        // The open, breached complaint drags the account's health through the service signal: 100 − 20 − 30.
        using var manager = await As("accountmanager");
        var health = await Body(await manager.GetAsync($"/api/v1/accounts/{account}/health"));
        Assert.Multiple(() =>
        {
            Assert.That(health["components"]!.AsArray().Single(c => c!["component"]!.GetValue<string>() == "Service")!["score"]!.GetValue<int>(), Is.EqualTo(50));
            Assert.That(health["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Does.Contain("ServiceProblems"));
        });

        // The queue shows it as breached and overdue.
        var queue = await Body(await agent.GetAsync("/api/v1/complaints?overdue=true&slaState=Breached"));
        Assert.That(queue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(filed["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task EscalationScan_ClosesComplaintsResolvedSevenDaysAgo()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-AUTO");
        using var agent = await As("serviceagent");
        var filed = await FileAsync(agent, account);
        await StepAsync(agent, filed, "acknowledge", new { response = "ok" });
        await StepAsync(agent, filed, "assign", new { department = "Service", assigneeId = await UserIdAsync("serviceagent") });
        await StepAsync(agent, filed, "resolve", new { resolution = "Replaced", rootCause = "Manufacturing", correctiveAction = "Line check" });
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow.AddDays(6)));
            Assert.That((await Body(await agent.GetAsync($"/api/v1/complaints/{filed["id"]}")))["status"]!.GetValue<string>(), Is.EqualTo("Resolved"));
            await mediator.Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1)));
        }

        var closed = await Body(await agent.GetAsync($"/api/v1/complaints/{filed["id"]}"));
        Assert.That((closed["status"]!.GetValue<string>(), closed["timeline"]!.AsArray()[^1]!["byName"]), Is.EqualTo(("Closed", (JsonNode?)null)));
    }

    [Test]
    public async Task Metrics_ReportComplianceTimesTheRootCauseParetoAndARecurringRootCause()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-MET");
        using var agent = await As("serviceagent");
        var me = await UserIdAsync("serviceagent");
        for (var i = 0; i < 3; i++)
        {
            // Received 3 hours ago; High on a Standard account: first response 18 h, resolution 126 h. All on time.
            var filed = await FileAsync(agent, account, receivedAt: DateTimeOffset.UtcNow.AddHours(-3));
            await StepAsync(agent, filed, "acknowledge", new { response = "ok" });
            await StepAsync(agent, filed, "assign", new { department = "Logistics", assigneeId = me });
            await StepAsync(agent, filed, "resolve", new { resolution = "Re-shipped", rootCause = "Logistics", correctiveAction = "Carrier audit" });
        }

        await FileAsync(agent, account);
        var response = await agent.GetAsync("/api/v1/complaints/metrics");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var metrics = await Body(response);
        static decimal D(JsonNode? n) => n!.GetValue<decimal>();
        Assert.Multiple(() =>
        {
            Assert.That(metrics["overall"]!["complaints"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(D(metrics["overall"]!["firstResponseCompliance"]), Is.EqualTo(100m));
            Assert.That(D(metrics["overall"]!["resolutionCompliance"]), Is.EqualTo(100m));
            Assert.That(D(metrics["overall"]!["medianResolutionHours"]), Is.EqualTo(3m).Within(0.2m));
            Assert.That(metrics["byDepartment"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Logistics", "Unassigned" }));
            Assert.That(metrics["rootCauses"]![0]!["rootCause"]!.GetValue<string>(), Is.EqualTo("Logistics"));
            Assert.That(D(metrics["rootCauses"]![0]!["cumulativeShare"]), Is.EqualTo(100m));
            var recurring = metrics["recurring"]!.AsArray().Single()!;
            Assert.That((recurring["accountId"]!.GetValue<string>(), recurring["complaints"]!.GetValue<int>()), Is.EqualTo((account, 3)));
        });
        await AssertProblem(await agent.GetAsync("/api/v1/complaints/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "to");
    }

    [Test]
    public async Task SlaPolicy_ANewVersionAppliesToComplaintsReceivedAfterIt_AndBadPoliciesAreRefused()
    {
        var account = await CreateAccountAsync("accountmanager", "CMP-SLA");
        using var agent = await As("serviceagent");
        using var quality = await As("qualitymanager");
        var before = await FileAsync(agent, account, "Critical");
        var read = await quality.GetAsync("/api/v1/complaints/sla-policy");
        var policy = await Body(read);
        var etag = read.Headers.ETag!.Tag;
        Assert.That(policy["matrix"]!.AsArray().Single(c => c!["tier"]!.GetValue<string>() == "Strategic" && c["severity"]!.GetValue<string>() == "Critical")!["firstResponseHours"]!.GetValue<double>(), Is.EqualTo(2));

        object Scales(int criticalFirst, int criticalResolution) => new[]
        {
            new { severity = "Critical", firstResponsePercent = criticalFirst, resolutionPercent = criticalResolution },
            new { severity = "High", firstResponsePercent = 75, resolutionPercent = 75 },
            new { severity = "Medium", firstResponsePercent = 100, resolutionPercent = 100 },
            new { severity = "Low", firstResponsePercent = 100, resolutionPercent = 100 },
        };

        // A resolution shorter than the first response, overlapping hours, an unknown zone: broken rules naming the field, nothing saved.
        await AssertProblem(await SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", new { severities = Scales(500, 5) }, etag), 409, "severities");
        await AssertProblem(await SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", new
        {
            severities = Scales(25, 50),
            calendar = new { alwaysOpen = false, timeZone = "Asia/Shanghai", holidays = Array.Empty<string>(), hours = new[] { new { day = "Monday", start = "09:00", end = "13:00" }, new { day = "Monday", start = "12:00", end = "18:00" } } },
        }, etag), 409, "hours");
        await AssertProblem(await SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", new
        {
            severities = Scales(25, 50),
            calendar = new { alwaysOpen = false, timeZone = "Mars/Olympus", holidays = Array.Empty<string>(), hours = new[] { new { day = "Monday", start = "09:00", end = "18:00" } } },
        }, etag), 409, "timeZone");
        using var manager = await As("accountmanager");
        Assert.That((int)(await manager.PutAsJsonAsync("/api/v1/complaints/sla-policy", new { severities = Scales(25, 50) })).StatusCode, Is.EqualTo(403));

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/complaints/sla-policy") { Content = JsonContent.Create(new { severities = Scales(25, 50) }) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        var saved = await quality.SendAsync(put);
        Assert.That((int)saved.StatusCode, Is.EqualTo(200), await saved.Content.ReadAsStringAsync());
        Assert.That((await Body(saved))["number"]!.GetValue<int>(), Is.EqualTo(1));

        // Standard tier: 24 h first response; Critical now 25 % = 6 h. The complaint filed before keeps its 12 h.
        var after = await FileAsync(agent, account, "Critical");
        var old = await Body(await agent.GetAsync($"/api/v1/complaints/{before["id"]}"));
        Assert.That((after["firstResponseTargetHours"]!.GetValue<double>(), old["firstResponseTargetHours"]!.GetValue<double>()), Is.EqualTo((6d, 12d)));
    }

    [Test]
    public async Task AnotherManagersAccountsComplaint_IsNotFound_AndNotListed()
    {
        var account = await CreateAccountAsync("accountmanager2", "CMP-OTHER");
        using var agent = await As("serviceagent");
        var filed = await FileAsync(agent, account);
        using var manager = await As("accountmanager");
        await AssertProblem(await manager.GetAsync($"/api/v1/complaints/{filed["id"]}"), 404);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"/api/v1/complaints/{filed["id"]}/acknowledge", new { response = "x" }, ifMatch: "\"1\""), 404);
        await AssertProblem(await manager.PostAsJsonAsync("/api/v1/complaints", Intake(account)), 404);
        var list = await Body(await manager.GetAsync("/api/v1/complaints"));
        Assert.That(list["totalCount"]!.GetValue<int>(), Is.Zero);
        using var owner = await As("accountmanager2");
        Assert.That((await Body(await owner.GetAsync("/api/v1/complaints")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }
}
