using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Surveys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Recording answers on PostgreSQL: the public endpoints by token (the survey in either language, answers, a second
/// and a concurrent submit, each broken answer, unknown, malformed, closed and expired tokens, unsubscribe, the rate
/// limit), the follow-up a detractor or a low rating opens, answers taken by phone, and reading responses.
/// </summary>
public class SurveyResponsesTests : ApiTestBase
{
    private const string Public = "/api/v1/public/surveys";
    private const string Campaigns = "/api/v1/surveys/campaigns";

    [TearDown]
    public void ReleaseTime() => TestClock.Instance.Reset();

    /// <summary>A contact of <paramref name="account"/>; its id.</summary>
    internal static async Task<string> AddContactAsync(string account, string name, string role = "DecisionMaker", string? email = "contact@example.cn")
    {
        using var director = await As("director");
        var response = await director.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact(name, role, email: email));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    /// <summary>Creates and opens a campaign over <paramref name="accounts"/>; its id.</summary>
    internal static async Task<string> OpenCampaignAsync(params string[] accounts)
    {
        using var director = await As("director");
        var created = await director.PostAsJsonAsync(Campaigns, SurveyCampaignsTests.NewCampaign(TestSurveyTemplates.Publish(), new { accountIds = accounts }));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var campaign = (await Body(created))["id"]!.GetValue<string>();
        var opened = await ChangeAsync(director, HttpMethod.Post, $"{Campaigns}/{campaign}/open", null, $"{Campaigns}/{campaign}");
        Assert.That((int)opened.StatusCode, Is.EqualTo(200), await opened.Content.ReadAsStringAsync());
        return campaign;
    }

    /// <summary>Each invitation's token (contact id → token), computed from the stored id and nonce with the host's key, as the mailer does.</summary>
    internal static async Task<Dictionary<string, string>> TokensAsync(string campaign)
    {
        var key = ApiFixture.Factory.Services.GetRequiredService<SurveyTokenKey>().ToArray();
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, token_nonce, contact_id::text FROM survey_invitations WHERE campaign_id = @c AND token_nonce IS NOT NULL", connection);
        command.Parameters.AddWithValue("c", Guid.Parse(campaign));
        await using var reader = await command.ExecuteReaderAsync();
        var tokens = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            tokens[reader.GetString(2)] = InvitationToken.Create(SurveyInvitationId.From(reader.GetGuid(0)), (byte[])reader[1], key).Value;
        }

        return tokens;
    }

    /// <summary>The default template's questions (Nps, Rating, Text) by type, as the public page reads them.</summary>
    internal static async Task<(string Nps, string Rating, string Text)> QuestionsAsync(string token)
    {
        using var anonymous = ApiFixture.Anonymous();
        var survey = await Body(await anonymous.GetAsync($"{Public}/{token}"));
        string Of(string type) => survey["questions"]!.AsArray().First(q => q!["type"]!.GetValue<string>() == type)!["id"]!.GetValue<string>();
        return (Of("Nps"), Of("Rating"), Of("Text"));
    }

    internal static object Answers((string Nps, string Rating, string Text) q, int? nps, int? rating, string? text = null) => new { answers = AnswerList(q, nps, rating, text) };

    internal static object[] AnswerList((string Nps, string Rating, string Text) q, int? nps, int? rating, string? text = null) =>
        [.. new object?[]
        {
            nps is null ? null : new { questionId = q.Nps, number = nps },
            rating is null ? null : new { questionId = q.Rating, number = rating },
            text is null ? null : new { questionId = q.Text, text },
        }.OfType<object>()];

    /// <summary>An account of the AccountManager with one contact invited by an open campaign: (account, contact, campaign, token).</summary>
    internal static async Task<(string Account, string Contact, string Campaign, string Token)> InvitedAsync(string contactName = "王芳")
    {
        var account = await CreateAccountAsync("accountmanager", name: "华南电子有限公司");
        var contact = await AddContactAsync(account, contactName, email: "wang.fang@example.cn");
        var campaign = await OpenCampaignAsync(account);
        return (account, contact, campaign, (await TokensAsync(campaign))[contact]);
    }

    /// <summary>Answers the survey of <paramref name="token"/> on the public page: the response.</summary>
    internal static async Task<HttpResponseMessage> AnswerAsync(string token, object body)
    {
        using var anonymous = ApiFixture.Anonymous();
        return await anonymous.PostAsJsonAsync($"{Public}/{token}", body);
    }

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) as string;
    }

    [Test]
    public async Task Get_ReadsInTheInvitationsLanguage_OrLang_AndRecordsNothing()
    {
        var (_, _, campaign, token) = await InvitedAsync();
        using var anonymous = ApiFixture.Anonymous();
        var zh = await anonymous.GetAsync($"{Public}/{token}");
        var zhBody = await Body(zh);
        Assert.That((int)zh.StatusCode, Is.EqualTo(200), zhBody.ToJsonString());
        var en = await Body(await anonymous.GetAsync($"{Public}/{token}?lang=en"));
        var zhAgain = await Body(await anonymous.GetAsync($"{Public}/{token}?lang=zh-CN"));
        Assert.Multiple(async () =>
        {
            Assert.That(zhBody["language"]!.GetValue<string>(), Is.EqualTo("zh-CN"));
            Assert.That(zhBody["title"]!.GetValue<string>(), Is.EqualTo("2027 上半年客户满意度调查"));
            Assert.That(zhBody["questions"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("您向同事或合作伙伴推荐我们的可能性有多大？"));
            Assert.That(zhBody["questions"]![0]!["lowLabel"]!.GetValue<string>(), Is.EqualTo("完全不可能"));
            Assert.That(zhBody["unsubscribeUrl"]!.GetValue<string>(), Is.EqualTo($"{Public}/{token}/unsubscribe"));
            Assert.That(en["language"]!.GetValue<string>(), Is.EqualTo("en"));
            Assert.That(en["questions"]![0]!["text"]!.GetValue<string>(), Does.StartWith("How likely is it"));
            Assert.That(zhAgain["questions"]![1]!["text"]!.GetValue<string>(), Is.EqualTo("总体而言，您对我们的产品和服务满意吗？"));
            Assert.That(zh.Headers.CacheControl!.NoStore, Is.True);
            Assert.That(zh.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            await AssertProblem(await anonymous.GetAsync($"{Public}/{token}?lang=fr"), 400, "lang");
            Assert.That(await TextAsync($"SELECT status FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo("Pending"), "reading records nothing");
        });
    }

    [Test]
    public async Task Post_ValidAnswers_RecordsOneResponseWithGroups_AndASecondSubmitIs409()
    {
        var (account, _, campaign, token) = await InvitedAsync();
        var q = await QuestionsAsync(token);
        var longest = new string('进', 2000);
        var first = await AnswerAsync(token, Answers(q, 9, 4, longest));
        Assert.That((int)first.StatusCode, Is.EqualTo(201), await first.Content.ReadAsStringAsync());
        var second = await AnswerAsync(token, Answers(q, 3, 1));
        using var anonymous = ApiFixture.Anonymous();
        var reread = await anonymous.GetAsync($"{Public}/{token}");
        Assert.Multiple(async () =>
        {
            Assert.That((await Body(first))["receivedAt"], Is.Not.Null);
            Assert.That((await AssertProblem(second, 409))["code"]!.GetValue<string>(), Is.EqualTo("survey-already-answered"));
            Assert.That((await AssertProblem(reread, 409))["code"]!.GetValue<string>(), Is.EqualTo("survey-already-answered"));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_responses WHERE campaign_id = '{campaign}'"), Is.EqualTo(1));
            Assert.That(await TextAsync($"SELECT status || '/' || channel FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo("Responded/Email"));
            Assert.That(await TextAsync($"SELECT nps || '/' || nps_group || '/' || lowest_rating || '/' || needs_follow_up || '/' || channel FROM survey_responses WHERE campaign_id = '{campaign}'"), Is.EqualTo("9/Promoter/4/false/Email"));
            Assert.That(await TextAsync($"SELECT string_agg(question_type || ':' || coalesce(nps_group, rating_group, length(text)::text), ',' ORDER BY position) FROM survey_answers WHERE campaign_id = '{campaign}'"), Is.EqualTo("Nps:Promoter,Rating:Satisfied,Text:2000"));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_followups WHERE account_id = '{account}'"), Is.Zero);
        });
        if (ApiFixture.Factory.Services.GetRequiredService<KeyAccount.Application.Common.Abstractions.ISatisfactionRefresh>() is RecordingSatisfactionRefresh fake)
        {
            Assert.That(fake.Calls.Any(c => c.Account.Value == Guid.Parse(account) && c.Campaign.Value == Guid.Parse(campaign)), Is.True, "the account's satisfaction is refreshed");
        }
    }

    [Test]
    public async Task TwoConcurrentSubmits_MakeOneResponse_AndOneFollowUp()
    {
        var (account, _, campaign, token) = await InvitedAsync();
        var q = await QuestionsAsync(token);
        var results = await Task.WhenAll(AnswerAsync(token, Answers(q, 6, 4)), AnswerAsync(token, Answers(q, 5, 4)));
        Assert.That(results.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 201, 409 }), string.Join("\n", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync()))));
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_responses WHERE campaign_id = '{campaign}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_followups WHERE account_id = '{account}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE type = 'survey.response_received' AND payload->>'campaignId' = '{campaign}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task EachBrokenAnswer_Is400NamingItsField_AndWritesNothing()
    {
        var (_, _, campaign, token) = await InvitedAsync();
        var q = await QuestionsAsync(token);
        var cases = new (object Body, string Field)[]
        {
            (Answers(q, 11, 4), "answers[0].number"),
            (Answers(q, 9, 0), "answers[1].number"),
            (Answers(q, 9, 4, new string('进', 2001)), "answers[2].text"),
            (Answers(q, null, 4), "answers"),
            (new { answers = new object[] { new { questionId = q.Nps, number = 9 }, new { questionId = q.Rating, number = 4 }, new { questionId = Guid.NewGuid(), number = 1 } } }, "answers[2].questionId"),
            (new { answers = new object[] { new { questionId = q.Nps, number = 9 }, new { questionId = q.Nps, number = 8 }, new { questionId = q.Rating, number = 4 } } }, "answers[1].questionId"),
            (new { answers = new object[] { new { questionId = q.Nps, number = 9, choices = new[] { "a" } }, new { questionId = q.Rating, number = 4 } } }, "answers[0].choices"),
        };
        foreach (var (body, field) in cases)
        {
            await AssertProblem(await AnswerAsync(token, body), 400, field);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_responses WHERE campaign_id = '{campaign}'"), Is.Zero);
            Assert.That(await TextAsync($"SELECT status FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo("Pending"));
        });
    }

    [Test]
    public async Task UnknownMalformedClosedAndExpiredTokens_Are404_400_410_410()
    {
        var (account, _, campaign, token) = await InvitedAsync();
        var q = await QuestionsAsync(token);
        var expiredContact = await AddContactAsync(account, "李强", "Champion", "li.qiang@example.cn");
        using var anonymous = ApiFixture.Anonymous();
        var unknown = "A" + token[1..] == token ? "B" + token[1..] : "A" + token[1..];
        await AssertProblem(await anonymous.GetAsync($"{Public}/{unknown}"), 404);
        await AssertProblem(await anonymous.PostAsJsonAsync($"{Public}/{unknown}", new { answers = Array.Empty<object>() }), 404);
        await AssertProblem(await anonymous.GetAsync($"{Public}/{token[..42]}"), 400, "token");
        await AssertProblem(await anonymous.PostAsJsonAsync($"{Public}/{token[..42]}!", new { answers = Array.Empty<object>() }), 400, "token");
        await AssertProblem(await anonymous.PostAsync($"{Public}/short/unsubscribe", null), 400, "token");

        // An expired invitation (its campaign closed before it was answered) in a campaign still open.
        var second = await OpenCampaignAsync(account);
        var secondToken = (await TokensAsync(second)).GetValueOrDefault(expiredContact);
        Assert.That(secondToken, Is.Not.Null, "the second contact was not asked by the first campaign");
        await ExecuteSqlAsync($"UPDATE survey_invitations SET status = 'Expired' WHERE campaign_id = '{second}' AND contact_id = '{expiredContact}'");
        var expired = await AssertProblem(await anonymous.GetAsync($"{Public}/{secondToken}"), 410);
        Assert.That(expired["code"]!.GetValue<string>(), Is.EqualTo("survey-expired"));

        using var director = await As("director");
        var closed = await ChangeAsync(director, HttpMethod.Post, $"{Campaigns}/{campaign}/close", null, $"{Campaigns}/{campaign}");
        Assert.That((int)closed.StatusCode, Is.EqualTo(200), await closed.Content.ReadAsStringAsync());
        var closedGet = await AssertProblem(await anonymous.GetAsync($"{Public}/{token}"), 410);
        var closedPost = await AssertProblem(await anonymous.PostAsJsonAsync($"{Public}/{token}", Answers(q, 9, 5)), 410);
        Assert.Multiple(() =>
        {
            Assert.That(closedGet["code"]!.GetValue<string>(), Is.EqualTo("survey-closed"));
            Assert.That(closedPost["code"]!.GetValue<string>(), Is.EqualTo("survey-closed"));
            Assert.That(closedGet["type"]!.GetValue<string>(), Does.EndWith("/survey-closed"));
        });
    }

    [Test]
    public async Task ADetractor_OpensAFollowUpForTheOwner_Due48WorkingHoursLater_AndTheEventsAreInTheOutbox()
    {
        var (account, contact, _, token) = await InvitedAsync("陈静");
        var q = await QuestionsAsync(token);
        // The SLA policy in force works Monday to Friday, 09:00–18:00 in Beijing: the follow-up's 48 hours are working hours.
        using var quality = await As("qualitymanager");
        const string policy = "/api/v1/complaints/sla-policy";
        var severities = SlaPolicy.DefaultSeverities.Select(s => new { severity = s.Severity.ToString(), firstResponsePercent = s.FirstResponsePercent, resolutionPercent = s.ResolutionPercent }).ToArray();
        var weekdays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new { day = d, start = "09:00", end = "18:00" }).ToArray();
        var put = await SendAsync(quality, HttpMethod.Put, policy, new { severities, calendar = new { alwaysOpen = false, timeZone = "Asia/Shanghai", holidays = Array.Empty<string>(), hours = weekdays } }, await ETagOf(quality, policy));
        Assert.That((int)put.StatusCode, Is.EqualTo(200), await put.Content.ReadAsStringAsync());

        // Friday 17:30 in Beijing: half an hour that day, five days of nine hours, then 2.5 hours on the Monday after next.
        var at = new DateTimeOffset(2026, 12, 4, 17, 30, 0, TimeSpan.FromHours(8));
        TestClock.Instance.Set(at);
        var answered = await AnswerAsync(token, Answers(q, 6, 4, "交付太慢了。"));
        TestClock.Instance.Reset();
        Assert.That((int)answered.StatusCode, Is.EqualTo(201), await answered.Content.ReadAsStringAsync());

        using var manager = await As("accountmanager");
        var list = await Body(await manager.GetAsync($"/api/v1/surveys/follow-ups?accountId={account}"));
        var followUp = list["items"]!.AsArray().Single()!;
        var expectedDue = new DateTimeOffset(2026, 12, 14, 11, 30, 0, TimeSpan.FromHours(8));
        Assert.Multiple(async () =>
        {
            Assert.That(followUp["ownerId"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager"].Id.ToString()));
            Assert.That(followUp["reason"]!.GetValue<string>(), Is.EqualTo("Detractor"));
            Assert.That(followUp["npsAnswer"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(followUp["contactName"]!.GetValue<string>(), Is.EqualTo("陈静"));
            Assert.That(DateTimeOffset.Parse(followUp["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expectedDue));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE type = 'survey.detractor_detected' AND payload->>'contactId' = '{contact}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM outbox_messages WHERE type = 'survey.response_received' AND payload->>'contactId' = '{contact}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task APassiveAndANeutralRating_OpenNoFollowUp_ButARatingOfTwoOpensALowRatingOne()
    {
        var account = await CreateAccountAsync("accountmanager", name: "华北重工集团");
        var passive = await AddContactAsync(account, "赵敏", "DecisionMaker", "zhao@example.cn");
        var low = await AddContactAsync(account, "孙浩", "Champion", "sun@example.cn");
        var campaign = await OpenCampaignAsync(account);
        var tokens = await TokensAsync(campaign);
        var q = await QuestionsAsync(tokens[passive]);
        Assert.That((int)(await AnswerAsync(tokens[passive], Answers(q, 7, 3))).StatusCode, Is.EqualTo(201));
        Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_followups WHERE account_id = '{account}'"), Is.Zero);
        Assert.That((int)(await AnswerAsync(tokens[low], Answers(q, 8, 2))).StatusCode, Is.EqualTo(201));
        Assert.Multiple(async () =>
        {
            Assert.That(await TextAsync($"SELECT reason FROM survey_followups WHERE account_id = '{account}' AND contact_id = '{low}'"), Is.EqualTo("LowRating"));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_followups WHERE account_id = '{account}'"), Is.EqualTo(1));
            Assert.That(await TextAsync($"SELECT string_agg(rating_group, ',' ORDER BY rating_group) FROM survey_answers WHERE campaign_id = '{campaign}' AND rating_group IS NOT NULL"), Is.EqualTo("Dissatisfied,Neutral"));
        });
    }

    [Test]
    public async Task Unsubscribe_OneClick_MarksTheContact_AndALaterCampaignSkipsThem()
    {
        var (account, contact, campaign, token) = await InvitedAsync();
        using var anonymous = ApiFixture.Anonymous();
        var oneClick = await anonymous.PostAsync($"{Public}/{token}/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.That((int)oneClick.StatusCode, Is.EqualTo(204), await oneClick.Content.ReadAsStringAsync());
        Assert.That((int)(await anonymous.PostAsync($"{Public}/{token}/unsubscribe", null)).StatusCode, Is.EqualTo(204), "idempotent");
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync($"SELECT count(*) FROM contacts WHERE id = '{contact}' AND survey_unsubscribed_at IS NOT NULL"), Is.EqualTo(1));
            Assert.That(await TextAsync($"SELECT status FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo("Unsubscribed"));
        });

        using var director = await As("director");
        var preview = await director.PostAsJsonAsync($"{Campaigns}/audience-preview", new { perAccountCap = 3, audience = new { accountIds = new[] { account } } });
        var body = await Body(preview);
        Assert.That((int)preview.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(body["skipped"]!.AsArray().Select(s => s!["reason"]!.GetValue<string>()), Does.Contain("Unsubscribed"));
        Assert.That(body["contacts"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Unsubscribe_AfterAnswering_KeepsTheAnswer()
    {
        var (_, _, campaign, token) = await InvitedAsync();
        var q = await QuestionsAsync(token);
        Assert.That((int)(await AnswerAsync(token, Answers(q, 10, 5))).StatusCode, Is.EqualTo(201));
        using var anonymous = ApiFixture.Anonymous();
        Assert.That((int)(await anonymous.PostAsync($"{Public}/{token}/unsubscribe", null)).StatusCode, Is.EqualTo(204));
        Assert.That(await TextAsync($"SELECT status FROM survey_invitations WHERE campaign_id = '{campaign}'"), Is.EqualTo("Responded"));
    }

    [Test]
    public async Task ByPhone_AServiceAgentRecords_AContactWithoutEmailGetsAPhoneInvitation_OthersAre409_AndAnAccountManagerIs403()
    {
        var account = await CreateAccountAsync("accountmanager", name: "西南物流有限公司");
        var invited = await AddContactAsync(account, "周杰", "DecisionMaker", "zhou@example.cn");
        var noEmail = await AddContactAsync(account, "吴磊", "Champion", null);
        var campaign = await OpenCampaignAsync(account);
        var q = await QuestionsAsync((await TokensAsync(campaign))[invited]);
        var outsider = await AddContactAsync(await CreateAccountAsync("accountmanager2", name: "别家公司"), "郑爽", "User", "zheng@example.cn");

        using var agent = await As("serviceagent");
        object Phone(string contact, int nps) => new { contactId = contact, answers = AnswerList(q, nps, 4) };
        var byPhone = await agent.PostAsJsonAsync($"{Campaigns}/{campaign}/phone-responses", Phone(invited, 9));
        var response = await Body(byPhone);
        Assert.That((int)byPhone.StatusCode, Is.EqualTo(201), response.ToJsonString());
        var withoutEmail = await agent.PostAsJsonAsync($"{Campaigns}/{campaign}/phone-responses", Phone(noEmail, 4));
        Assert.That((int)withoutEmail.StatusCode, Is.EqualTo(201), await withoutEmail.Content.ReadAsStringAsync());
        var detractor = await Body(withoutEmail);
        var notInvited = await AssertProblem(await agent.PostAsJsonAsync($"{Campaigns}/{campaign}/phone-responses", Phone(outsider, 9)), 409, "contactId");
        var again = await AssertProblem(await agent.PostAsJsonAsync($"{Campaigns}/{campaign}/phone-responses", Phone(invited, 9)), 409);
        using var manager = await As("accountmanager");
        await AssertProblem(await manager.PostAsJsonAsync($"{Campaigns}/{campaign}/phone-responses", Phone(invited, 9)), 403);

        Assert.Multiple(async () =>
        {
            Assert.That(response["channel"]!.GetValue<string>(), Is.EqualTo("Phone"));
            Assert.That(response["contactName"]!.GetValue<string>(), Is.EqualTo("周杰"));
            Assert.That(response["accountName"]!.GetValue<string>(), Is.EqualTo("西南物流有限公司"));
            Assert.That(response["npsGroup"]!.GetValue<string>(), Is.EqualTo("Promoter"));
            Assert.That(response["answers"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(response["followUpId"], Is.Null);
            Assert.That(detractor["followUpId"], Is.Not.Null);
            Assert.That(byPhone.Headers.Location!.ToString(), Does.EndWith(response["id"]!.GetValue<string>()));
            Assert.That(await TextAsync($"SELECT recorded_by::text FROM survey_responses WHERE id = '{response["id"]!.GetValue<string>()}'"), Is.EqualTo(ApiFixture.Users["serviceagent"].Id.ToString()));
            Assert.That(await TextAsync($"SELECT status || '/' || channel || '/' || (token_hash IS NULL) FROM survey_invitations WHERE contact_id = '{noEmail}'"), Is.EqualTo("Responded/Phone/true"));
            Assert.That(await ScalarAsync($"SELECT count(*) FROM survey_skips WHERE contact_id = '{noEmail}'"), Is.Zero);
            Assert.That(notInvited["code"]!.GetValue<string>(), Is.EqualTo("survey-contact-not-invited"));
            Assert.That(again["code"]!.GetValue<string>(), Is.EqualTo("survey-already-answered"));
        });

        // Reading: the owner and a director see them; another manager does not.
        using var director = await As("director");
        using var other = await As("accountmanager2");
        var id = response["id"]!.GetValue<string>();
        var detractors = await Body(await director.GetAsync($"{Campaigns}/{campaign}/responses?npsGroup=Detractor"));
        Assert.Multiple(async () =>
        {
            Assert.That((await Body(await manager.GetAsync($"/api/v1/surveys/responses/{id}")))["contactName"]!.GetValue<string>(), Is.EqualTo("周杰"));
            await AssertProblem(await other.GetAsync($"/api/v1/surveys/responses/{id}"), 404);
            Assert.That((await Body(await other.GetAsync($"{Campaigns}/{campaign}/responses")))["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That((await Body(await manager.GetAsync($"{Campaigns}/{campaign}/responses?accountId={account}")))["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(detractors["items"]!.AsArray().Select(i => i!["contactName"]!.GetValue<string>()), Is.EqualTo(new[] { "吴磊" }));
            await AssertProblem(await director.GetAsync($"{Campaigns}/{campaign}/responses?npsGroup=Nope"), 400);
        });
    }

    [Test]
    public async Task ThePublicEndpoints_AreRateLimitedPerAddress_WithRetryAfter()
    {
        await using var factory = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("RateLimits:PublicSurveyRequestsPerMinutePerAddress", "2"));
        using var anonymous = factory.CreateClient();
        var token = new string('x', InvitationToken.Length);
        for (var i = 0; i < 2; i++)
        {
            Assert.That((int)(await anonymous.GetAsync($"{Public}/{token}")).StatusCode, Is.EqualTo(404));
        }

        var limited = await anonymous.GetAsync($"{Public}/{token}");
        var problem = await AssertProblem(limited, 429);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("rate-limited"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }
}
