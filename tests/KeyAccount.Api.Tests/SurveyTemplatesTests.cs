using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>Survey templates end to end on PostgreSQL: create, idempotency, ETags, publish → revise → publish, bad input, the seeded default.</summary>
public class SurveyTemplatesTests : ApiTestBase
{
    private const string Templates = "/api/v1/surveys/templates";

    /// <summary>A template body in Chinese and English: an NPS, a single choice and an open question.</summary>
    public static object NewTemplate(string name = "2027 上半年战略客户满意度调查", string questionText = "您向同事或合作伙伴推荐我们的可能性有多大？", object[]? choices = null, object? extraQuestion = null)
    {
        var questions = new List<object>
        {
            new
            {
                type = "Nps",
                required = true,
                text = new { zh = questionText, en = "How likely is it that you would recommend us to a colleague?" },
                lowLabel = new { zh = "完全不可能", en = "Not at all likely" },
                highLabel = new { zh = "非常可能", en = "Extremely likely" },
            },
            new
            {
                type = "SingleChoice",
                required = false,
                text = new { zh = "您最看重我们哪一方面？", en = "What do you value most in us?" },
                choices = choices ?? [new { key = "quality", label = new { zh = "产品质量", en = "Product quality" } }, new { key = "delivery", label = new { zh = "交付准时", en = "On-time delivery" } }],
            },
            new { type = "Text", required = false, text = new { zh = "您最希望我们首先改进哪一方面？", en = "What should we improve first?" }, maxLength = 2000 },
        };
        if (extraQuestion is not null)
        {
            questions.Add(extraQuestion);
        }

        return new { name, description = "面向决策者的半年度关系调查", questions };
    }

    private static async Task<JsonNode> CreateAsync(HttpClient client, object? body = null)
    {
        var response = await SendAsync(client, HttpMethod.Post, Templates, body ?? NewTemplate(), idempotencyKey: Guid.NewGuid().ToString());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static async Task<int> CountAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SurveyTemplates.CountAsync();
    }

    [Test]
    public async Task Create_WithChineseText_IsADraftVersion1_ReadBackWithItsETag()
    {
        using var marketing = await As("marketing");
        var created = await SendAsync(marketing, HttpMethod.Post, Templates, NewTemplate(), idempotencyKey: "tpl-1");
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.ETag, Is.Not.Null);
        var body = await Body(created);
        Assert.That(created.Headers.Location!.ToString(), Does.EndWith($"{Templates}/{body["id"]}"));

