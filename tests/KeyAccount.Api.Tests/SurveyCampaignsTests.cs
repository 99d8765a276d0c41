using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Survey campaigns on PostgreSQL: the workflow over HTTP, and the audience and fatigue rules (their one home is SQL)
/// at their edges — 89, 90 and 91 days, an account at and under its limit, the cap by buying role, no email,
/// unsubscribed, follow-ups, opening twice, a double create.
/// </summary>
public class SurveyCampaignsTests : ApiTestBase
{
    private const string Base = "/api/v1/surveys/campaigns";

    /// <summary>The instant the API sees during a test (whole seconds: PostgreSQL keeps microseconds).</summary>
    private static readonly DateTimeOffset T = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [SetUp]
    public void FreezeTime() => TestClock.Instance.Set(T);

    [TearDown]
    public void ReleaseTime() => TestClock.Instance.Reset();

    public static object NewCampaign(Guid templateId, object? audience = null, int cap = 3, string opensAt = "2027-03-01T09:00:00+08:00", string closesAt = "2027-03-31T18:00:00+08:00", string recurrence = "None") => new
    {
        name = "2027 上半年客户满意度调查",
        templateId,
        audience,
        perAccountCap = cap,
        opensAt,
        closesAt,
        reminderAfterDays = 5,
        recurrence,
        defaultLanguage = "zh-CN",
    };

    private static object Accounts(params string[] ids) => new { accountIds = ids };

