using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Surveys.EscalateFollowUps;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>The closed loop's tasks on PostgreSQL: listed for the owner, escalated by the scan once per step with a reminder, closed with a note under If-Match.</summary>
public class SurveyFollowUpsTests : ApiTestBase
{
    /// <summary>
    /// A follow-up opened by a real response: a detractor (NPS 3) answering the open campaign's invitation on the public
    /// page <paramref name="hoursAgo"/> ago, on a new account of the AccountManager.
    /// </summary>
    private static async Task<(string Id, string Account)> OpenFollowUpAsync(double hoursAgo, string contactName = "王芳")
    {
        var (account, _, _, token) = await SurveyResponsesTests.InvitedAsync(contactName);
        var questions = await SurveyResponsesTests.QuestionsAsync(token);
        // The default SLA calendar runs around the clock: the hours back are the follow-up's elapsed working hours.
        TestClock.Instance.Set(DateTimeOffset.UtcNow.AddHours(-hoursAgo));
        try
        {
            var answered = await SurveyResponsesTests.AnswerAsync(token, SurveyResponsesTests.Answers(questions, 3, 4));
            Assert.That((int)answered.StatusCode, Is.EqualTo(201), await answered.Content.ReadAsStringAsync());
        }
        finally
        {
            TestClock.Instance.Reset();
        }

        using var director = await As("director");
        var list = await Body(await director.GetAsync($"/api/v1/surveys/follow-ups?accountId={account}"));
        return (list["items"]!.AsArray().Single()!["id"]!.GetValue<string>(), account);
    }

    private static async Task<int> ScanAsync(DateTimeOffset now)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EscalateFollowUpsCommand(now));
    }

    [Test]
    public async Task AFollowUp_IsWarnedAtEightyPercent_EscalatedWhenLate_EachOnce_WithTheOwnersReminder()
    {
        var (id, account) = await OpenFollowUpAsync(hoursAgo: 40, contactName: "陈静");
        using var manager = await As("accountmanager");
        var first = await manager.GetAsync($"/api/v1/surveys/follow-ups/{id}");
        Assert.That((int)first.StatusCode, Is.EqualTo(200), await first.Content.ReadAsStringAsync());
        var before = await Body(first);

        var warned = await ScanAsync(DateTimeOffset.UtcNow);
        var again = await ScanAsync(DateTimeOffset.UtcNow.AddSeconds(30));
        var atRisk = await Body(await manager.GetAsync($"/api/v1/surveys/follow-ups/{id}"));
        var late = await ScanAsync(DateTimeOffset.UtcNow.AddHours(9));
        var breached = await Body(await manager.GetAsync($"/api/v1/surveys/follow-ups/{id}"));
        var mine = await Body(await manager.GetAsync($"/api/v1/surveys/follow-ups?mine=true&status=Open&accountId={account}"));
        var reminders = (await Body(await manager.GetAsync("/api/v1/me/reminders"))).AsArray()
            .Where(r => r!["kind"]!.GetValue<string>() == "SurveyFollowUpDue" && r["subjectId"]!.GetValue<string>() == id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(before["slaState"]!.GetValue<string>(), Is.EqualTo("OnTime"));
            Assert.That(before["accountName"]!.GetValue<string>(), Is.EqualTo("华南电子有限公司"));
            Assert.That(before["contactName"]!.GetValue<string>(), Is.EqualTo("陈静"));
            Assert.That(before["npsAnswer"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(warned, Is.GreaterThanOrEqualTo(1));
            Assert.That(again, Is.Zero, "a second scan of the same minute takes no step");
            Assert.That(atRisk["slaState"]!.GetValue<string>(), Is.EqualTo("AtRisk"));
            Assert.That(late, Is.GreaterThanOrEqualTo(1));
            Assert.That(breached["slaState"]!.GetValue<string>(), Is.EqualTo("Breached"));
            Assert.That(breached["escalationLevel"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(mine["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
            Assert.That(reminders.Select(r => r!["args"]!["level"]!.GetValue<int>()), Is.EquivalentTo(new[] { 0, 1 }));
            Assert.That(reminders.All(r => r!["args"]!["contactName"]!.GetValue<string>() == "陈静"), Is.True);
        });
    }

    [Test]
    public async Task Close_NeedsANote_AndTheLatestVersion_AndHappensOnce()
    {
        var (id, _) = await OpenFollowUpAsync(hoursAgo: 2);
        using var manager = await As("accountmanager");
        var url = $"/api/v1/surveys/follow-ups/{id}";
        var etag = await ETagOf(manager, url);

        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{url}/close", new { note = "  " }, ifMatch: etag), 400, "note");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{url}/close", new { note = new string('记', 2001) }, ifMatch: etag), 400, "note");
        await AssertProblem(await SendAsync(manager, HttpMethod.Post, $"{url}/close", new { note = "已回访" }, ifMatch: "\"1\""), 412);
        Assert.That((await Body(await manager.GetAsync(url)))["status"]!.GetValue<string>(), Is.EqualTo("Open"), "nothing written by a refused close");

        var closed = await SendAsync(manager, HttpMethod.Post, $"{url}/close", new { note = new string('记', 2000) }, ifMatch: etag);
        Assert.That((int)closed.StatusCode, Is.EqualTo(200), await closed.Content.ReadAsStringAsync());
        var body = await Body(closed);
        var twice = await SendAsync(manager, HttpMethod.Post, $"{url}/close", new { note = "再次关闭" }, ifMatch: closed.Headers.ETag!.Tag);
        Assert.Multiple(async () =>
        {
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Closed"));
            Assert.That(body["note"]!.GetValue<string>(), Has.Length.EqualTo(2000));
            Assert.That(body["closedByName"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(body["slaState"]!.GetValue<string>(), Is.EqualTo("OnTime"));
            Assert.That(body["dueAt"], Is.Null);
            Assert.That((await AssertProblem(twice, 409))["code"]!.GetValue<string>(), Is.EqualTo("survey-followup-closed"));
        });
        Assert.That(await ScanAsync(DateTimeOffset.UtcNow.AddDays(5)), Is.Zero, "a closed follow-up is never escalated");
    }

    [Test]
    public async Task AnotherManagersFollowUp_IsNotFound_AndNotListed_ButADirectorSeesIt()
    {
        var (id, account) = await OpenFollowUpAsync(hoursAgo: 1);
        using var other = await As("accountmanager2");
        using var director = await As("director");
        var otherList = await Body(await other.GetAsync($"/api/v1/surveys/follow-ups?accountId={account}"));
        Assert.Multiple(async () =>
        {
            await AssertProblem(await other.GetAsync($"/api/v1/surveys/follow-ups/{id}"), 404);
            await AssertProblem(await SendAsync(other, HttpMethod.Post, $"/api/v1/surveys/follow-ups/{id}/close", new { note = "x" }, ifMatch: "\"1\""), 404);
            Assert.That(otherList["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That((int)(await director.GetAsync($"/api/v1/surveys/follow-ups/{id}")).StatusCode, Is.EqualTo(200));
        });
    }
}