        var read = await marketing.GetAsync($"{Templates}/{body["id"]}");
        var template = await Body(read);
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo(created.Headers.ETag!.Tag));
            Assert.That(template["name"]!.GetValue<string>(), Is.EqualTo("2027 上半年战略客户满意度调查"));
            Assert.That(template["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
            Assert.That(template["templateVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(template["previousVersionId"], Is.Null);
            Assert.That(template["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "edit", "publish" }));
            Assert.That(template["usedByCampaigns"]!.GetValue<int>(), Is.Zero);
            var questions = template["questions"]!.AsArray();
            Assert.That(questions.Select(q => q!["position"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(questions[0]!["text"]!["zh"]!.GetValue<string>(), Is.EqualTo("您向同事或合作伙伴推荐我们的可能性有多大？"));
            Assert.That(questions[0]!["lowLabel"]!["zh"]!.GetValue<string>(), Is.EqualTo("完全不可能"));
            Assert.That(questions[1]!["choices"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "quality", "delivery" }));
            Assert.That(questions[2]!["maxLength"]!.GetValue<int>(), Is.EqualTo(2000));
            Assert.That(questions[0]!["maxLength"], Is.Null);
        });

        // The audit trail has its creation, as for every other aggregate.
        using var director = await As("director");
        var trail = await Body(await director.GetAsync($"/api/v1/audit?entityType=surveyTemplate&entityId={body["id"]}"));
        Assert.That(trail["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Created" }));
    }

    [Test]
    public async Task Create_TwiceWithTheSameIdempotencyKey_MakesOneTemplate()
    {
        using var director = await As("director");
        var first = await SendAsync(director, HttpMethod.Post, Templates, NewTemplate(), idempotencyKey: "tpl-double");
        var second = await SendAsync(director, HttpMethod.Post, Templates, NewTemplate(), idempotencyKey: "tpl-double");
        Assert.That((int)first.StatusCode, Is.EqualTo(201), await first.Content.ReadAsStringAsync());
        Assert.That((int)second.StatusCode, Is.EqualTo(201), await second.Content.ReadAsStringAsync());
        Assert.That((await Body(second))["id"]!.GetValue<string>(), Is.EqualTo((await Body(first))["id"]!.GetValue<string>()));
        Assert.That(second.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        Assert.That(await CountAsync(), Is.EqualTo(1));
        await AssertProblem(await SendAsync(director, HttpMethod.Post, Templates, NewTemplate(name: "另一个模板"), idempotencyKey: "tpl-double"), 422);
    }

    [Test]
    public async Task Update_WithAStaleIfMatch_Returns412_AndChangesNothing()
    {
        using var marketing = await As("marketing");
        var template = await CreateAsync(marketing);
        var url = $"{Templates}/{template["id"]}";
        var etag = await ETagOf(marketing, url);
        var first = await SendAsync(marketing, HttpMethod.Put, url, NewTemplate(name: "第一次修改"), etag);
        Assert.That((int)first.StatusCode, Is.EqualTo(200), await first.Content.ReadAsStringAsync());
        Assert.That(first.Headers.ETag!.Tag, Is.Not.EqualTo(etag));

        await AssertProblem(await SendAsync(marketing, HttpMethod.Put, url, NewTemplate(name: "过期的修改"), etag), 412);
        await AssertProblem(await SendAsync(marketing, HttpMethod.Post, $"{url}/publish", null, etag), 412);
        Assert.That((await Body(await marketing.GetAsync(url)))["name"]!.GetValue<string>(), Is.EqualTo("第一次修改"));
    }

    [Test]
    public async Task PublishReviseEditPublish_RetiresVersion1_AndKeepsQuestionIds()
    {
        using var director = await As("director");
        var v1 = await CreateAsync(director);
        var v1Url = $"{Templates}/{v1["id"]}";
        var published = await ChangeAsync(director, HttpMethod.Post, $"{v1Url}/publish", null, v1Url);
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        var v1Published = await Body(published);
        Assert.That(v1Published["status"]!.GetValue<string>(), Is.EqualTo("Published"));
        Assert.That(v1Published["publishedBy"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["director"].Id.Value.ToString()));
        Assert.That(v1Published["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "revise" }));

        // A published version is frozen.
        var frozen = await AssertProblem(await ChangeAsync(director, HttpMethod.Put, v1Url, NewTemplate(name: "改已发布的"), v1Url), 409);
        Assert.That(frozen["type"]!.GetValue<string>(), Does.EndWith("survey-template-not-editable"));

        var revised = await SendAsync(director, HttpMethod.Post, $"{v1Url}/revise", null, idempotencyKey: "revise-1");
        Assert.That((int)revised.StatusCode, Is.EqualTo(201), await revised.Content.ReadAsStringAsync());
        var v2 = await Body(revised);
        Assert.Multiple(() =>
        {
            Assert.That(v2["templateVersion"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(v2["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
            Assert.That(v2["previousVersionId"]!.GetValue<string>(), Is.EqualTo(v1["id"]!.GetValue<string>()));
            Assert.That(v2["lineageId"]!.GetValue<string>(), Is.EqualTo(v1["lineageId"]!.GetValue<string>()));
        });
        var again = await AssertProblem(await SendAsync(director, HttpMethod.Post, $"{v1Url}/revise", null, idempotencyKey: "revise-2"), 409);
        Assert.That(again["type"]!.GetValue<string>(), Does.EndWith("survey-template-revision-exists"));
        Assert.That((await Body(await director.GetAsync(v1Url)))["allowedActions"]!.AsArray(), Is.Empty);

        // Edit the revision: keep the NPS question (by its id), drop the others, add a rating.
        var v2Url = $"{Templates}/{v2["id"]}";
        var npsId = v2["questions"]![0]!["id"]!.GetValue<string>();
        Assert.That(npsId, Is.EqualTo(v1["questions"]![0]!["id"]!.GetValue<string>()));
        var edit = new
        {
            name = "2027 下半年战略客户满意度调查",
            questions = new object[]
            {
                new { id = npsId, type = "Nps", required = true, text = new { zh = "您向同事推荐我们的可能性有多大？", en = "How likely are you to recommend us?" } },
                new { type = "Rating", required = true, text = new { zh = "您对交付满意吗？", en = "How satisfied are you with delivery?" }, lowLabel = new { zh = "非常不满意", en = "Very dissatisfied" }, highLabel = new { zh = "非常满意", en = "Very satisfied" } },
            },
        };
        var edited = await ChangeAsync(director, HttpMethod.Put, v2Url, edit, v2Url);
        Assert.That((int)edited.StatusCode, Is.EqualTo(200), await edited.Content.ReadAsStringAsync());
        var v2Edited = await Body(edited);
        Assert.That(v2Edited["questions"]!.AsArray().Select(q => q!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "Nps", "Rating" }));
        Assert.That(v2Edited["questions"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(npsId));
        Assert.That(v2Edited["description"], Is.Null);

        var v2Published = await ChangeAsync(director, HttpMethod.Post, $"{v2Url}/publish", null, v2Url);
        Assert.That((int)v2Published.StatusCode, Is.EqualTo(200), await v2Published.Content.ReadAsStringAsync());
        Assert.That((await Body(v2Published))["status"]!.GetValue<string>(), Is.EqualTo("Published"));
        var v1Now = await Body(await director.GetAsync(v1Url));
        Assert.That(v1Now["status"]!.GetValue<string>(), Is.EqualTo("Retired"));

        var retired = await Body(await director.GetAsync($"{Templates}?status=Retired"));
        Assert.That(retired["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()), Is.EqualTo(new[] { v1["id"]!.GetValue<string>() }));
        var byName = await Body(await director.GetAsync($"{Templates}?q=下半年&status=Published"));
        Assert.That(byName["totalCount"]!.GetValue<int>(), Is.EqualTo(1));

        // Publishing again is not a step a published version takes.
        var twice = await AssertProblem(await ChangeAsync(director, HttpMethod.Post, $"{v2Url}/publish", null, v2Url), 409);
        Assert.That(twice["type"]!.GetValue<string>(), Does.EndWith("survey-template-transition-not-allowed"));
    }

    [Test]
    public async Task Publish_WithoutQuestions_Returns400NamingQuestions()
    {
        using var marketing = await As("marketing");
        var template = await CreateAsync(marketing, new { name = "空白模板", questions = Array.Empty<object>() });
        var url = $"{Templates}/{template["id"]}";
        await AssertProblem(await ChangeAsync(marketing, HttpMethod.Post, $"{url}/publish", null, url), 400, "questions");
        Assert.That((await Body(await marketing.GetAsync(url)))["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
    }

    [Test]
    public async Task Create_WithBadInput_Returns400NamingTheField_AndWritesNothing()
    {
        using var marketing = await As("marketing");
        var cases = new (object Body, string Field)[]
        {
            (NewTemplate(questionText: new string('调', 501)), "questions[0].text.zh"),
            (NewTemplate(choices: [new { key = "same", label = new { zh = "甲", en = "A" } }, new { key = "same", label = new { zh = "乙", en = "B" } }]), "questions[1].choices[1].key"),
            (NewTemplate(extraQuestion: new { type = "Rating", required = true, text = new { zh = "满意吗？", en = "Satisfied?" }, choices = new[] { new { key = "a", label = new { zh = "甲", en = "A" } }, new { key = "b", label = new { zh = "乙", en = "B" } } } }), "questions[3].choices"),
            (NewTemplate(extraQuestion: new { type = "Text", required = false, text = new { zh = "建议", en = "Suggestions" }, maxLength = 4001 }), "questions[3].maxLength"),
            (NewTemplate(extraQuestion: new { type = "Nps", required = true, text = new { zh = "推荐", en = "" } }), "questions[3].text.en"),
            (NewTemplate(name: new string('名', 201)), "name"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await AssertProblem(await SendAsync(marketing, HttpMethod.Post, Templates, body, idempotencyKey: Guid.NewGuid().ToString()), 400, field);
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Member(field), problem.ToJsonString());
        }

        // At the limit it is accepted.
        await CreateAsync(marketing, NewTemplate(questionText: new string('调', 500)));
        Assert.That(await CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task AFreshDatabase_HasTheDefaultRelationshipTemplate_Published()
    {
        // What start-up does on a new database (the suite's reset empties the tables, so it is run again here).
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.That(await db.SurveyTemplates.AnyAsync(), Is.False);
            await StartupTasks.SeedDefaultSurveyTemplateAsync(db);
            await StartupTasks.SeedDefaultSurveyTemplateAsync(db);
        }

        using var marketing = await As("marketing");
        var list = await Body(await marketing.GetAsync($"{Templates}?status=Published"));
        Assert.That(list["totalCount"]!.GetValue<int>(), Is.EqualTo(1), "seeded once");
        var template = list["items"]![0]!;
        var questions = template["questions"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(template["templateVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(template["publishedBy"], Is.Null);
            Assert.That(template["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "revise" }));
            Assert.That(questions.Select(q => q!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "Nps", "Rating", "Text" }));
            Assert.That(questions.Select(q => q!["required"]!.GetValue<bool>()), Is.EqualTo(new[] { true, true, false }));
            Assert.That(questions[0]!["id"]!.GetValue<string>(), Is.EqualTo(DefaultSurveyTemplates.RecommendQuestionId.ToString()));
            Assert.That(questions[0]!["text"]!["zh"]!.GetValue<string>(), Is.EqualTo("您向同事或合作伙伴推荐我们的可能性有多大？"));
            Assert.That(questions[0]!["lowLabel"]!["en"]!.GetValue<string>(), Is.EqualTo("Not at all likely"));
            Assert.That(questions[0]!["highLabel"]!["zh"]!.GetValue<string>(), Is.EqualTo("非常可能"));
            Assert.That(questions[1]!["text"]!["en"]!.GetValue<string>(), Is.EqualTo("Overall, how satisfied are you with our products and service?"));
            Assert.That(questions[1]!["lowLabel"]!["zh"]!.GetValue<string>(), Is.EqualTo("非常不满意"));
            Assert.That(questions[2]!["text"]!["zh"]!.GetValue<string>(), Is.EqualTo("您最希望我们首先改进哪一方面？"));
        });
    }

    [Test]
    public async Task Roles_ReadAndDesignAsThePermissionTableSays()
    {
        // A service agent reads templates (it records answers by phone) but designs none; an Admin reads none.
        using var agent = await As("serviceagent");
        Assert.That((int)(await agent.GetAsync(Templates)).StatusCode, Is.EqualTo(200));
        await AssertProblem(await SendAsync(agent, HttpMethod.Post, Templates, NewTemplate(), idempotencyKey: "a-1"), 403);
        using var admin = await As("admin");
        await AssertProblem(await admin.GetAsync(Templates), 403);
        using var quality = await As("qualitymanager");
        Assert.That((int)(await quality.GetAsync(Templates)).StatusCode, Is.EqualTo(200));
        await AssertProblem(await SendAsync(quality, HttpMethod.Post, Templates, NewTemplate(), idempotencyKey: "q-1"), 403);
        await AssertProblem(await quality.GetAsync($"{Templates}/{Guid.NewGuid()}"), 404);
    }
}
