using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// "My day" (GET /api/v1/workspace/today) and marking a next step done, on PostgreSQL: each item's status is the
/// server's against the business day in Beijing, the day is scoped like every account read, and done twice is done once.
/// </summary>
public class MyDayTests : ApiTestBase
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>00:30 in Beijing on the last Beijing midnight before now (16:30 UTC the day before): the edge where the UTC date lags.</summary>
    private static DateTimeOffset JustAfterBeijingMidnight()
    {
        var local = DateTimeOffset.UtcNow.ToOffset(Beijing);
        return new DateTimeOffset(local.Date, Beijing).AddMinutes(30);
    }

    private static async Task<string> LogAsync(HttpClient client, string account, string? nextStep, DateOnly? due, DateTimeOffset occurredAt)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/interactions", new
        {
            type = "Call",
            occurredAt,
            summary = "电话沟通交付计划",
            nextStep,
            nextStepDue = due,
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> DayAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/workspace/today{query}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static Dictionary<string, string> StepStatuses(JsonNode day) =>
        day["nextSteps"]!.AsArray().ToDictionary(s => s!["nextStep"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());

    [Test]
    public async Task GetMyDay_JustAfterMidnightInBeijing_ClassifiesNextStepsByTheBeijingDay()
    {
        using var manager = await As("accountmanager");
        using var other = await As("accountmanager2");
        var account = await CreateAccountAsync("accountmanager", "DAY-1");
        var othersAccount = await CreateAccountAsync("accountmanager2", "DAY-OTHER");
        var now = JustAfterBeijingMidnight();
        var today = DateOnly.FromDateTime(now.DateTime); // the Beijing date; the UTC date is the day before
        TestClock.Instance.Set(now);
        try
        {
            var occurred = now.AddDays(-1);
            await LogAsync(manager, account, "昨天到期：寄送样品", today.AddDays(-1), occurred);
            await LogAsync(manager, account, "今天到期：确认报价", today, occurred);
            await LogAsync(manager, account, "下周：安排工厂参观", today.AddDays(7), occurred);
            await LogAsync(manager, account, "八天后：季度回顾", today.AddDays(8), occurred);
            await LogAsync(manager, account, null, null, occurred);
            await LogAsync(other, othersAccount, "别人的下一步", today, occurred);

            var day = await DayAsync(manager);
            Assert.Multiple(() =>
            {
                Assert.That(day["today"]!.GetValue<string>(), Is.EqualTo(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(day["horizon"]!.GetValue<string>(), Is.EqualTo(today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(day["ownerId"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager"].Id.Value.ToString()));
                Assert.That(StepStatuses(day), Is.EquivalentTo(new Dictionary<string, string>
                {
                    ["昨天到期：寄送样品"] = "Overdue",
                    ["今天到期：确认报价"] = "DueToday",
                    ["下周：安排工厂参观"] = "DueThisWeek",
                }));
                // Overdue first, then by due date.
                Assert.That(day["nextSteps"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("Overdue"));
                Assert.That(day["nextSteps"]![0]!["accountName"]!.GetValue<string>(), Is.EqualTo("华东精密制造有限公司"));
            });

            // A minute before midnight in Beijing, "today's" step is still due this week (tomorrow), yesterday's is due today.
            TestClock.Instance.Set(now.AddMinutes(-31));
            var before = StepStatuses(await DayAsync(manager));
            Assert.That(before["今天到期：确认报价"], Is.EqualTo("DueThisWeek"));
            Assert.That(before["昨天到期：寄送样品"], Is.EqualTo("DueToday"));
        }
        finally
        {
            TestClock.Instance.Reset();
        }
    }

    [Test]
    public async Task CompleteNextStep_Twice_AnswersTheSameInteraction_AndTheStepLeavesMyDayAndReminders()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "DAY-DONE");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);
        // Logged for next week: the reminder job records it now (it used to wait until three days before).
        var id = await LogAsync(manager, account, "下周发送修订报价", today.AddDays(6), DateTimeOffset.UtcNow.AddHours(-1));
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<IReminderWriter>().RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None), Is.EqualTo(1));
        }

        var reminders = (await Body(await manager.GetAsync("/api/v1/me/reminders"))).AsArray();
        Assert.That(reminders.Select(r => r!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "NextStepDue" }));
        Assert.That(StepStatuses(await DayAsync(manager)), Does.ContainKey("下周发送修订报价"));

        var url = $"/api/v1/accounts/{account}/interactions/{id}/next-step/complete";
        var first = await manager.PostAsync(url, null);
        Assert.That((int)first.StatusCode, Is.EqualTo(200), await first.Content.ReadAsStringAsync());
        var firstBody = await Body(first);
        var second = await manager.PostAsync(url, null);
        Assert.That((int)second.StatusCode, Is.EqualTo(200), await second.Content.ReadAsStringAsync());
        var secondBody = await Body(second);
        Assert.Multiple(async () =>
        {
            Assert.That(secondBody.ToJsonString(), Is.EqualTo(firstBody.ToJsonString()));
            Assert.That(firstBody["nextStepDoneAt"], Is.Not.Null);
            Assert.That(firstBody["nextStepDoneBy"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager"].Id.Value.ToString()));
            Assert.That((await DayAsync(manager))["nextSteps"]!.AsArray(), Is.Empty);
            Assert.That((await Body(await manager.GetAsync("/api/v1/me/reminders"))).AsArray(), Is.Empty);
        });

        // The job never reminds a done step again.
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<IReminderWriter>().RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None), Is.Zero);
        }
    }

    [Test]
    public async Task CompleteNextStep_WithoutANextStep_Returns409_AndAnUnknownInteraction404()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync("accountmanager", "DAY-NONE");
        var id = await LogAsync(manager, account, null, null, DateTimeOffset.UtcNow.AddHours(-1));
        var problem = await AssertProblem(await manager.PostAsync($"/api/v1/accounts/{account}/interactions/{id}/next-step/complete", null), 409);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("no-next-step"));
        await AssertProblem(await manager.PostAsync($"/api/v1/accounts/{account}/interactions/{Guid.NewGuid()}/next-step/complete", null), 404);

        // An interaction of another account, addressed under the manager's own account, is not found either.
        var second = await CreateAccountAsync("accountmanager", "DAY-NONE-2");
        var elsewhere = await LogAsync(manager, second, "跟进", DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow.AddHours(-1));
        await AssertProblem(await manager.PostAsync($"/api/v1/accounts/{account}/interactions/{elsewhere}/next-step/complete", null), 404);
    }

    [Test]
    public async Task GetMyDay_IsScoped_AManagerSeesOnlyTheirOwnDay_ADirectorAnyones()
    {
        using var manager = await As("accountmanager");
        using var other = await As("accountmanager2");
        using var director = await As("director");
        var account = await CreateAccountAsync("accountmanager", "DAY-SCOPE");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);
        await LogAsync(manager, account, "我的下一步", today, DateTimeOffset.UtcNow.AddHours(-1));
        var managerId = ApiFixture.Users["accountmanager"].Id.Value;

        await AssertProblem(await manager.GetAsync($"/api/v1/workspace/today?ownerId={ApiFixture.Users["accountmanager2"].Id.Value}"), 403);
        Assert.Multiple(async () =>
        {
            Assert.That((await DayAsync(manager, $"?ownerId={managerId}"))["nextSteps"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That((await DayAsync(other))["nextSteps"]!.AsArray(), Is.Empty);
            Assert.That((await DayAsync(director))["nextSteps"]!.AsArray(), Is.Empty);
            var theirs = await DayAsync(director, $"?ownerId={managerId}");
            Assert.That(StepStatuses(theirs), Is.EquivalentTo(new Dictionary<string, string> { ["我的下一步"] = "DueToday" }));
            Assert.That(theirs["ownerId"]!.GetValue<string>(), Is.EqualTo(managerId.ToString()));
        });

        // A director may mark it done too (the account is theirs to see); the manager's day then has nothing.
        var id = (await DayAsync(manager))["nextSteps"]![0]!["interactionId"]!.GetValue<string>();
        Assert.That((int)(await director.PostAsync($"/api/v1/accounts/{account}/interactions/{id}/next-step/complete", null)).StatusCode, Is.EqualTo(200));
        Assert.That((await DayAsync(manager))["nextSteps"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task GetMyDay_ListsOverdueContactsAndOpenComplaints_WithTheirStoredState_AndLeavesOutWhatTheRoleMayNotRead()
    {
        var account = await CreateAccountAsync("accountmanager", "DAY-OVERDUE");
        // Strategic (30-day cadence), created 40 days ago, never contacted: overdue for contact.
        await ExecuteSqlAsync("UPDATE accounts SET tier = 'Strategic', created_at = now() - interval '40 days' WHERE registration_number = 'DAY-OVERDUE'");
        using var agent = await As("serviceagent");
        var filed = await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account, "Critical"));
        Assert.That((int)filed.StatusCode, Is.EqualTo(201), await filed.Content.ReadAsStringAsync());
        var complaint = await Body(filed);

        using var manager = await As("accountmanager");
        var day = await DayAsync(manager);
        Assert.Multiple(() =>
        {
            Assert.That(day["overdueContacts"]!.AsArray().Select(o => o!["accountId"]!.GetValue<string>()), Is.EqualTo(new[] { account }));
            Assert.That(day["overdueContactsTotal"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(day["overdueContacts"]![0]!["contactCadenceDays"]!.GetValue<int>(), Is.EqualTo(30));
            var complaints = day["complaints"]!.AsArray();
            Assert.That(complaints.Select(c => c!["reference"]!.GetValue<string>()), Is.EqualTo(new[] { complaint["reference"]!.GetValue<string>() }));
            Assert.That(complaints[0]!["slaState"]!.GetValue<string>(), Is.EqualTo(complaint["slaState"]!.GetValue<string>()));
            Assert.That(day["initiatives"]!.AsArray(), Is.Empty);
            Assert.That(day["followUps"]!.AsArray(), Is.Empty);
        });

        // A service agent's day: no plans or follow-ups to read (null, not empty), and none of the manager's accounts.
        var agents = await DayAsync(agent);
        Assert.Multiple(() =>
        {
            Assert.That(agents["initiatives"], Is.Null);
            Assert.That(agents["followUps"], Is.Null);
            Assert.That(agents["complaints"]!.AsArray(), Is.Empty);
            Assert.That(agents["overdueContacts"]!.AsArray(), Is.Empty);
        });
    }
}