    private static async Task<string> AddContactAsync(HttpClient client, string account, string name, string role, string? email)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact(name, role, email: email));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task<string> CreateCampaignAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Base, body);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> OpenAsync(HttpClient client, string campaign)
    {
        var response = await ChangeAsync(client, HttpMethod.Post, $"{Base}/{campaign}/open", null, $"{Base}/{campaign}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    /// <summary>Opens a new campaign over <paramref name="audience"/> and returns its id.</summary>
    private static async Task<string> OpenNewAsync(HttpClient client, object audience, int cap = 3)
    {
        var id = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), audience, cap));
        await OpenAsync(client, id);
        return id;
    }

    /// <summary>contact id → skip reason (null: invited) of a campaign, read from the stored rows.</summary>
    private static async Task<Dictionary<string, string?>> OutcomeAsync(string campaign)
    {
        var result = new Dictionary<string, string?>();
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT contact_id::text, NULL FROM survey_invitations WHERE campaign_id = @c UNION ALL SELECT contact_id::text, reason FROM survey_skips WHERE campaign_id = @c", connection);
        command.Parameters.AddWithValue("c", Guid.Parse(campaign));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return result;
    }

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Create_WithBeijingOffsets_StoresTheInstantsAndAnswersADraft()
    {
        using var client = await As("marketing");
        var response = await client.PostAsJsonAsync(Base, NewCampaign(TestSurveyTemplates.Publish()));
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith(body["id"]!.GetValue<string>()));
        Assert.Multiple(() =>
        {
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
            Assert.That(DateTimeOffset.Parse(body["opensAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero)));
            Assert.That(body["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "edit", "schedule", "open" }));
            Assert.That(body["perAccountCap"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["invitations"]!["pending"]!.GetValue<int>(), Is.Zero);
            Assert.That(body["invitedCount"], Is.Null);
        });
    }

    [Test]
    public async Task Create_WhenClosesEqualsOpens_Is400OnClosesAt_AndOneSecondLaterIsAccepted()
    {
        using var client = await As("director");
        var template = TestSurveyTemplates.Publish();
        // 09:00 in Beijing is 01:00 UTC: the same instant written with two offsets.
        await AssertProblem(await client.PostAsJsonAsync(Base, NewCampaign(template, opensAt: "2027-03-01T09:00:00+08:00", closesAt: "2027-03-01T01:00:00Z")), 400, "closesAt");
        Assert.That((int)(await client.PostAsJsonAsync(Base, NewCampaign(template, opensAt: "2027-03-01T09:00:00+08:00", closesAt: "2027-03-01T01:00:01Z"))).StatusCode, Is.EqualTo(201));
        Assert.That(await ScalarAsync("SELECT count(*) FROM survey_campaigns"), Is.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(51)]
    public async Task Create_WhenTheCapIsOutOfRange_Is400OnPerAccountCap(int cap)
    {
        using var client = await As("director");
        await AssertProblem(await client.PostAsJsonAsync(Base, NewCampaign(TestSurveyTemplates.Publish(), cap: cap)), 400, "perAccountCap");
    }

    [Test]
    public async Task Create_AtTheLimits_NameOf200ChineseCharactersAndCap50_IsAccepted()
    {
        using var client = await As("director");
        var body = NewCampaign(TestSurveyTemplates.Publish(), cap: 50);
        var json = JsonSerializer.SerializeToNode(body, Json)!.AsObject();
        json["name"] = new string('调', 200);
        Assert.That((int)(await client.PostAsJsonAsync(Base, json)).StatusCode, Is.EqualTo(201));
        json["name"] = new string('调', 201);
        await AssertProblem(await client.PostAsJsonAsync(Base, json), 400, "name");
    }

    [Test]
    public async Task Create_WhenTheTemplateIsNotPublished_Is409OnTemplateId()
    {
        using var client = await As("director");
        var retired = TestSurveyTemplates.Publish();
        TestSurveyTemplates.Retire(retired);
        var problem = await AssertProblem(await client.PostAsJsonAsync(Base, NewCampaign(retired)), 409, "templateId");
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("survey-template-not-published"));
    }

    [Test]
    public async Task Create_WhenAnExplicitAccountIsUnknown_Is400OnTheAccountIds()
    {
        using var client = await As("director");
        await AssertProblem(await client.PostAsJsonAsync(Base, NewCampaign(TestSurveyTemplates.Publish(), Accounts(Guid.NewGuid().ToString()))), 400, "audience.accountIds");
    }

    [Test]
    public async Task Create_TwiceWithTheSameIdempotencyKey_CreatesOneCampaign()
    {
        using var client = await As("director");
        var body = NewCampaign(TestSurveyTemplates.Publish());
        var key = Guid.NewGuid().ToString();
        var first = await SendAsync(client, HttpMethod.Post, Base, body, idempotencyKey: key);
        var second = await SendAsync(client, HttpMethod.Post, Base, body, idempotencyKey: key);
        Assert.That((int)first.StatusCode, Is.EqualTo(201));
        Assert.That((int)second.StatusCode, Is.EqualTo(201));
        Assert.That((await Body(second))["id"]!.GetValue<string>(), Is.EqualTo((await Body(first))["id"]!.GetValue<string>()));
        Assert.That(second.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.That(await ScalarAsync("SELECT count(*) FROM survey_campaigns"), Is.EqualTo(1));
    }

    [Test]
    public async Task Update_ADraft_ReplacesItsSettings_StaleIsRefused412_AndAScheduledOneIs409()
    {
        using var client = await As("director");
        var template = TestSurveyTemplates.Publish();
        var id = await CreateCampaignAsync(client, NewCampaign(template));
        var etag = await ETagOf(client, $"{Base}/{id}");
        var updated = await SendAsync(client, HttpMethod.Put, $"{Base}/{id}", NewCampaign(template, cap: 5), etag);
        Assert.That((int)updated.StatusCode, Is.EqualTo(200), await updated.Content.ReadAsStringAsync());
        Assert.That((await Body(updated))["perAccountCap"]!.GetValue<int>(), Is.EqualTo(5));
        await AssertProblem(await SendAsync(client, HttpMethod.Put, $"{Base}/{id}", NewCampaign(template, cap: 6), etag), 412);

        Assert.That((int)(await ChangeAsync(client, HttpMethod.Post, $"{Base}/{id}/schedule", null, $"{Base}/{id}")).StatusCode, Is.EqualTo(200));
        var problem = await AssertProblem(await ChangeAsync(client, HttpMethod.Put, $"{Base}/{id}", NewCampaign(template), $"{Base}/{id}"), 409);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("survey-campaign-not-editable"));
    }

    [Test]
    public async Task Fatigue_AContactInvited89DaysAgoIsSkipped_90And91DaysAgoAreInvited()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        var c89 = await AddContactAsync(client, account, "赵一", "DecisionMaker", "zhao@example.cn");
        var c90 = await AddContactAsync(client, account, "钱二", "Champion", "qian@example.cn");
        var c91 = await AddContactAsync(client, account, "孙三", "Influencer", "sun@example.cn");
        await OpenNewAsync(client, Accounts(account));
        // "The last 90 days" is (now − 90 × 24 h, now]: exactly 90 days ago to the second is outside the window.
        await ExecuteSqlAsync($"""
            UPDATE survey_invitations SET created_at = '{Iso(T.AddDays(-89))}' WHERE contact_id = '{c89}';
            UPDATE survey_invitations SET created_at = '{Iso(T.AddDays(-90))}' WHERE contact_id = '{c90}';
            UPDATE survey_invitations SET created_at = '{Iso(T.AddDays(-91))}' WHERE contact_id = '{c91}';
            """);

        var second = await OpenNewAsync(client, Accounts(account));
        var outcome = await OutcomeAsync(second);
        Assert.That(outcome, Is.EquivalentTo(new Dictionary<string, string?> { [c89] = "RecentlyInvited", [c90] = null, [c91] = null }));
    }

    [Test]
    public async Task Fatigue_AnAccountAtItsLimitIsSkipped_OneUnderItGetsWhatIsLeft()
    {
        using var client = await As("director");
        var atLimit = await CreateAccountAsync("director", name: "上限客户");
        var underLimit = await CreateAccountAsync("director", name: "未满客户");
        var atContacts = new List<string>();
        var underContacts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            atContacts.Add(await AddContactAsync(client, atLimit, $"甲{i:00}", "User", $"a{i}@example.cn"));
        }

        for (var i = 0; i < 11; i++)
        {
            underContacts.Add(await AddContactAsync(client, underLimit, $"乙{i:00}", "User", $"b{i}@example.cn"));
        }

        // The first campaign invites 10 of the first account (its limit, 10) and 9 of the second (one under it).
        await OpenNewAsync(client, Accounts(atLimit), cap: 10);
        await OpenNewAsync(client, Accounts(underLimit), cap: 9);

        var preview = await Body(await client.PostAsJsonAsync($"{Base}/audience-preview", new { audience = Accounts(atLimit, underLimit), perAccountCap = 3 }));
        var second = await OpenNewAsync(client, Accounts(atLimit, underLimit));
        var outcome = await OutcomeAsync(second);
        Assert.Multiple(() =>
        {
            Assert.That(atContacts.Skip(10).Select(c => outcome[c]), Is.All.EqualTo("AccountLimit"), "the account at its limit gets none");
            Assert.That(atContacts.Take(10).Select(c => outcome[c]), Is.All.EqualTo("RecentlyInvited"));
            Assert.That(outcome[underContacts[9]], Is.Null, "one under the limit: one more invitation");
            Assert.That(outcome[underContacts[10]], Is.EqualTo("AccountLimit"));
            Assert.That(preview["contacts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(preview["accounts"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(preview["skipped"]!.AsArray().ToDictionary(s => s!["reason"]!.GetValue<string>(), s => s!["count"]!.GetValue<int>()),
                Is.EquivalentTo(new Dictionary<string, int> { ["RecentlyInvited"] = 19, ["AccountLimit"] = 3 }));
        });
    }

    [Test]
    public async Task Cap_PicksTheDecisionMakerBeforeAUser_ThenByName()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        var user = await AddContactAsync(client, account, "Adam User", "User", "adam@example.cn");
        var gatekeeper = await AddContactAsync(client, account, "Aaron Gate", "Gatekeeper", "aaron@example.cn");
        var dm = await AddContactAsync(client, account, "Zoe Decider", "DecisionMaker", "zoe@example.cn");
        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), Accounts(account), cap: 2));
        var preview = await Body(await client.GetAsync($"{Base}/{campaign}/audience-preview"));
        Assert.That(preview["sample"]!.AsArray().Select(s => s!["contactId"]!.GetValue<string>()), Is.EqualTo(new[] { dm, user }));
        await OpenAsync(client, campaign);
        Assert.That(await OutcomeAsync(campaign), Is.EquivalentTo(new Dictionary<string, string?> { [dm] = null, [user] = null, [gatekeeper] = "OverCap" }));
    }

    [Test]
    public async Task Open_SkipsAContactWithoutEmail_AnUnsubscribedOne_AndAnInactiveAccount_AndHonoursTheBuyingRoleFilter()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        var invited = await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        var noEmail = await AddContactAsync(client, account, "李强", "DecisionMaker", null);
        var unsubscribed = await AddContactAsync(client, account, "张伟", "DecisionMaker", "zhang@example.cn");
        var otherRole = await AddContactAsync(client, account, "刘洋", "User", "liu@example.cn");
        var dormant = await CreateAccountAsync("director", name: "休眠客户");
        var dormantContact = await AddContactAsync(client, dormant, "陈静", "DecisionMaker", "chen@example.cn");
        await ExecuteSqlAsync($"UPDATE contacts SET survey_unsubscribed_at = now() WHERE id = '{unsubscribed}'; UPDATE accounts SET status = 'Dormant' WHERE id = '{dormant}'");

        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), new { accountIds = new[] { account, dormant }, buyingRoles = new[] { "DecisionMaker" } }, cap: 5));
        var opened = await OpenAsync(client, campaign);
        Assert.That(await OutcomeAsync(campaign), Is.EquivalentTo(new Dictionary<string, string?>
        {
            [invited] = null, [noEmail] = "NoEmail", [unsubscribed] = "Unsubscribed", [dormantContact] = "InactiveAccount",
        }));
        Assert.That(otherRole, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(opened["status"]!.GetValue<string>(), Is.EqualTo("Open"));
            Assert.That(opened["invitedCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(opened["skippedCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(opened["invitations"]!["pending"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(opened["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "close" }));
        });
    }

    [Test]
    public async Task Fatigue_FollowUpInvitationsAreNotCounted()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        var contact = await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        await OpenNewAsync(client, Accounts(account));
        await ExecuteSqlAsync($"UPDATE survey_invitations SET kind = 'FollowUp' WHERE contact_id = '{contact}'");
        var second = await OpenNewAsync(client, Accounts(account));
        Assert.That(await OutcomeAsync(second), Is.EquivalentTo(new Dictionary<string, string?> { [contact] = null }));
    }

    [Test]
    public async Task Open_Twice_Is409AndWritesNothingTwice_AStaleOneIs412()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        await AddContactAsync(client, account, "李强", "User", null);
        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), Accounts(account)));
        var staleEtag = await ETagOf(client, $"{Base}/{campaign}");
        await OpenAsync(client, campaign);

        var again = await ChangeAsync(client, HttpMethod.Post, $"{Base}/{campaign}/open", null, $"{Base}/{campaign}");
        var problem = await AssertProblem(again, 409);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("survey-campaign-transition-not-allowed"));
        await AssertProblem(await SendAsync(client, HttpMethod.Post, $"{Base}/{campaign}/open", null, staleEtag), 412);
        Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo(1));
        Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_skips WHERE campaign_id = '{campaign}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Open_TwoAtOnce_OnlyOneWrites()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), Accounts(account)));
        var etag = await ETagOf(client, $"{Base}/{campaign}");
        var both = await Task.WhenAll(
            SendAsync(client, HttpMethod.Post, $"{Base}/{campaign}/open", null, etag),
            SendAsync(client, HttpMethod.Post, $"{Base}/{campaign}/open", null, etag));
        Assert.That(both.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 200, 412 }).Or.EqualTo(new[] { 200, 409 }));
        Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Open_StoresTheHashOfTheTokenTheDomainComputes_AndNoTokenItself()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        await AddContactAsync(client, account, "李强", "Champion", "li@example.cn");
        var campaign = await OpenNewAsync(client, Accounts(account));
        var key = ApiFixture.Factory.Services.GetRequiredService<SurveyTokenKey>().ToArray();
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, token_nonce, token_hash, status, language FROM survey_invitations WHERE campaign_id = @c", connection);
        command.Parameters.AddWithValue("c", Guid.Parse(campaign));
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync())
        {
            var token = InvitationToken.Create(SurveyInvitationId.From(reader.GetGuid(0)), (byte[])reader[1], key);
            Assert.That(token.Value, Has.Length.EqualTo(InvitationToken.Length));
            Assert.That((byte[])reader[2], Is.EqualTo(InvitationToken.Hash(token.Value)), "the stored hash is the hash of the token the domain computes from the id and the nonce");
            Assert.That(((byte[])reader[1]).Length, Is.EqualTo(16));
            Assert.That(reader.GetString(3), Is.EqualTo("Pending"));
            Assert.That(reader.GetString(4), Is.EqualTo("zh-CN"));
            hashes.Add(Convert.ToHexString((byte[])reader[2]));
        }

        Assert.That(hashes, Has.Count.EqualTo(2).And.Unique);
    }

    [Test]
    public async Task PreviewAndOpen_AgreeOnTheCounts()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        for (var i = 0; i < 5; i++)
        {
            await AddContactAsync(client, account, $"联系人{i}", i == 0 ? "DecisionMaker" : "User", i == 4 ? null : $"c{i}@example.cn");
        }

        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), Accounts(account)));
        var preview = await Body(await client.GetAsync($"{Base}/{campaign}/audience-preview"));
        var opened = await OpenAsync(client, campaign);
        Assert.Multiple(() =>
        {
            Assert.That(preview["contacts"]!.GetValue<int>(), Is.EqualTo(opened["invitedCount"]!.GetValue<int>()).And.EqualTo(3));
            Assert.That(preview["skipped"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>()), Is.EqualTo(opened["skippedCount"]!.GetValue<int>()).And.EqualTo(2));
            Assert.That(preview["sample"]!.AsArray()[0]!["buyingRole"]!.GetValue<string>(), Is.EqualTo("DecisionMaker"));
        });
    }

    [Test]
    public async Task InvitationsAndSkips_AreListedWithFilters_AndAnAccountManagerSeesOnlyTheirAccounts()
    {
        using var director = await As("director");
        var own = await CreateAccountAsync("accountmanager", name: "自己的客户");
        var others = await CreateAccountAsync("accountmanager2", name: "别人的客户");
        await AddContactAsync(director, own, "王芳", "DecisionMaker", "wang@example.cn");
        await AddContactAsync(director, own, "李强", "User", null);
        await AddContactAsync(director, others, "张伟", "DecisionMaker", "zhang@example.cn");
        var campaign = await OpenNewAsync(director, Accounts(own, others));

        var all = await Body(await director.GetAsync($"{Base}/{campaign}/invitations"));
        Assert.That(all["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
        var pending = await Body(await director.GetAsync($"{Base}/{campaign}/invitations?status=Pending&accountId={others}"));
        Assert.That(pending["items"]!.AsArray().Select(i => i!["contactName"]!.GetValue<string>()), Is.EqualTo(new[] { "张伟" }));
        var skips = await Body(await director.GetAsync($"{Base}/{campaign}/skips?reason=NoEmail"));
        Assert.That(skips["items"]!.AsArray().Select(i => i!["contactName"]!.GetValue<string>()), Is.EqualTo(new[] { "李强" }));
        Assert.That((await Body(await director.GetAsync($"{Base}/{campaign}/skips?reason=OverCap")))["totalCount"]!.GetValue<int>(), Is.Zero);

        using var manager = await As("accountmanager");
        var mine = await Body(await manager.GetAsync($"{Base}/{campaign}/invitations"));
        Assert.That(mine["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Is.EqualTo(new[] { own }));
        Assert.That((await Body(await manager.GetAsync($"{Base}/{campaign}/invitations?accountId={others}")))["totalCount"]!.GetValue<int>(), Is.Zero);
        var counts = (await Body(await manager.GetAsync($"{Base}/{campaign}")))["invitations"]!;
        Assert.That(counts["pending"]!.GetValue<int>(), Is.EqualTo(1));
        await AssertProblem(await manager.GetAsync($"{Base}/{campaign}/audience-preview"), 403);
    }

    [Test]
    public async Task Close_ATwiceYearlyCampaign_SchedulesTheNextOneSixMonthsLater()
    {
        using var client = await As("director");
        var account = await CreateAccountAsync("director");
        await AddContactAsync(client, account, "王芳", "DecisionMaker", "wang@example.cn");
        var campaign = await CreateCampaignAsync(client, NewCampaign(TestSurveyTemplates.Publish(), Accounts(account), recurrence: "TwiceYearly"));
        await OpenAsync(client, campaign);
        var closed = await ChangeAsync(client, HttpMethod.Post, $"{Base}/{campaign}/close", null, $"{Base}/{campaign}");
        Assert.That((int)closed.StatusCode, Is.EqualTo(200), await closed.Content.ReadAsStringAsync());
        Assert.That((await Body(closed))["allowedActions"]!.AsArray(), Is.Empty);
        var scheduled = await Body(await client.GetAsync($"{Base}?status=Scheduled"));
        var next = scheduled["items"]!.AsArray().Single()!;
        Assert.That(DateTimeOffset.Parse(next["opensAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(new DateTimeOffset(2027, 9, 1, 1, 0, 0, TimeSpan.Zero)));
        var full = await Body(await client.GetAsync($"{Base}/{next["id"]!.GetValue<string>()}"));
        Assert.That(full["previousCampaignId"]!.GetValue<string>(), Is.EqualTo(campaign));
        await AssertProblem(await ChangeAsync(client, HttpMethod.Post, $"{Base}/{campaign}/close", null, $"{Base}/{campaign}"), 409);
    }

    [Test]
    public async Task List_FiltersByStatusAndText()
    {
        using var client = await As("qualitymanager");
        using var director = await As("director");
        var template = TestSurveyTemplates.Publish();
        await CreateCampaignAsync(director, NewCampaign(template));
        var json = JsonSerializer.SerializeToNode(NewCampaign(template), Json)!.AsObject();
        json["name"] = "Key account pulse";
        await CreateCampaignAsync(director, json);
        Assert.That((await Body(await client.GetAsync($"{Base}?q=PULSE")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await Body(await client.GetAsync($"{Base}?q=满意度")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await Body(await client.GetAsync($"{Base}?status=Draft")))["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await Body(await client.GetAsync($"{Base}?status=Open")))["totalCount"]!.GetValue<int>(), Is.Zero);
        await AssertProblem(await client.GetAsync($"{Base}?status=Nope"), 400);
    }
}
