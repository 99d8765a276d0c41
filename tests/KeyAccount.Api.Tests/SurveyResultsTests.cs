using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Survey results on PostgreSQL: a small panel with known answers gives exact figures (NPS, its finite-population
/// margin, weighted NPS, CSAT, distributions, means, breakdowns, revenue coverage); a campaign without responses
/// answers nulls; the trend follows the predecessor chain; an AccountManager counts their accounts only; the account's
/// satisfaction is the latest campaign's (an old campaign's late answer does not replace it) and reaches health and tiering.
/// Responses are written through the domain (<see cref="SurveyResponse.Record"/>) and the production refresh.
/// </summary>
public class SurveyResultsTests : ApiTestBase
{
    private const string Campaigns = "/api/v1/surveys/campaigns";

    private const string EmptyCalendar = "{}";

    private static async Task<string> AddContactAsync(HttpClient client, string account, string name, string role)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact(name, role, email: $"{Guid.NewGuid():N}@example.cn"));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    /// <summary>Creates and opens a campaign over <paramref name="accounts"/> (cap 5) as the director; its id.</summary>
    private static async Task<string> OpenCampaignAsync(params string[] accounts)
    {
        using var director = await As("director");
        var created = await director.PostAsJsonAsync(Campaigns, SurveyCampaignsTests.NewCampaign(TestSurveyTemplates.Publish(), new { accountIds = accounts }, cap: 5));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var id = (await Body(created))["id"]!.GetValue<string>();
        var opened = await ChangeAsync(director, HttpMethod.Post, $"{Campaigns}/{id}/open", null, $"{Campaigns}/{id}");
        Assert.That((int)opened.StatusCode, Is.EqualTo(200), await opened.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Records a contact's answers (NPS, rating, optional text) as the public page would, then refreshes the satisfaction.</summary>
    private static async Task RespondAsync(string campaign, string contact, int? nps, int? rating, string? text = null)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaignId = new SurveyCampaignId(Guid.Parse(campaign));
        var contactId = new ContactId(Guid.Parse(contact));
        var invitation = await db.SurveyInvitations.SingleAsync(i => i.CampaignId == campaignId && i.ContactId == contactId);
        var templateId = await db.SurveyCampaigns.Where(c => c.Id == campaignId).Select(c => c.TemplateId).SingleAsync();
        var template = await db.SurveyTemplates.AsNoTracking().SingleAsync(t => t.Id == templateId);
        var questions = template.Questions.OrderBy(q => q.Position).ToList();
        var answers = new List<SurveyAnswer>();
        if (nps is { } n)
        {
            answers.Add(new SurveyAnswer(questions.First(q => q.Type == QuestionType.Nps).Id, n));
        }

        if (rating is { } r)
        {
            answers.Add(new SurveyAnswer(questions.First(q => q.Type == QuestionType.Rating).Id, r));
        }

        if (text is not null)
        {
            answers.Add(new SurveyAnswer(questions.First(q => q.Type == QuestionType.Text).Id, Text: text));
        }

        var now = DateTimeOffset.UtcNow;
        var response = SurveyResponse.Record(invitation, template, answers, SurveyInvitationChannel.Email, null, now);
        invitation.MarkResponded(SurveyInvitationChannel.Email, now);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ISatisfactionRefresh>().RefreshAsync(invitation.AccountId, campaignId, CancellationToken.None);
    }

    private static string LastMonth() => DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-01", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The panel: account 甲 (Strategic, Enterprise; 4 contacts: DecisionMaker 10/5 with a text, Champion 9/4, User 3/2
    /// with a text, Influencer silent; revenue 3,000,000), 乙 (Standard, SME; User 7/3, Gatekeeper silent; 1,000,000) and
    /// 丙 (Growth, Enterprise; one silent contact; 500,000). 7 invited, 4 responded.
    /// </summary>
    private static async Task<(string Campaign, string A, string B, string C)> PanelAsync(string? ownerOfC = null)
    {
        using var manager = await As("accountmanager");
        var a = await CreateAccountAsync(name: "甲精密制造");
        var b = await CreateAccountAsync(name: "乙电子科技");
        string c;
        if (ownerOfC is null)
        {
            c = await CreateAccountAsync(name: "丙化工集团");
        }
        else
        {
            using var director = await As("director");
            var created = await director.PostAsJsonAsync("/api/v1/accounts", NewAccount(name: "丙化工集团", ownerId: ownerOfC));
            Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
            c = (await Body(created))["id"]!.GetValue<string>();
        }

        using var contactsClient = await As(ownerOfC is null ? "accountmanager" : "director");
        var aDm = await AddContactAsync(contactsClient, a, "王总", "DecisionMaker");
        var aChampion = await AddContactAsync(contactsClient, a, "李娜", "Champion");
        var aUser = await AddContactAsync(contactsClient, a, "张伟", "User");
        await AddContactAsync(contactsClient, a, "刘洋", "Influencer");
        var bUser = await AddContactAsync(contactsClient, b, "陈静", "User");
        await AddContactAsync(contactsClient, b, "赵磊", "Gatekeeper");
        await AddContactAsync(contactsClient, c, "孙丽", "User");
        await ExecuteSqlAsync($"""
            UPDATE accounts SET tier = 'Strategic', segment = 'Enterprise' WHERE id = '{a}';
            UPDATE accounts SET tier = 'Standard', segment = 'SME' WHERE id = '{b}';
            UPDATE accounts SET tier = 'Growth', segment = 'Enterprise' WHERE id = '{c}';
            INSERT INTO revenue_records (account_id, month, revenue, gross_profit, order_count, currency, updated_at)
            SELECT x.id::uuid, '{LastMonth()}'::date, x.revenue, x.revenue / 5, 1, 'CNY', now()
            FROM (VALUES ('{a}', 3000000.00), ('{b}', 1000000.00), ('{c}', 500000.00)) AS x(id, revenue);
            """);

        var campaign = await OpenCampaignAsync(a, b, c);
        await RespondAsync(campaign, aDm, 10, 5, "交付很及时，服务很好。");
        await RespondAsync(campaign, aChampion, 9, 4);
        await RespondAsync(campaign, aUser, 3, 2, "响应太慢");
        await RespondAsync(campaign, bUser, 7, 3);
        return (campaign, a, b, c);
    }

    private static int? Int(JsonNode? node) => node?.GetValue<int>();

    private static decimal? Dec(JsonNode? node) => node?.GetValue<decimal>();

    [Test]
    public async Task Results_OfAKnownPanel_AreExact()
    {
        var (campaign, _, _, _) = await PanelAsync();
        using var director = await As("director");
        var response = await director.GetAsync($"{Campaigns}/{campaign}/results");
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);

        var nps = body["nps"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Int(body["invited"]), Is.EqualTo(7));
            Assert.That(Int(body["responded"]), Is.EqualTo(4));
            Assert.That(Dec(body["responseRate"]), Is.EqualTo(57.1m));
            Assert.That((Int(nps["respondents"]), Int(nps["promoters"]), Int(nps["passives"]), Int(nps["detractors"])), Is.EqualTo((4, 2, 1, 1)));
            Assert.That(Int(nps["score"]), Is.EqualTo(25), "(2 − 1) / 4");
            Assert.That(Int(nps["population"]), Is.EqualTo(7));
            Assert.That(Dec(nps["marginOfError"]), Is.EqualTo(66.3m), "z · √(s²/n) · √((N − n)/(N − 1)) with N = 7 invited");
            Assert.That(Dec(nps["marginOfError"]), Is.EqualTo(SurveyScores.Nps(2, 1, 1, 7).MarginOfError));
            Assert.That(Int(body["weightedNps"]), Is.EqualTo(57), "promoters 3 + 2, passive 1, detractor 1: (5 − 1) / 7");
            Assert.That((Int(body["csat"]!["ratings"]), Int(body["csat"]!["satisfied"]), Int(body["csat"]!["score"])), Is.EqualTo((4, 2, 50)));
            Assert.That(body["revenueCoverage"]!["respondingRevenue"]!.GetValue<string>(), Is.EqualTo("4000000.00"));
            Assert.That(body["revenueCoverage"]!["invitedRevenue"]!.GetValue<string>(), Is.EqualTo("4500000.00"));
            Assert.That(Dec(body["revenueCoverage"]!["percent"]), Is.EqualTo(88.9m));
        });

        var questions = body["questions"]!.AsArray();
        Assert.That(questions, Has.Count.EqualTo(3));
        var npsQuestion = questions.Single(q => q!["type"]!.GetValue<string>() == "Nps")!;
        var ratingQuestion = questions.Single(q => q!["type"]!.GetValue<string>() == "Rating")!;
        var textQuestion = questions.Single(q => q!["type"]!.GetValue<string>() == "Text")!;
        static Dictionary<string, int> Distribution(JsonNode q) => q["distribution"]!.AsArray().ToDictionary(d => d!["value"]!.GetValue<string>(), d => d!["count"]!.GetValue<int>());
        Assert.Multiple(() =>
        {
            Assert.That(Int(npsQuestion["answered"]), Is.EqualTo(4));
            Assert.That(Dec(npsQuestion["average"]), Is.EqualTo(7.25m));
            Assert.That(Distribution(npsQuestion).Keys, Is.EqualTo(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(Distribution(npsQuestion).Where(d => d.Value > 0), Is.EquivalentTo(new Dictionary<string, int> { ["3"] = 1, ["7"] = 1, ["9"] = 1, ["10"] = 1 }));
            Assert.That(Dec(ratingQuestion["average"]), Is.EqualTo(3.5m));
            Assert.That(Distribution(ratingQuestion), Is.EqualTo(new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 1, ["4"] = 1, ["5"] = 1 }));
            Assert.That(Int(textQuestion["textAnswers"]), Is.EqualTo(2));
            Assert.That(textQuestion["average"], Is.Null);
            Assert.That(textQuestion["distribution"]!.AsArray(), Is.Empty);
            Assert.That(npsQuestion["text"]!["zh"]!.GetValue<string>(), Does.Contain("推荐"));
        });

        var byTier = body["byTier"]!.AsArray().ToDictionary(b => b!["key"]!.GetValue<string>(), b => b!);
        var bySegment = body["bySegment"]!.AsArray().ToDictionary(b => b!["key"]!.GetValue<string>(), b => b!);
        Assert.Multiple(() =>
        {
            Assert.That(byTier.Keys, Is.EquivalentTo(new[] { "Strategic", "Standard", "Growth" }));
            Assert.That((Int(byTier["Strategic"]["invited"]), Int(byTier["Strategic"]["responded"]), Int(byTier["Strategic"]["nps"]!["score"]), Int(byTier["Strategic"]["csat"])), Is.EqualTo((4, 3, 33, 67)));
            Assert.That(Dec(byTier["Strategic"]["nps"]!["marginOfError"]), Is.EqualTo(75.4m), "N = 4 invited in the tier");
            Assert.That((Int(byTier["Standard"]["nps"]!["score"]), Int(byTier["Standard"]["csat"])), Is.EqualTo((0, 0)));
            Assert.That(byTier["Standard"]["nps"]!["marginOfError"], Is.Null, "one respondent: no variance");
            Assert.That((Int(byTier["Growth"]["invited"]), Int(byTier["Growth"]["responded"])), Is.EqualTo((1, 0)));
            Assert.That(byTier["Growth"]["nps"]!["score"], Is.Null);
            Assert.That(byTier["Growth"]["csat"], Is.Null);
            Assert.That((Int(bySegment["Enterprise"]["invited"]), Int(bySegment["Enterprise"]["responded"]), Int(bySegment["Enterprise"]["nps"]!["score"])), Is.EqualTo((5, 3, 33)));
            Assert.That((Int(bySegment["SME"]["invited"]), Int(bySegment["SME"]["responded"])), Is.EqualTo((2, 1)));
            Assert.That(body["trend"]!.AsArray().Select(t => t!["campaignId"]!.GetValue<string>()), Is.EqualTo(new[] { campaign }));
            Assert.That(Int(body["trend"]![0]!["nps"]), Is.EqualTo(25));
        });
    }

    [Test]
    public async Task AccountsAndTextAnswers_OfAKnownPanel_AreByRevenueAndNewestFirst()
    {
        var (campaign, a, b, c) = await PanelAsync();
        using var marketing = await As("marketing");
        var accounts = await Body(await marketing.GetAsync($"{Campaigns}/{campaign}/results/accounts"));
        var items = accounts["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(Int(accounts["totalCount"]), Is.EqualTo(3));
            Assert.That(items.Select(i => i!["accountId"]!.GetValue<string>()), Is.EqualTo(new[] { a, b, c }));
            Assert.That(items[0]!["revenue"]!.GetValue<string>(), Is.EqualTo("3000000.00"));
            Assert.That((Int(items[0]!["invited"]), Int(items[0]!["responded"]), Int(items[0]!["nps"]!["score"]), Int(items[0]!["weightedNps"]), Int(items[0]!["csat"])), Is.EqualTo((4, 3, 33, 67, 67)));
            Assert.That(items[0]!["tier"]!.GetValue<string>(), Is.EqualTo("Strategic"));
            Assert.That(items[2]!["nps"]!["score"], Is.Null);
        });

        var page2 = await Body(await marketing.GetAsync($"{Campaigns}/{campaign}/results/accounts?page=2&pageSize=2"));
        Assert.That((page2["items"]!.AsArray().Count, Int(page2["totalCount"])), Is.EqualTo((1, 3)));

        var texts = await Body(await marketing.GetAsync($"{Campaigns}/{campaign}/results/text-answers"));
        Assert.Multiple(() =>
        {
            Assert.That(Int(texts["totalCount"]), Is.EqualTo(2));
            Assert.That(texts["items"]!.AsArray().Select(t => t!["text"]!.GetValue<string>()), Is.EqualTo(new[] { "响应太慢", "交付很及时，服务很好。" }));
            Assert.That(texts["items"]![0]!["contactName"]!.GetValue<string>(), Is.EqualTo("张伟"));
            Assert.That(texts["items"]![0]!["buyingRole"]!.GetValue<string>(), Is.EqualTo("User"));
        });
        var other = await Body(await marketing.GetAsync($"{Campaigns}/{campaign}/results/text-answers?questionId={Guid.NewGuid()}"));
        Assert.That(Int(other["totalCount"]), Is.Zero);
        var past = await Body(await marketing.GetAsync($"{Campaigns}/{campaign}/results/text-answers?page=3&pageSize=1"));
        Assert.That((past["items"]!.AsArray().Count, Int(past["totalCount"])), Is.EqualTo((0, 2)));
        await AssertProblem(await marketing.GetAsync($"{Campaigns}/{campaign}/results/accounts?pageSize=201"), 400, "pageSize");
        await AssertProblem(await marketing.GetAsync($"{Campaigns}/{Guid.NewGuid()}/results"), 404);
    }

    [Test]
    public async Task Results_OfACampaignWithoutResponses_AreZeroCountsAndNullScores()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync();
        await AddContactAsync(manager, account, "王芳", "User");
        var campaign = await OpenCampaignAsync(account);

        using var director = await As("director");
        var response = await director.GetAsync($"{Campaigns}/{campaign}/results");
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((Int(body["invited"]), Int(body["responded"])), Is.EqualTo((1, 0)));
            Assert.That(Dec(body["responseRate"]), Is.EqualTo(0m));
            Assert.That(body["nps"]!["score"], Is.Null);
            Assert.That(body["nps"]!["marginOfError"], Is.Null);
            Assert.That(body["weightedNps"], Is.Null);
            Assert.That(body["csat"]!["score"], Is.Null);
            Assert.That(body["revenueCoverage"]!["percent"], Is.Null);
            Assert.That(body["questions"]!.AsArray().All(q => Int(q!["answered"]) == 0 && q!["average"] is null), Is.True);
            Assert.That(body["trend"]!.AsArray().Single()!["nps"], Is.Null);
        });

        // A draft campaign (nobody invited) answers zeros too, not an error.
        var draft = await director.PostAsJsonAsync(Campaigns, SurveyCampaignsTests.NewCampaign(TestSurveyTemplates.Publish()));
        var draftId = (await Body(draft))["id"]!.GetValue<string>();
        var empty = await Body(await director.GetAsync($"{Campaigns}/{draftId}/results"));
        Assert.That((Int(empty["invited"]), empty["responseRate"]), Is.EqualTo(((int?)0, (JsonNode?)null)));
    }

    [Test]
    public async Task Trend_FollowsThePredecessorChain_OldestFirst()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync();
        var contact = await AddContactAsync(manager, account, "王芳", "DecisionMaker");
        var first = await OpenCampaignAsync(account);
        await RespondAsync(first, contact, 2, 1);
        // Out of the fatigue window, so that the next campaign invites the contact again.
        await ExecuteSqlAsync($"UPDATE survey_invitations SET created_at = now() - interval '200 days' WHERE campaign_id = '{first}'");
        var second = await OpenCampaignAsync(account);
        await RespondAsync(second, contact, 10, 5);
        await ExecuteSqlAsync($"""
            UPDATE survey_campaigns SET opened_at = now() - interval '200 days' WHERE id = '{first}';
            UPDATE survey_campaigns SET previous_campaign_id = '{first}' WHERE id = '{second}';
            """);

        using var director = await As("director");
        var trend = (await Body(await director.GetAsync($"{Campaigns}/{second}/results")))["trend"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(trend.Select(t => t!["campaignId"]!.GetValue<string>()), Is.EqualTo(new[] { first, second }));
            Assert.That(trend.Select(t => Int(t!["nps"])), Is.EqualTo(new int?[] { -100, 100 }));
            Assert.That(trend.Select(t => Int(t!["csat"])), Is.EqualTo(new int?[] { 0, 100 }));
            Assert.That(trend.Select(t => Int(t!["respondents"])), Is.EqualTo(new int?[] { 1, 1 }));
        });

        var satisfaction = await Body(await manager.GetAsync($"/api/v1/accounts/{account}/satisfaction"));
        Assert.Multiple(() =>
        {
            Assert.That(satisfaction["latest"]!["campaignId"]!.GetValue<string>(), Is.EqualTo(second));
            Assert.That(satisfaction["trend"]!.AsArray().Select(t => Int(t!["nps"])), Is.EqualTo(new int?[] { -100, 100 }));
            Assert.That(Int(satisfaction["openFollowUps"]), Is.Zero);
        });
    }

    [Test]
    public async Task AccountManager_CountsOnlyTheAccountsTheyMaySee()
    {
        var other = ApiFixture.Users["accountmanager2"].Id.Value.ToString();
        var (campaign, a, _, c) = await PanelAsync(ownerOfC: other);

        using var manager = await As("accountmanager");
        var mine = await Body(await manager.GetAsync($"{Campaigns}/{campaign}/results"));
        Assert.Multiple(() =>
        {
            Assert.That((Int(mine["invited"]), Int(mine["responded"])), Is.EqualTo((6, 4)), "丙 belongs to someone else");
            Assert.That(mine["byTier"]!.AsArray().Select(t => t!["key"]!.GetValue<string>()), Has.No.Member("Growth"));
            Assert.That(mine["revenueCoverage"]!["invitedRevenue"]!.GetValue<string>(), Is.EqualTo("4000000.00"));
        });
        var accounts = await Body(await manager.GetAsync($"{Campaigns}/{campaign}/results/accounts"));
        Assert.That(accounts["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Has.No.Member(c));

        using var second = await As("accountmanager2");
        var theirs = await Body(await second.GetAsync($"{Campaigns}/{campaign}/results"));
        Assert.That((Int(theirs["invited"]), Int(theirs["responded"]), theirs["nps"]!["score"]), Is.EqualTo(((int?)1, (int?)0, (JsonNode?)null)));
        var texts = await Body(await second.GetAsync($"{Campaigns}/{campaign}/results/text-answers"));
        Assert.That(Int(texts["totalCount"]), Is.Zero);
        await AssertProblem(await second.GetAsync($"/api/v1/accounts/{a}/satisfaction"), 404);
    }

    [Test]
    public async Task Satisfaction_IsTheLatestCampaigns_AndAnOldCampaignsLateAnswerDoesNotReplaceIt()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync();
        var first = await AddContactAsync(manager, account, "王芳", "DecisionMaker");
        var second = await AddContactAsync(manager, account, "李娜", "User");
        var third = await AddContactAsync(manager, account, "张伟", "User");
        var old = await OpenCampaignAsync(account);
        await ExecuteSqlAsync($"""
            UPDATE survey_invitations SET created_at = now() - interval '200 days' WHERE campaign_id = '{old}';
            UPDATE survey_campaigns SET opened_at = now() - interval '200 days' WHERE id = '{old}';
            """);
        var latest = await OpenCampaignAsync(account);

        await RespondAsync(latest, first, 10, 5);
        await RespondAsync(old, second, 0, 1);

        var body = await Body(await manager.GetAsync($"/api/v1/accounts/{account}/satisfaction"));
        Assert.Multiple(() =>
        {
            Assert.That(body["latest"]!["campaignId"]!.GetValue<string>(), Is.EqualTo(latest));
            Assert.That((Int(body["latest"]!["nps"]), Int(body["latest"]!["respondents"]), Int(body["latest"]!["csat"]), Int(body["latest"]!["weightedNps"])), Is.EqualTo((100, 1, 100, 100)));
            Assert.That(body["trend"]!.AsArray().Select(t => t!["campaignId"]!.GetValue<string>()), Is.EqualTo(new[] { old, latest }));
            Assert.That(Int(body["trend"]![0]!["nps"]), Is.EqualTo(-100));
        });

        // The newer campaign's next answer does update it: both of its respondents count.
        await RespondAsync(latest, third, 0, 1);
        var after = await Body(await manager.GetAsync($"/api/v1/accounts/{account}/satisfaction"));
        Assert.That((Int(after["latest"]!["nps"]), Int(after["latest"]!["respondents"]), Int(after["latest"]!["weightedNps"])), Is.EqualTo((0, 2, 50)), "(3 − 1) / 4 weighted");
    }

    [Test]
    public async Task Satisfaction_WithoutResponses_IsNullLatestAndAnEmptyTrend()
    {
        using var manager = await As("accountmanager");
        var account = await CreateAccountAsync();
        var response = await manager.GetAsync($"/api/v1/accounts/{account}/satisfaction");
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["latest"], Is.Null);
            Assert.That(body["trend"]!.AsArray(), Is.Empty);
            Assert.That(Int(body["openFollowUps"]), Is.Zero);
        });
        await AssertProblem(await manager.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}/satisfaction"), 404);
    }

    [Test]
    public async Task AnNpsFromRealResponses_ReachesTheHealthSatisfactionComponent_AndTheTieringCriterion()
    {
        var (_, a, _, _) = await PanelAsync();
        using var director = await As("director");

        // 甲: promoters 2, detractor 1 → NPS 33 → (33 + 100) / 2 = 66.5 → 67 in health; 66.5 normalised in tiering.
        var health = await Body(await director.GetAsync($"/api/v1/accounts/{a}/health"));
        var satisfaction = health["components"]!.AsArray().Single(c => c!["component"]!.GetValue<string>() == "Satisfaction")!;
        Assert.That(Int(satisfaction["score"]), Is.EqualTo(67), health.ToJsonString());

        var policy = await director.PostAsJsonAsync("/api/v1/tiering/policies", TieringTests.PolicyBody());
        Assert.That((int)policy.StatusCode, Is.EqualTo(201), await policy.Content.ReadAsStringAsync());
        var policyId = (await Body(policy))["id"]!.GetValue<string>();
        var published = await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{policyId}/publish?acknowledgeShift=true", null, policy.Headers.ETag!.Tag);
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        var run = await director.PostAsync("/api/v1/tiering/runs", null);
        Assert.That((int)run.StatusCode, Is.EqualTo(201), await run.Content.ReadAsStringAsync());
        var history = (await Body(await director.GetAsync($"/api/v1/accounts/{a}/tier-history"))).AsArray();
        var criterion = history[0]!["breakdown"]!.AsArray().Single(b => b!["criterion"]!.GetValue<string>() == "Satisfaction")!;
        Assert.That(Dec(criterion["normalised"]), Is.EqualTo(66.5m));
    }

    [Test]
    public async Task OpenFollowUps_AreReadByTheHealthSql_AndLowerTheSatisfactionComponent()
    {
        var (campaign, a, _, _) = await PanelAsync();
        await ExecuteSqlAsync($"""
            INSERT INTO survey_followups (id, response_id, campaign_id, account_id, contact_id, owner_id, reason, nps_answer, status, opened_at, target,
                                          calendar, clock_due_at, clock_at_risk, clock_breached, clock_escalation_level, sla_state, due_at, updated_at)
            SELECT gen_random_uuid(), r.id, r.campaign_id, r.account_id, r.contact_id, a.owner_id, 'Detractor', r.nps, 'Open', now(), interval '48 hours',
                   '{EmptyCalendar}'::jsonb, now(), false, true, 0, 'Breached', now(), now()
            FROM survey_responses r JOIN accounts a ON a.id = r.account_id
            WHERE r.campaign_id = '{campaign}' AND r.nps_group = 'Detractor'
            """);
        using var director = await As("director");
        var health = await Body(await director.GetAsync($"/api/v1/accounts/{a}/health"));
        var satisfaction = health["components"]!.AsArray().Single(c => c!["component"]!.GetValue<string>() == "Satisfaction")!;
        Assert.Multiple(() =>
        {
            Assert.That(Int(satisfaction["score"]), Is.EqualTo(67 - 10 - 15), "one open follow-up, past its target");
            Assert.That(health["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Has.Member("OpenSurveyFollowUps"));
        });
        var account = await Body(await director.GetAsync($"/api/v1/accounts/{a}/satisfaction"));
        Assert.That(Int(account["openFollowUps"]), Is.EqualTo(1));
    }
}
