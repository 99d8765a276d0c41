using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

/// <summary>
/// A complaint's corrective action linked to a development-plan initiative (issue 12, item 6): when resolving, or later
/// with PUT …/initiative; only an initiative of a plan of the complaint's own account.
/// </summary>
public class ComplaintPlanLinkTests : ApiTestBase
{
    private static async Task<string> UserIdAsync(string user)
    {
        using var client = await As(user);
        return (await Body(await client.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();
    }

    /// <summary>A plan of <paramref name="accountId"/> with one initiative, written as SQL (the plans API is another use case's); returns (plan, initiative).</summary>
    internal static async Task<(string Plan, string Initiative)> PlanWithInitiativeAsync(string accountId, string ownerId, string title = "交付周期缩短 Lead-time reduction")
    {
        var plan = Guid.NewGuid().ToString();
        var initiative = Guid.NewGuid().ToString();
        await ExecuteSqlAsync($"""
            INSERT INTO development_plans (id, account_id, title, owner_id, author_id, start_date, end_date, value_proposition, strategic_priorities,
                                           status, plan_version, review_cadence_months, initiatives_total, initiatives_done, earliest_open_due_date,
                                           milestones, stakeholders, swot, created_at, updated_at)
            VALUES ('{plan}', '{accountId}', '客户发展计划 2027–2028', '{ownerId}', '{ownerId}', date '2027-01-01', date '2028-12-31', '首选供应商', '[]',
                    'Draft', 1, 3, 1, 0, date '2027-06-30', '[]', '[]', '[]', now(), now());
            INSERT INTO plan_initiatives (id, plan_id, key, position, title, owner_id, department, due_date, status)
            VALUES ('{initiative}', '{plan}', gen_random_uuid(), 0, '{title}', '{ownerId}', 'Logistics', date '2027-06-30', 'NotStarted');
            """);
        return (plan, initiative);
    }

    private static async Task<JsonNode> InProgressComplaintAsync(HttpClient agent, string accountId)
    {
        var filed = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(accountId, receivedAt: DateTimeOffset.Parse("2026-12-01T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture))));
        var url = $"/api/v1/complaints/{filed["id"]}";
        Assert.That((int)(await ChangeAsync(agent, HttpMethod.Post, url + "/acknowledge", new { response = "已收到，正在处理" }, url)).StatusCode, Is.EqualTo(200));
        var assign = await ChangeAsync(agent, HttpMethod.Post, url + "/assign", new { department = "Logistics", assigneeId = await UserIdAsync("qualitymanager") }, url);
        Assert.That((int)assign.StatusCode, Is.EqualTo(200), await assign.Content.ReadAsStringAsync());
        return filed;
    }

    [Test]
    public async Task Resolve_WithAnInitiativeOfTheAccountsPlan_LinksIt_AndTheTimelineRecordsIt()
    {
        var manager = await UserIdAsync("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-LINK-1");
        var (plan, initiative) = await PlanWithInitiativeAsync(account, manager);
        using var agent = await As("serviceagent");
        var complaint = await InProgressComplaintAsync(agent, account);
        var url = $"/api/v1/complaints/{complaint["id"]}";

        var response = await ChangeAsync(agent, HttpMethod.Post, url + "/resolve",
            new { resolution = "补发托盘", rootCause = "Logistics", correctiveAction = "装车双人复核", initiativeId = initiative }, url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var resolved = await Body(response);
        Assert.Multiple(() =>
        {
            Assert.That(resolved["initiativeId"]!.GetValue<string>(), Is.EqualTo(initiative));
            Assert.That(resolved["planId"]!.GetValue<string>(), Is.EqualTo(plan));
            var entry = resolved["timeline"]!.AsArray()[^1]!;
            Assert.That(entry["kind"]!.GetValue<string>(), Is.EqualTo("Resolved"));
            Assert.That(entry["args"]!["initiativeId"]!.GetValue<string>(), Is.EqualTo(initiative));
            Assert.That(entry["args"]!["planId"]!.GetValue<string>(), Is.EqualTo(plan));
        });
    }

    [Test]
    public async Task Resolve_WithAnInitiativeOfAnotherAccountsPlan_Is400OnInitiativeId_AndChangesNothing()
    {
        var manager = await UserIdAsync("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-LINK-2");
        var other = await CreateAccountAsync("accountmanager", "PLAN-LINK-3", "华南电子科技有限公司");
        var (_, foreign) = await PlanWithInitiativeAsync(other, manager);
        using var agent = await As("serviceagent");
        var complaint = await InProgressComplaintAsync(agent, account);
        var url = $"/api/v1/complaints/{complaint["id"]}";
        var before = await ETagOf(agent, url);

        await AssertProblem(await SendAsync(agent, HttpMethod.Post, url + "/resolve",
            new { resolution = "补发托盘", rootCause = "Logistics", correctiveAction = "装车双人复核", initiativeId = foreign }, before), 400, "initiativeId");
        await AssertProblem(await SendAsync(agent, HttpMethod.Post, url + "/resolve",
            new { resolution = "补发托盘", rootCause = "Logistics", correctiveAction = "装车双人复核", initiativeId = Guid.NewGuid() }, before), 400, "initiativeId");
        var after = await Body(await agent.GetAsync(url));
        Assert.Multiple(async () =>
        {
            Assert.That(await ETagOf(agent, url), Is.EqualTo(before), "nothing written");
            Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("InProgress"));
            Assert.That(after["initiativeId"], Is.Null);
        });
    }

    [Test]
    public async Task PutInitiative_LinksLater_RepeatsChangeNothing_UnlinksWithNull_AndAStaleIfMatchIs412()
    {
        var manager = await UserIdAsync("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-LINK-4");
        var (plan, initiative) = await PlanWithInitiativeAsync(account, manager);
        var (_, foreign) = await PlanWithInitiativeAsync(await CreateAccountAsync("accountmanager", "PLAN-LINK-5", "北方能源集团"), manager);
        using var agent = await As("serviceagent");
        var filed = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account)));
        var url = $"/api/v1/complaints/{filed["id"]}";
        var stale = await ETagOf(agent, url);

        var linked = await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = initiative }, url);
        Assert.That((int)linked.StatusCode, Is.EqualTo(200), await linked.Content.ReadAsStringAsync());
        var body = await Body(linked);
        Assert.Multiple(() =>
        {
            Assert.That((body["initiativeId"]!.GetValue<string>(), body["planId"]!.GetValue<string>()), Is.EqualTo((initiative, plan)));
            Assert.That(body["timeline"]!.AsArray()[^1]!["kind"]!.GetValue<string>(), Is.EqualTo("InitiativeLinked"));
        });

