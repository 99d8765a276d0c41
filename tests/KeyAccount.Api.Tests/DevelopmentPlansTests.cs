using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

public class DevelopmentPlansTests : ApiTestBase
{
    private const string Plans = "/api/v1/development-plans";

    public static object NewPlan(string accountId, string start = "2026-01-01", string end = "2027-12-31", string title = "2026–2027 华东精密发展计划") => new
    {
        accountId,
        title,
        startDate = start,
        endDate = end,
        valueProposition = "以稳定交付和联合研发帮助客户缩短新品上市周期。",
        strategicPriorities = new[] { "扩大汽车零部件份额", "建立联合研发实验室" },
    };

    /// <summary>A whole draft: a manual currency objective, a metric-sourced one, an initiative on the first, a milestone, a stakeholder and a SWOT item.</summary>
    public static Dictionary<string, object?> Document(string ownerId, string? contactId = null, string start = "2026-01-01", string end = "2027-12-31") => new()
    {
        ["title"] = "2026–2027 华东精密发展计划",
        ["startDate"] = start,
        ["endDate"] = end,
        ["valueProposition"] = "以稳定交付和联合研发帮助客户缩短新品上市周期。",
        ["strategicPriorities"] = new[] { "扩大汽车零部件份额" },
        ["objectives"] = new List<Dictionary<string, object?>>
        {
            new() { ["title"] = "汽车零部件年收入达到 1,500 万元", ["unit"] = "Currency", ["direction"] = "HigherIsBetter", ["baseline"] = 9_000_000m, ["target"] = 15_000_000m, ["currency"] = "CNY", ["source"] = "Manual", ["dueDate"] = end, ["actual"] = 10_500_000m },
            new() { ["title"] = "净推荐值提升到 40", ["unit"] = "Number", ["direction"] = "HigherIsBetter", ["baseline"] = 10m, ["target"] = 40m, ["source"] = "AccountNps", ["dueDate"] = end },
        },
        ["initiatives"] = new List<Dictionary<string, object?>>
        {
            new() { ["title"] = "建立联合研发实验室", ["ownerId"] = ownerId, ["department"] = "Technical", ["dueDate"] = start, ["status"] = "InProgress", ["objectiveIndex"] = 0, ["budget"] = new { amount = "250000.00", currency = "CNY" }, ["personDays"] = 40m },
        },
        ["milestones"] = new[] { new { title = "联合实验室揭牌", dueDate = end } },
        ["stakeholders"] = contactId is null ? Array.Empty<object>() : new object[] { new { contactId, note = "决定研发预算" } },
        ["swot"] = new[] { new { quadrant = "Opportunity", text = "客户新建新能源产线", evidence = new { kind = "RevenueTrend", reference = "2026-Q3" } } },
    };

    private static async Task<string> UserIdAsync(string user)
    {
        using var client = await As(user);
        return (await Body(await client.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> CreateAsync(HttpClient client, object body, string? key = null, int expected = 201)
    {
        var response = await SendAsync(client, HttpMethod.Post, Plans, body, idempotencyKey: key);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode plan, object document) =>
        await ChangeAsync(client, HttpMethod.Put, $"{Plans}/{plan["id"]}", document, $"{Plans}/{plan["id"]}");

    private static async Task<JsonNode> StepAsync(HttpClient client, JsonNode plan, string action, object? body = null, int expected = 200)
    {
        var response = await ChangeAsync(client, HttpMethod.Post, $"{Plans}/{plan["id"]}/{action}", body, $"{Plans}/{plan["id"]}");
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), $"{action}: {await response.Content.ReadAsStringAsync()}");
        return await Body(response);
    }

    /// <summary>A manager's account with a contact, and a drafted plan with the whole document on it.</summary>
    internal static async Task<(string Account, JsonNode Plan)> DraftFullPlanAsync(HttpClient manager, string registration, string start = "2026-01-01", string end = "2027-12-31")
    {
        var account = await CreateAccountAsync("accountmanager", registration);
        var contact = await Body(await manager.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact()));
        var plan = await CreateAsync(manager, NewPlan(account, start, end));
        var response = await PutAsync(manager, plan, Document(await UserIdAsync("accountmanager"), contact["id"]!.GetValue<string>(), start, end));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (account, await Body(response));
    }

    private static async Task<int> CountAsync(string table)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
#pragma warning disable EF1002 // table names are constants of this test
        return await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {table}").SingleAsync();
#pragma warning restore EF1002
    }

    private static string[] Actions(JsonNode plan) => [.. plan["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>())];

    [Test]
    public async Task Create_InChineseAtABeijingMorning_ThenEditTheDraft_ComputesProgressAndFlags()
    {
        // 07:30 in Beijing on 2 December is still 1 December in UTC: the instant is stored as the same instant.
        var at = new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.FromHours(8));
        TestClock.Instance.Set(at);
        try
        {
            using var manager = await As("accountmanager");
            var account = await CreateAccountAsync("accountmanager", "PLAN-CN");
            var created = await CreateAsync(manager, NewPlan(account));
            Assert.Multiple(() =>
            {
                Assert.That(created["title"]!.GetValue<string>(), Is.EqualTo("2026–2027 华东精密发展计划"));
                Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
                Assert.That(created["planVersion"]!.GetValue<int>(), Is.EqualTo(1));
                Assert.That(created["reviewCadenceMonths"]!.GetValue<int>(), Is.EqualTo(3));
                Assert.That(created["accountName"]!.GetValue<string>(), Is.EqualTo("华东精密制造有限公司"));
                Assert.That(created["ownerName"]!.GetValue<string>(), Is.EqualTo("Manager One"));
                Assert.That(created["authorName"]!.GetValue<string>(), Is.EqualTo("Manager One"));
                Assert.That(created["updatedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(at));
                Assert.That(created["progress"], Is.Null);
                Assert.That(Actions(created), Is.EqualTo(new[] { "submit" }));
                Assert.That(created["canEdit"]!.GetValue<bool>(), Is.True);
            });

            var contact = await Body(await manager.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact()));
            var response = await PutAsync(manager, created, Document(await UserIdAsync("accountmanager"), contact["id"]!.GetValue<string>()));
            var plan = await Body(response);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), plan.ToJsonString());
            Assert.Multiple(() =>
            {
                var objective = plan["objectives"]![0]!;
                // (10.5 M − 9 M) / (15 M − 9 M) = 25 %; the metric-sourced objective has no actual yet and counts 0.
                Assert.That(objective["progress"]!.GetValue<decimal>(), Is.EqualTo(25.0m));
                Assert.That(plan["objectives"]![1]!["progress"], Is.Null);
                Assert.That(plan["progress"]!.GetValue<decimal>(), Is.EqualTo(12.5m));
                Assert.That(objective["currency"]!.GetValue<string>(), Is.EqualTo("CNY"));
                Assert.That(objective["expectedProgress"]!.GetValue<decimal>(), Is.GreaterThan(0m).And.LessThan(100m));
                Assert.That(objective["baselineTarget"], Is.Null, "no approved baseline yet");
                var initiative = plan["initiatives"]![0]!;
                Assert.That(initiative["objectiveId"]!.GetValue<string>(), Is.EqualTo(objective["id"]!.GetValue<string>()));
                Assert.That(initiative["budget"]!["amount"]!.GetValue<string>(), Is.EqualTo("250000.00"));
                Assert.That(initiative["overdue"]!.GetValue<bool>(), Is.True, "due 2026-01-01, not done");
                Assert.That(plan["hasOverdueInitiatives"]!.GetValue<bool>(), Is.True);
                Assert.That((plan["initiativesTotal"]!.GetValue<int>(), plan["initiativesDone"]!.GetValue<int>(), plan["objectivesCount"]!.GetValue<int>()), Is.EqualTo((1, 0, 2)));
                Assert.That(plan["stakeholders"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("王芳"));
                Assert.That(plan["swot"]![0]!["evidence"]!["kind"]!.GetValue<string>(), Is.EqualTo("RevenueTrend"));
                Assert.That(plan["milestones"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("联合实验室揭牌"));
            });

            // The list reads the same stored figures, and filters on them.
            var list = await Body(await manager.GetAsync($"{Plans}?overdue=true&q=华东"));
            Assert.That(list["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            var row = list["items"]![0]!;
            Assert.That((row["progress"]!.GetValue<decimal>(), row["hasOverdueInitiatives"]!.GetValue<bool>(), row["objectivesCount"]!.GetValue<int>(), row["accountTier"]!.GetValue<string>()),
                Is.EqualTo((12.5m, true, 2, "Standard")));
            Assert.That((await Body(await manager.GetAsync($"{Plans}?needsReview=true")))["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That((await Body(await manager.GetAsync($"{Plans}?status=Approved&status=Active")))["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That((await Body(await manager.GetAsync($"{Plans}?status=Draft&sort=progress&direction=asc")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));

            // Marking the initiative done clears the flag; it was done on the customers' calendar day (PlanDay: Beijing),
            // 2 December, although the instant is still 1 December in UTC.
            var done = await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/initiatives/{plan["initiatives"]![0]!["id"]}/status", new { status = "Done" }, $"{Plans}/{plan["id"]}");
            var after = await Body(done);
            Assert.That((int)done.StatusCode, Is.EqualTo(200), after.ToJsonString());
            Assert.That((after["initiativesDone"]!.GetValue<int>(), after["hasOverdueInitiatives"]!.GetValue<bool>(), after["initiatives"]![0]!["completedOn"]!.GetValue<string>()),
                Is.EqualTo((1, false, "2026-12-02")));
        }
        finally
        {
            TestClock.Instance.Reset();
        }
    }

    [Test]
    public async Task BadInput_IsA4xxNamingTheField_AndWritesNothing()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-BAD");
        var me = await UserIdAsync("accountmanager");

        // A period under 1 year or over 3 years.
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account, "2026-01-01", "2026-12-30")), 409, "endDate");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account, "2026-01-01", "2029-01-01")), 409, "endDate");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account, title: "")), 400, "title");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account, title: new string('计', 201))), 400, "title");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(Guid.NewGuid().ToString())), 404);
        Assert.That(await CountAsync("development_plans"), Is.Zero);

        // The limits themselves are accepted: exactly 1 and exactly 3 years, a 200-character title.
        await CreateAsync(manager, NewPlan(account, "2026-03-01", "2027-02-28", new string('计', 200)));
        var plan = await CreateAsync(manager, NewPlan(account, "2026-01-01", "2028-12-31"));
        var etag = await ETagOf(manager, $"{Plans}/{plan["id"]}");

        async Task Refused(Action<Dictionary<string, object?>> change, int status, string field)
        {
            var document = Document(me);
            change(document);
            await AssertProblem(await SendAsync(manager, HttpMethod.Put, $"{Plans}/{plan["id"]}", document, ifMatch: etag), status, field);
        }

        static Dictionary<string, object?> Objective(Dictionary<string, object?> d, int i) => ((List<Dictionary<string, object?>>)d["objectives"]!)[i];
        static Dictionary<string, object?> Initiative(Dictionary<string, object?> d, int i) => ((List<Dictionary<string, object?>>)d["initiatives"]!)[i];
        await Refused(d => Objective(d, 0)["target"] = 9_000_000m, 409, "objectives[0].target");
        await Refused(d => Objective(d, 1)["actual"] = 25m, 409, "objectives[1].actual");
        await Refused(d => Initiative(d, 0)["ownerId"] = Guid.NewGuid().ToString(), 400, "initiatives[0].ownerId");
        await Refused(d => d["stakeholders"] = new[] { new { contactId = Guid.NewGuid().ToString() } }, 400, "stakeholders[0].contactId");
        await Refused(d => d["endDate"] = "2029-12-31", 409, "endDate");
        await Refused(d => Objective(d, 0)["baseline"] = 1.23456m, 400, "objectives[0].baseline");
        await Refused(d => Initiative(d, 0)["objectiveIndex"] = 5, 409, "initiatives[0].objectiveIndex");

        var unchanged = await Body(await manager.GetAsync($"{Plans}/{plan["id"]}"));
        Assert.Multiple(() =>
        {
            Assert.That(unchanged["objectives"]!.AsArray(), Is.Empty);
            Assert.That(unchanged["initiatives"]!.AsArray(), Is.Empty);
            Assert.That(unchanged["endDate"]!.GetValue<string>(), Is.EqualTo("2028-12-31"));
        });
        Assert.That(await CountAsync("plan_objectives"), Is.Zero);
        Assert.That(await CountAsync("plan_initiatives"), Is.Zero);

        // An initiative owned by a deactivated user is refused like an unknown one.
        await ExecuteSqlAsync($"UPDATE users SET is_active = false WHERE email = 'marketing@test.local'");
        await Refused(d => Initiative(d, 0)["ownerId"] = ApiFixture.Users["marketing"].Id.Value.ToString(), 400, "initiatives[0].ownerId");
        await ExecuteSqlAsync($"UPDATE users SET is_active = true WHERE email = 'marketing@test.local'");
    }

    [Test]
    public async Task Approve_ByTheAuthorOrSubmitter_IsRefused_FourEyes()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-4EYES");

        // A Director's own plan: drafted and submitted by them, not approved by them.
        var account = await CreateAccountAsync("director", "PLAN-4EYES-D");
        var own = await CreateAsync(director, NewPlan(account));
        var response = await PutAsync(director, own, Document(await UserIdAsync("director")));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await StepAsync(director, own, "submit");
        var refused = await StepAsync(director, own, "approve", expected: 409);
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("plan-four-eyes"));
        Assert.That((await Body(await director.GetAsync($"{Plans}/{own["id"]}")))["status"]!.GetValue<string>(), Is.EqualTo("Submitted"));

        // A manager may not approve at all; the Director approves the manager's plan.
        await StepAsync(manager, plan, "submit");
        await AssertProblem(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/approve", null, $"{Plans}/{plan["id"]}"), 403);
        var approved = await StepAsync(director, plan, "approve");
        Assert.Multiple(() =>
        {
            Assert.That(approved["status"]!.GetValue<string>(), Is.EqualTo("Approved"));
            Assert.That(approved["approvedBy"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["director"].Id.Value.ToString()));
            Assert.That(approved["baseline"]!["planVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(approved["objectives"]![0]!["baselineTarget"]!.GetValue<decimal>(), Is.EqualTo(15_000_000m));
            Assert.That(approved["canEdit"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task TheStateMachine_OverHttp_FollowsTheTable_AndEveryOtherStepIs409()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-SM");
        var steps = new (HttpClient Client, string Action, object? Body, string To)[]
        {
            (manager, "submit", null, "Submitted"),
            (director, "reject", new { comment = "请补充新能源产线的收入目标。" }, "Draft"),
            (manager, "submit", null, "Submitted"),
            (director, "approve", null, "Approved"),
            (manager, "activate", null, "Active"),
            (manager, "complete", null, "Completed"),
        };
        var all = new (HttpClient Client, string Action, object? Body)[]
        {
            (manager, "submit", null), (director, "approve", null), (director, "reject", new { comment = "不行" }),
            (manager, "activate", null), (manager, "complete", null), (manager, "cancel", new { reason = "客户被收购" }),
        };
        foreach (var (client, action, body, to) in steps)
        {
            var status = Enum.Parse<PlanStatus>(plan["status"]!.GetValue<string>());
            foreach (var (otherClient, other, otherBody) in all.Where(a => !PlanWorkflow.Allows(status, Enum.Parse<PlanAction>(a.Action, ignoreCase: true))))
            {
                var refused = await StepAsync(otherClient, plan, other, otherBody, expected: 409);
                Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("plan-transition-not-allowed"), $"{other} from {status}");
            }

            plan = await StepAsync(client, plan, action, body);
            Assert.That(plan["status"]!.GetValue<string>(), Is.EqualTo(to), $"{action} from {status}");
            var expected = PlanWorkflow.AllowedActions(Enum.Parse<PlanStatus>(to)).Select(a => a.ToString().ToLowerInvariant());
            Assert.That(Actions(plan), Is.EqualTo(PlanWorkflow.IsInForce(Enum.Parse<PlanStatus>(to)) ? expected.Append("revise") : expected), "revise is offered while the plan is in force and not revised");
            if (action == "reject")
            {
                Assert.That(plan["rejection"]!["comment"]!.GetValue<string>(), Is.EqualTo("请补充新能源产线的收入目标。"));
            }
        }

        // Editing is for drafts only; a completed plan records no progress; cancelling needs a reason.
        var edit = await PutAsync(manager, plan, Document(await UserIdAsync("accountmanager")));
        Assert.That((await AssertProblem(edit, 409))["code"]!.GetValue<string>(), Is.EqualTo("plan-not-editable"));
        var (_, second) = await DraftFullPlanAsync(manager, "PLAN-SM2", "2028-01-01", "2029-12-31");
        await StepAsync(manager, second, "submit");
        await StepAsync(director, second, "approve");
        await AssertProblem(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{second["id"]}/cancel", new { reason = "" }, $"{Plans}/{second["id"]}"), 400, "reason");
        var cancelled = await StepAsync(manager, second, "cancel", new { reason = "客户被收购" });
        Assert.That((cancelled["status"]!.GetValue<string>(), cancelled["cancellationReason"]!.GetValue<string>()), Is.EqualTo(("Cancelled", "客户被收购")));

        // Every step went to the outbox under its public name.
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var types = await db.OutboxMessages.Where(m => m.Type.StartsWith("development_plan.")).Select(m => m.Type).ToListAsync();
        Assert.That(types, Is.SupersetOf(new[]
        {
            "development_plan.submitted", "development_plan.rejected", "development_plan.approved", "development_plan.activated",
            "development_plan.completed", "development_plan.cancelled",
        }));
        Assert.That(types.Count(t => t == "development_plan.submitted"), Is.EqualTo(3));
    }

    [Test]
    public async Task AStaleIfMatch_Is412_AndChangesNothing()
    {
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-412");
        var stale = await ETagOf(manager, $"{Plans}/{plan["id"]}");
        await StepAsync(manager, plan, "submit");
        var document = Document(await UserIdAsync("accountmanager"));
        document["title"] = "改过的标题";
        await AssertProblem(await SendAsync(manager, HttpMethod.Put, $"{Plans}/{plan["id"]}", document, ifMatch: stale), 412);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/submit", null, ifMatch: stale), 412);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/submit", null), 428);
        var now = await Body(await manager.GetAsync($"{Plans}/{plan["id"]}"));
        Assert.That((now["status"]!.GetValue<string>(), now["title"]!.GetValue<string>()), Is.EqualTo(("Submitted", "2026–2027 华东精密发展计划")));
    }

    [Test]
    public async Task Create_ReplayedWithTheSameIdempotencyKey_ReturnsTheFirstPlan_AndAnotherBodyIs422()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-IDEM");
        var first = await CreateAsync(manager, NewPlan(account), key: "plan-4711");
        var replay = await CreateAsync(manager, NewPlan(account), key: "plan-4711");
        Assert.That(replay["id"]!.GetValue<string>(), Is.EqualTo(first["id"]!.GetValue<string>()));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account), idempotencyKey: "plan-4712")));
        var ids = new List<string>();
        foreach (var response in concurrent)
        {
            if ((int)response.StatusCode == 201)
            {
                ids.Add((await Body(response))["id"]!.GetValue<string>());
            }
            else
            {
                await AssertProblem(response, 409);
            }
        }

        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(account, title: "另一个"), idempotencyKey: "plan-4711"), 422);
        Assert.That(await CountAsync("development_plans"), Is.EqualTo(2));
    }

    [Test]
    public async Task Revise_ThenApprove_SupersedesThePreviousVersion_AndTheDiffShowsTheChange()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, v1) = await DraftFullPlanAsync(manager, "PLAN-REV");
        await StepAsync(manager, v1, "submit");
        await StepAsync(director, v1, "approve");
        v1 = await StepAsync(manager, v1, "activate");
        Assert.That(v1["nextReviewDue"], Is.Not.Null);

        var revised = await SendAsync(manager, HttpMethod.Post, $"{Plans}/{v1["id"]}/revise", null);
        Assert.That((int)revised.StatusCode, Is.EqualTo(201), await revised.Content.ReadAsStringAsync());
        Assert.That(revised.Headers.Location?.ToString(), Does.StartWith(Plans + "/"));
        var secondRevision = await SendAsync(manager, HttpMethod.Post, $"{Plans}/{v1["id"]}/revise", null);
        Assert.That((await AssertProblem(secondRevision, 409))["code"]!.GetValue<string>(), Is.EqualTo("plan-revision-exists"));
        var revisedV1 = await Body(await manager.GetAsync($"{Plans}/{v1["id"]}"));
        Assert.Multiple(() =>
        {
            Assert.That(Actions(revisedV1), Does.Not.Contain("revise"), "a revision exists: the server no longer offers one");
            Assert.That(revisedV1["revisionId"]!.GetValue<string>(), Is.EqualTo(revised.Headers.Location!.ToString().Split('/')[^1]));
        });
        var v2 = (await Body(await manager.GetAsync($"{Plans}?accountId={v1["accountId"]}&status=Draft")))["items"]![0]!;
        v2 = await Body(await manager.GetAsync($"{Plans}/{v2["id"]}"));
        Assert.Multiple(() =>
        {
            Assert.That((v2["planVersion"]!.GetValue<int>(), v2["status"]!.GetValue<string>()), Is.EqualTo((2, "Draft")));
            Assert.That(v2["previousVersionId"]!.GetValue<string>(), Is.EqualTo(v1["id"]!.GetValue<string>()));
            Assert.That(v2["objectives"]![0]!["baselineTarget"]!.GetValue<decimal>(), Is.EqualTo(15_000_000m), "compared with the version in force");
        });

        // Raise the first objective's target, drop the second objective, keep the initiative.
        var document = Document(await UserIdAsync("accountmanager"));
        var objectives = (List<Dictionary<string, object?>>)document["objectives"]!;
        objectives[0]["id"] = v2["objectives"]![0]!["id"]!.GetValue<string>();
        objectives[0]["target"] = 18_000_000m;
        objectives.RemoveAt(1);
        ((List<Dictionary<string, object?>>)document["initiatives"]!)[0]["id"] = v2["initiatives"]![0]!["id"]!.GetValue<string>();
        document["endDate"] = "2028-06-30";
        ((List<Dictionary<string, object?>>)document["objectives"]!)[0]["dueDate"] = "2028-06-30";
        var edited = await PutAsync(manager, v2, document);
        Assert.That((int)edited.StatusCode, Is.EqualTo(200), await edited.Content.ReadAsStringAsync());

        var changes = await Body(await director.GetAsync($"{Plans}/{v2["id"]}/changes"));
        Assert.Multiple(() =>
        {
            Assert.That(changes["previousPlanVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(changes["fields"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()), Is.EqualTo(new[] { "endDate" }));
            Assert.That(changes["objectives"]!.AsArray().Select(o => o!["change"]!.GetValue<string>()), Is.EqualTo(new[] { "Changed", "Removed" }));
            Assert.That(changes["objectives"]![0]!["before"]!["target"]!.GetValue<decimal>(), Is.EqualTo(15_000_000m));
            Assert.That(changes["objectives"]![0]!["after"]!["target"]!.GetValue<decimal>(), Is.EqualTo(18_000_000m));
            Assert.That(changes["initiatives"]!.AsArray().Select(o => o!["change"]!.GetValue<string>()), Is.EqualTo(new[] { "Unchanged" }));
        });

        await StepAsync(manager, v2, "submit");
        var approved = await StepAsync(director, v2, "approve");
        var previous = await Body(await manager.GetAsync($"{Plans}/{v1["id"]}"));
        Assert.Multiple(() =>
        {
            Assert.That(approved["status"]!.GetValue<string>(), Is.EqualTo("Approved"));
            Assert.That(approved["objectives"]![0]!["baselineTarget"]!.GetValue<decimal>(), Is.EqualTo(18_000_000m));
            Assert.That((previous["status"]!.GetValue<string>(), previous["nextReviewDue"]), Is.EqualTo(("Superseded", (JsonNode?)null)));
            Assert.That(Actions(previous), Is.Empty);
        });
        Assert.That((await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{v1["id"]}/revise", null), 409))["code"]!.GetValue<string>(), Is.EqualTo("plan-not-in-force"));
    }

    [Test]
    public async Task Approve_ASecondPlanOverlappingOneInForce_Is409OnStartDate()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (account, first) = await DraftFullPlanAsync(manager, "PLAN-OVERLAP");
        await StepAsync(manager, first, "submit");
        await StepAsync(director, first, "approve");

        // Same account, overlapping by its last day.
        var second = await CreateAsync(manager, NewPlan(account, "2027-12-31", "2028-12-30"));
        Assert.That((int)(await PutAsync(manager, second, Document(await UserIdAsync("accountmanager"), start: "2027-12-31", end: "2028-12-30"))).StatusCode, Is.EqualTo(200));
        await StepAsync(manager, second, "submit");
        var refused = await AssertProblem(await ChangeAsync(director, HttpMethod.Post, $"{Plans}/{second["id"]}/approve", null, $"{Plans}/{second["id"]}"), 409, "startDate");
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("plan-overlaps"));
        Assert.That((await Body(await manager.GetAsync($"{Plans}/{second["id"]}")))["status"]!.GetValue<string>(), Is.EqualTo("Submitted"));

        // The day after the first one ends, a plan may follow it.
        var third = await CreateAsync(manager, NewPlan(account, "2028-01-01", "2028-12-31"));
        Assert.That((int)(await PutAsync(manager, third, Document(await UserIdAsync("accountmanager"), start: "2028-01-01", end: "2028-12-31"))).StatusCode, Is.EqualTo(200));
        await StepAsync(manager, third, "submit");
        await StepAsync(director, third, "approve");
    }

    [Test]
    public async Task AnAccountManager_PlansOnlyForAccountsTheyMaySee_OthersAre404()
    {
        using var owner = await As("accountmanager2");
        using var manager = await As("accountmanager");
        var othersAccount = await CreateAccountAsync("accountmanager2", "PLAN-OTHERS");
        var othersPlan = await CreateAsync(owner, NewPlan(othersAccount));
        var id = othersPlan["id"]!.GetValue<string>();

        await AssertProblem(await SendAsync(manager, HttpMethod.Post, Plans, NewPlan(othersAccount)), 404);
        await AssertProblem(await manager.GetAsync($"{Plans}/{id}"), 404);
        await AssertProblem(await manager.GetAsync($"{Plans}/{id}/changes"), 404);
        await AssertProblem(await manager.GetAsync($"{Plans}/{id}/reviews"), 404);
        await AssertProblem(await SendAsync(manager, HttpMethod.Put, $"{Plans}/{id}", Document(await UserIdAsync("accountmanager")), ifMatch: "\"1\""), 404);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{id}/submit", null, ifMatch: "\"1\""), 404);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{id}/revise", null), 404);
        Assert.That((await Body(await manager.GetAsync(Plans)))["totalCount"]!.GetValue<int>(), Is.Zero);
        Assert.That((await Body(await manager.GetAsync($"{Plans}?accountId={othersAccount}")))["totalCount"]!.GetValue<int>(), Is.Zero);

        // The owner, a Director and a QualityManager (reads all) see it; a ServiceAgent has no plans:read.
        Assert.That((int)(await owner.GetAsync($"{Plans}/{id}")).StatusCode, Is.EqualTo(200));
        using var quality = await As("qualitymanager");
        Assert.That((await Body(await quality.GetAsync(Plans)))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        await AssertProblem(await SendAsync(quality, HttpMethod.Post, Plans, NewPlan(othersAccount)), 403);
        using var agent = await As("serviceagent");
        await AssertProblem(await agent.GetAsync(Plans), 403);
    }

    [Test]
    public async Task Actuals_AManualMeasureTakesOne_AMetricSourcedOneRefusesIt_OnValue()
    {
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-ACT");
        var manual = plan["objectives"]![0]!["id"]!.GetValue<string>();
        var metric = plan["objectives"]![1]!["id"]!.GetValue<string>();
        var refused = await AssertProblem(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/objectives/{metric}/actual", new { value = 30 }, $"{Plans}/{plan["id"]}"), 409, "value");
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("measure-actual-computed"));

        var recorded = await Body(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/objectives/{manual}/actual", new { value = 16_000_000 }, $"{Plans}/{plan["id"]}"));
        Assert.Multiple(() =>
        {
            Assert.That(recorded["objectives"]![0]!["progress"]!.GetValue<decimal>(), Is.EqualTo(100.0m), "overshooting is capped");
            Assert.That(recorded["progress"]!.GetValue<decimal>(), Is.EqualTo(50.0m));
            Assert.That(recorded["objectives"]![1]!["actual"], Is.Null);
        });
        await AssertProblem(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/objectives/{Guid.NewGuid()}/actual", new { value = 1 }, $"{Plans}/{plan["id"]}"), 404);
    }

    [Test]
    public async Task AMetricBoundMeasure_HasItsActualOnSave_AndARevenueImportMovesIt()
    {
        using var manager = await As("accountmanager");
        using var director = await As("director");
        var account = await CreateAccountAsync("accountmanager", "PLAN-METRIC");
        var plan = await CreateAsync(manager, NewPlan(account));
        var document = Document(await UserIdAsync("accountmanager"));
        var objectives = (List<Dictionary<string, object?>>)document["objectives"]!;
        objectives[1] = new() { ["title"] = "年收入（滚动 12 个月）达到 10 万元", ["unit"] = "Currency", ["direction"] = "HigherIsBetter", ["baseline"] = 0m, ["target"] = 100_000m, ["currency"] = "CNY", ["source"] = "TtmRevenue", ["dueDate"] = "2027-12-31" };

        var saved = await PutAsync(manager, plan, document);
        Assert.That((int)saved.StatusCode, Is.EqualTo(200), await saved.Content.ReadAsStringAsync());
        var draft = await Body(saved);
        Assert.Multiple(() =>
        {
            Assert.That(draft["objectives"]![1]!["actual"]!.GetValue<decimal>(), Is.EqualTo(0m), "measured at the save: no revenue yet is 0, not unknown");
            Assert.That(draft["objectives"]![1]!["progress"]!.GetValue<decimal>(), Is.EqualTo(0m));
        });

        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var import = await director.PostAsJsonAsync("/api/v1/revenue/import", new { rows = new[] { new { accountId = account, month = lastMonth, revenue = 50_000m, grossProfit = 10_000m, orderCount = 2, currency = "CNY" } } });
        Assert.That((int)import.StatusCode, Is.EqualTo(200), await import.Content.ReadAsStringAsync());

        var after = await manager.GetAsync($"{Plans}/{plan["id"]}");
        var read = await Body(after);
        Assert.Multiple(() =>
        {
            Assert.That(read["objectives"]![1]!["actual"]!.GetValue<decimal>(), Is.EqualTo(50_000m), "the import measured the plan in its own transaction");
            Assert.That(read["objectives"]![1]!["progress"]!.GetValue<decimal>(), Is.EqualTo(50.0m));
            Assert.That(read["objectives"]![0]!["actual"]!.GetValue<decimal>(), Is.EqualTo(10_500_000m), "a manual measure keeps its typed actual");
            Assert.That(after.Headers.ETag, Is.Not.EqualTo(saved.Headers.ETag), "the plan changed: a client holding the old version gets a 412");
        });
    }

    [Test]
    public async Task Reviews_OfAnActivePlan_SnapshotEachObjective_AndMoveTheNextReview()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-REVIEW");
        var objective = plan["objectives"]![0]!["id"]!.GetValue<string>();
        var early = await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/reviews", new { heldOn = "2026-11-30", decisions = "继续" });
        Assert.That((await AssertProblem(early, 409))["code"]!.GetValue<string>(), Is.EqualTo("plan-not-active"));

        await StepAsync(manager, plan, "submit");
        await StepAsync(director, plan, "approve");
        await StepAsync(manager, plan, "activate");
        // The business day (Beijing): from 16:00 UTC it is already tomorrow there, and a review held "today" in UTC would not be in the future.
        var today = KeyAccount.Domain.Common.BusinessDay.Today(DateTimeOffset.UtcNow);
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/reviews", new { heldOn = today.AddDays(1), decisions = "继续" }), 409, "heldOn");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/reviews", new { heldOn = today, decisions = "" }), 400, "decisions");

        var body = new { heldOn = today, decisions = "加派两名应用工程师支持新品试产。", objectives = new[] { new { objectiveId = objective, comment = "新产线投产推迟一个季度。" } } };
        var created = await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/reviews", body, idempotencyKey: "review-1");
        var review = await Body(created);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), review.ToJsonString());
        var replay = await Body(await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/reviews", body, idempotencyKey: "review-1"));
        Assert.That(replay["id"]!.GetValue<string>(), Is.EqualTo(review["id"]!.GetValue<string>()));
        Assert.Multiple(() =>
        {
            Assert.That(review["byName"]!.GetValue<string>(), Is.EqualTo("Manager One"));
            Assert.That(review["progress"]!.GetValue<decimal>(), Is.EqualTo(12.5m));
            Assert.That(review["objectives"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(review["objectives"]![0]!["comment"]!.GetValue<string>(), Is.EqualTo("新产线投产推迟一个季度。"));
            Assert.That(review["objectives"]![0]!["actual"]!.GetValue<decimal>(), Is.EqualTo(10_500_000m));
            Assert.That(review["objectives"]![1]!["comment"], Is.Null);
        });
        var after = await Body(await manager.GetAsync($"{Plans}/{plan["id"]}"));
        Assert.That(after["nextReviewDue"]!.GetValue<string>(), Is.EqualTo(today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var reviews = await Body(await manager.GetAsync($"{Plans}/{plan["id"]}/reviews"));
        Assert.That(reviews.AsArray(), Has.Count.EqualTo(1));
    }

    private static async Task<JsonNode> HistoryAsync(HttpClient client, JsonNode plan, string query = "") =>
        await Body(await client.GetAsync($"{Plans}/{plan["id"]}/history{query}"));

    [Test]
    public async Task History_KeepsEveryDecisionWithItsWords_NewestFirst()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-HIST");
        await StepAsync(manager, plan, "submit");
        await StepAsync(director, plan, "reject", new { comment = "请补充新能源产线的收入目标。" });
        await StepAsync(manager, plan, "submit");
        plan = await StepAsync(director, plan, "approve", new { comment = "同意。请在二季度复盘时重点跟进新能源产线。" });
        plan = await StepAsync(manager, plan, "activate");
        var initiative = plan["initiatives"]![0]!;
        var moved = await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/initiatives/{initiative["id"]}/status", new { status = "Blocked", note = "客户暂停了联合研发预算" }, $"{Plans}/{plan["id"]}");
        Assert.That((int)moved.StatusCode, Is.EqualTo(200), await moved.Content.ReadAsStringAsync());

        var history = await HistoryAsync(manager, plan);
        var items = history["items"]!.AsArray();
        Assert.That(history["totalCount"]!.GetValue<int>(), Is.EqualTo(6));
        Assert.That(items.Select(i => i!["kind"]!.GetValue<string>() == "StatusChanged" ? i["action"]!.GetValue<string>() : i["kind"]!.GetValue<string>()),
            Is.EqualTo(new[] { "InitiativeStatusChanged", "Activate", "Approve", "Submit", "Reject", "Submit" }));
        var blocked = items[0]!;
        var approved = items[2]!;
        var rejected = items[4]!;
        Assert.Multiple(() =>
        {
            Assert.That(blocked["initiativeTitle"]!.GetValue<string>(), Is.EqualTo(initiative["title"]!.GetValue<string>()));
            Assert.That((blocked["initiativeFrom"]!.GetValue<string>(), blocked["initiativeTo"]!.GetValue<string>()), Is.EqualTo(("InProgress", "Blocked")));
            Assert.That(blocked["comment"]!.GetValue<string>(), Is.EqualTo("客户暂停了联合研发预算"));
            Assert.That(approved["comment"]!.GetValue<string>(), Is.EqualTo("同意。请在二季度复盘时重点跟进新能源产线。"));
            Assert.That((approved["fromStatus"]!.GetValue<string>(), approved["toStatus"]!.GetValue<string>()), Is.EqualTo(("Submitted", "Approved")));
            Assert.That(approved["by"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["director"].Id.Value.ToString()));
            Assert.That(approved["byName"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(rejected["comment"]!.GetValue<string>(), Is.EqualTo("请补充新能源产线的收入目标。"));
        });

        // Paged: the second page of two holds the next lines.
        var second = await HistoryAsync(manager, plan, "?page=2&pageSize=2");
        Assert.That(second["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()), Is.EqualTo(items.Skip(2).Take(2).Select(i => i!["id"]!.GetValue<long>())));

        // Revise and supersede are lines too.
        var revised = await SendAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/revise", null);
        Assert.That((int)revised.StatusCode, Is.EqualTo(201), await revised.Content.ReadAsStringAsync());
        var v2 = await Body(revised);
        await StepAsync(manager, v2, "submit");
        await StepAsync(director, v2, "approve");
        var v1Lines = (await HistoryAsync(manager, plan))["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(v1Lines[0]!["kind"]!.GetValue<string>(), Is.EqualTo("Superseded"));
            Assert.That(v1Lines[0]!["relatedPlanId"]!.GetValue<string>(), Is.EqualTo(v2["id"]!.GetValue<string>()));
            Assert.That(v1Lines[1]!["kind"]!.GetValue<string>(), Is.EqualTo("Revised"));
            Assert.That(v1Lines[1]!["relatedPlanVersion"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(v1Lines[1]!["comment"], Is.Null);
        });
    }

    [Test]
    public async Task History_AStaleOrBadApproval_WritesNothing()
    {
        using var director = await As("director");
        using var manager = await As("accountmanager");
        var (_, plan) = await DraftFullPlanAsync(manager, "PLAN-HIST-BAD");
        var stale = await ETagOf(manager, $"{Plans}/{plan["id"]}");
        plan = await StepAsync(manager, plan, "submit");
        var before = await CountAsync("plan_history");

        await AssertProblem(await SendAsync(director, HttpMethod.Post, $"{Plans}/{plan["id"]}/approve", new { comment = "同意" }, ifMatch: stale), 412);
        await AssertProblem(await ChangeAsync(director, HttpMethod.Post, $"{Plans}/{plan["id"]}/approve", new { comment = new string('批', 2001) }, $"{Plans}/{plan["id"]}"), 400, "comment");
        var nul = await AssertProblem(await ChangeAsync(director, HttpMethod.Post, $"{Plans}/{plan["id"]}/approve", new { comment = "同意\0" }, $"{Plans}/{plan["id"]}"), 400);
        Assert.That(nul.ToJsonString(), Does.Contain("nul-character"));
        var initiative = plan["initiatives"]![0]!["id"]!.GetValue<string>();
        await AssertProblem(await ChangeAsync(manager, HttpMethod.Post, $"{Plans}/{plan["id"]}/initiatives/{initiative}/status", new { status = "Done", note = new string('注', 2001) }, $"{Plans}/{plan["id"]}"), 400, "note");

        Assert.That(await CountAsync("plan_history"), Is.EqualTo(before), "nothing of a refused step is written");
        var now = await Body(await manager.GetAsync($"{Plans}/{plan["id"]}"));
        Assert.That(now["status"]!.GetValue<string>(), Is.EqualTo("Submitted"));

        // At the limit: 2,000 characters are kept whole.
        var comment = new string('批', 2000);
        await StepAsync(director, plan, "approve", new { comment });
        var line = (await HistoryAsync(manager, plan))["items"]![0]!;
        Assert.That(line["comment"]!.GetValue<string>(), Is.EqualTo(comment));
    }

    [Test]
    public async Task History_OfAnotherManagersPlan_Is404()
    {
        var othersAccount = await CreateAccountAsync("accountmanager2", "PLAN-HIST-404");
        using var owner = await As("accountmanager2");
        var plan = await CreateAsync(owner, NewPlan(othersAccount));
        using var manager = await As("accountmanager");
        await AssertProblem(await manager.GetAsync($"{Plans}/{plan["id"]}/history"), 404);
        Assert.That((int)(await owner.GetAsync($"{Plans}/{plan["id"]}/history")).StatusCode, Is.EqualTo(200));
    }
}