        // A double submit: the same link again records nothing twice.
        var again = await Body(await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = initiative }, url));
        Assert.That(again["timeline"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "InitiativeLinked"), Is.EqualTo(1));

        await AssertProblem(await SendAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = initiative }, stale), 412);
        await AssertProblem(await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = foreign }, url), 400, "initiativeId");

        var unlinked = await Body(await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = (string?)null }, url));
        Assert.Multiple(() =>
        {
            Assert.That((unlinked["initiativeId"], unlinked["planId"]), Is.EqualTo(((JsonNode?)null, (JsonNode?)null)));
            var last = unlinked["timeline"]!.AsArray()[^1]!;
            Assert.That((last["kind"]!.GetValue<string>(), last["args"]!["initiativeId"]), Is.EqualTo(("InitiativeLinked", (JsonNode?)null)));
        });
    }

    [Test]
    public async Task PutInitiative_OnAnotherManagersAccountsComplaint_IsNotFound()
    {
        var manager2 = await UserIdAsync("accountmanager2");
        var account = await CreateAccountAsync("accountmanager2", "PLAN-LINK-6");
        var (_, initiative) = await PlanWithInitiativeAsync(account, manager2);
        using var agent = await As("serviceagent");
        var filed = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account)));
        using var other = await As("accountmanager");
        await AssertProblem(await SendAsync(other, HttpMethod.Put, $"/api/v1/complaints/{filed["id"]}/initiative", new { initiativeId = initiative }, "\"1\""), 404);
    }

    [Test]
    public async Task ThePlan_ListsTheLinkedComplaint_UnderItsInitiativeOnly_UntilUnlinked()
    {
        var manager = await UserIdAsync("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "PLAN-LINK-7");
        var (plan, initiative) = await PlanWithInitiativeAsync(account, manager);
        await ExecuteSqlAsync($"""
            INSERT INTO plan_initiatives (id, plan_id, key, position, title, owner_id, department, due_date, status)
            VALUES (gen_random_uuid(), '{plan}', gen_random_uuid(), 1, '建立季度高层互访机制', '{manager}', 'Sales', date '2027-09-30', 'NotStarted');
            """);
        using var agent = await As("serviceagent");
        var filed = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account)));
        var url = $"/api/v1/complaints/{filed["id"]}";
        Assert.That((int)(await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = initiative }, url)).StatusCode, Is.EqualTo(200));

        using var owner = await As("accountmanager");
        var read = await Body(await owner.GetAsync($"/api/v1/development-plans/{plan}"));
        var initiatives = read["initiatives"]!.AsArray();
        Assert.Multiple(() =>
        {
            var listed = initiatives.Single(i => i!["id"]!.GetValue<string>() == initiative)!["complaints"]!.AsArray().Single()!;
            Assert.That(listed["id"]!.GetValue<string>(), Is.EqualTo(filed["id"]!.GetValue<string>()));
            Assert.That(listed["reference"]!.GetValue<string>(), Is.EqualTo(filed["reference"]!.GetValue<string>()));
            Assert.That(listed["subject"]!.GetValue<string>(), Is.EqualTo(filed["subject"]!.GetValue<string>()));
            Assert.That(listed["status"]!.GetValue<string>(), Is.EqualTo("New"));
            Assert.That(initiatives.Single(i => i!["id"]!.GetValue<string>() != initiative)!["complaints"]!.AsArray(), Is.Empty);
        });

        Assert.That((int)(await ChangeAsync(agent, HttpMethod.Put, url + "/initiative", new { initiativeId = (string?)null }, url)).StatusCode, Is.EqualTo(200));
        var after = await Body(await owner.GetAsync($"/api/v1/development-plans/{plan}"));
        Assert.That(after["initiatives"]!.AsArray().SelectMany(i => i!["complaints"]!.AsArray()), Is.Empty);
    }
}
