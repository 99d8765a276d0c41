using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// One mechanism per HTTP convention, for every endpoint (found in the routing table, so one added later is covered):
/// Idempotency-Key on every create, If-Match on every change, 415, 405 with Allow, HEAD, and coded problems.
/// </summary>
public class HttpConventionsTests : ApiTestBase
{
    private static IReadOnlyList<RouteEndpoint> ApiEndpoints() =>
        [.. ApiFixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)];

    private static string NameOf(RouteEndpoint e) => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;

    /// <summary>Every create, with what it needs: where it posts, the body, and the list that shows how many exist.</summary>
    private static async Task<(string Url, object Body, string CountUrl, string User)> CreateCaseAsync(string create)
    {
        switch (create)
        {
            case "CreateAccount":
                return ("/api/v1/accounts", NewAccount("IDEM-ACC"), "/api/v1/accounts", "accountmanager");
            case "AddContact":
            {
                var id = await CreateAccountAsync(registration: "IDEM-CON");
                return ($"/api/v1/accounts/{id}/contacts", NewContact("李娜"), $"/api/v1/accounts/{id}/contacts", "accountmanager");
            }

            case "LogInteraction":
            {
                var id = await CreateAccountAsync(registration: "IDEM-INT");
                return ($"/api/v1/accounts/{id}/interactions", new { type = "Visit", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), summary = "拜访" }, $"/api/v1/accounts/{id}/interactions", "accountmanager");
            }

            case "CreateTierPolicy":
                return ("/api/v1/tiering/policies", TieringTests.PolicyBody(), "/api/v1/tiering/policies", "director");
            case "StartTieringRun":
                return ("/api/v1/tiering/runs", new { }, "/api/v1/tiering/runs", "director");
            case "FileComplaint":
            {
                var id = await CreateAccountAsync(registration: "IDEM-CMP");
                return ("/api/v1/complaints", ComplaintsTests.Intake(id), "/api/v1/complaints", "serviceagent");
            }

            case "AddComplaintComment":
            {
                var id = await CreateAccountAsync(registration: "IDEM-CMT");
                using var agent = await As("serviceagent");
                var complaint = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(id)));
                return ($"/api/v1/complaints/{complaint["id"]}/comments", new { text = "客户已收到照片" }, $"/api/v1/complaints/{complaint["id"]}/timeline", "serviceagent");
            }

            case "CreateWebhookEndpoint":
                return ("/api/v1/webhooks/endpoints", new { url = "https://erp.example.cn/hooks/keyaccount", eventTypes = new[] { "complaint.filed" }, description = "ERP 集成" }, "/api/v1/webhooks/endpoints", "admin");

            case "CreateUser":
            {
                // Users outlive each test: a unique email, and the list filtered to it, count this test's user only.
                var email = $"idem-{Guid.NewGuid():N}@test.local";
                return ("/api/v1/users", new { email, displayName = "幂等用户", role = "ServiceAgent", password = "Idempotent-Password-1" }, $"/api/v1/users?q={email}", "admin");
            }

            case "CreateReferenceItem":
                // The lists outlive each test (reference data): a code of its own.
                return ("/api/v1/reference-data/Region", new { code = $"idem-{Guid.NewGuid():N}"[..20], labelZh = "西南边陲", labelEn = "Far southwest", sortOrder = 900 }, "/api/v1/reference-data?kind=Region&includeInactive=true", "admin");

            case "CreatePlan":
            {
                var id = await CreateAccountAsync(registration: "IDEM-PLAN");
                return ("/api/v1/development-plans", DevelopmentPlansTests.NewPlan(id), "/api/v1/development-plans", "accountmanager");
            }

            case "CreateSurveyCampaign":
                return ("/api/v1/surveys/campaigns", SurveyCampaignsTests.NewCampaign(Infrastructure.TestSurveyTemplates.Publish()), "/api/v1/surveys/campaigns", "marketing");
            case "CreateSurveyTemplate":
                return ("/api/v1/surveys/templates", SurveyTemplatesTests.NewTemplate(), "/api/v1/surveys/templates", "marketing");

            default:
                throw new AssertionException($"No idempotency case for the create {create}: add one here.");
        }
    }

    private static int CountIn(JsonNode list) => list is JsonArray array ? array.Count : list["totalCount"]?.GetValue<int>() ?? list["items"]!.AsArray().Count;

    [Test]
    public void EveryWrite_DeclaresItsKind()
    {
        // The API refuses to start otherwise; this says which creates exist, so each gets an idempotency case below
        // (StartJobRun, a 202, has its own in JobRunsTests).
        var creates = ApiEndpoints().Where(e => e.Metadata.GetMetadata<CreateEndpoint>() is not null).Select(NameOf).Order().ToList();
        Assert.That(creates, Is.EqualTo(new[] { "AddComplaintComment", "AddContact", "CreateAccount", "CreateApiClient", "CreatePlan", "CreateReferenceItem", "CreateSurveyCampaign", "CreateSurveyTemplate", "CreateTierPolicy", "CreateUser", "CreateWebhookEndpoint", "FileComplaint", "LogInteraction", "RecordPhoneSurveyResponse", "RecordPlanReview", "RevisePlan", "ReviseSurveyTemplate", "StartJobRun", "StartTieringRun" }));
    }

    [TestCase("CreateAccount")]
    [TestCase("AddContact")]
    [TestCase("LogInteraction")]
    [TestCase("CreateTierPolicy")]
    [TestCase("StartTieringRun")]
    [TestCase("FileComplaint")]
    [TestCase("AddComplaintComment")]
    [TestCase("CreateWebhookEndpoint")]
    [TestCase("CreateUser")]
    [TestCase("CreateReferenceItem")]
    [TestCase("CreatePlan")]
    [TestCase("CreateSurveyCampaign")]
    [TestCase("CreateSurveyTemplate")]
    public async Task EveryCreate_ReplayedWithItsIdempotencyKey_ReturnsTheFirstAnswerAndCreatesOnce(string create)
    {
        if (create == "StartTieringRun")
        {
            using var director = await As("director");
            var policy = await director.PostAsJsonAsync("/api/v1/tiering/policies", TieringTests.PolicyBody());
            var id = (await Body(policy))["id"]!.GetValue<string>();
            Assert.That((int)(await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{id}/publish?acknowledgeShift=true", null, policy.Headers.ETag!.Tag)).StatusCode, Is.EqualTo(200));
        }

        var (url, body, countUrl, user) = await CreateCaseAsync(create);
        using var client = await As(user);
        var before = CountIn(await Body(await client.GetAsync(countUrl)));
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(client, HttpMethod.Post, url, body, idempotencyKey: key);
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.That((int)first.StatusCode, Is.EqualTo(201), firstText);
        var replay = await SendAsync(client, HttpMethod.Post, url, body, idempotencyKey: key);
        Assert.That((int)replay.StatusCode, Is.EqualTo(201));
        Assert.That(await replay.Content.ReadAsStringAsync(), Is.EqualTo(firstText), "a replay returns the first body");
        Assert.That(replay.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(replay.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true", Is.True);
        Assert.That(CountIn(await Body(await client.GetAsync(countUrl))), Is.EqualTo(before + 1), "created once");

        if (create == "StartTieringRun")
        {
            return; // a run takes no body: there is no other request to send with the same key
        }

        // The same key with another request is refused, and writes nothing.
        var other = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        other["__different"] = "yes";
        var mismatch = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(AlterFirstString(other).ToJsonString(), Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", key } },
        });
        var problem = await AssertProblem(mismatch, 422, "Idempotency-Key");
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo(ProblemCodes.IdempotencyKeyReused));
        Assert.That(CountIn(await Body(await client.GetAsync(countUrl))), Is.EqualTo(before + 1));
    }

    /// <summary>Changes a value the create keeps (unknown members are ignored, so they do not make another request).</summary>
    private static JsonObject AlterFirstString(JsonObject body)
    {
        body.Remove("__different");
        foreach (var name in new[] { "summary", "text", "name", "displayName", "subject", "description", "title", "labelEn" })
        {
            if (body[name] is JsonValue value && value.TryGetValue<string>(out var s))
            {
                body[name] = s + " (2)";
                return body;
            }
        }

        body["hysteresisMargin"] = 7;
        return body;
    }

    [Test]
    public async Task ACreate_ConcurrentWithTheSameKey_CreatesOnce()
    {
        var id = await CreateAccountAsync(registration: "IDEM-RACE");
        using var agent = await As("serviceagent");
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", ComplaintsTests.Intake(id), idempotencyKey: key)));
        Assert.That(responses.Select(r => (int)r.StatusCode), Is.All.EqualTo(201).Or.EqualTo(409));
        var ids = new HashSet<string>();
        foreach (var response in responses.Where(r => (int)r.StatusCode == 201))
        {
            ids.Add((await Body(response))["id"]!.GetValue<string>());
        }

        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That((await Body(await agent.GetAsync("/api/v1/complaints")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task ACreate_WhileTheFirstWithItsKeyIsStillRunning_Returns409WithRetryAfter()
    {
        var id = await CreateAccountAsync(registration: "IDEM-FLIGHT");
        using var agent = await As("serviceagent");
        var key = Guid.NewGuid().ToString();
        var me = ApiFixture.Users["serviceagent"].Id.Value;

        // The first request, still running: its key is claimed in a transaction that has not finished.
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var running = await connection.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand("INSERT INTO idempotency_requests (scope, key, fingerprint, created_at) VALUES (@scope, @key, 'x', now())", connection, running))
        {
            claim.Parameters.AddWithValue("scope", $"{me} POST /api/v1/complaints");
            claim.Parameters.AddWithValue("key", key);
            await claim.ExecuteNonQueryAsync();
        }

        var response = await SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", ComplaintsTests.Intake(id), idempotencyKey: key);
        var problem = await AssertProblem(response, 409, "Idempotency-Key");
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo(ProblemCodes.IdempotencyKeyInFlight));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        await running.RollbackAsync();

        // Once the first gave up, the key is free again.
        Assert.That((int)(await SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", ComplaintsTests.Intake(id), idempotencyKey: key)).StatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task ACreate_ThatFailed_ReleasesItsKey()
    {
        var id = await CreateAccountAsync(registration: "IDEM-FAIL");
        using var agent = await As("serviceagent");
        var key = Guid.NewGuid().ToString();
        var invalid = new { accountId = id, channel = "Phone", category = "Delivery", severity = "High", subject = "", description = "d" };
        await AssertProblem(await SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", invalid, idempotencyKey: key), 400, "subject");
        Assert.That((int)(await SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", ComplaintsTests.Intake(id), idempotencyKey: key)).StatusCode, Is.EqualTo(201));
        await AssertProblem(await SendAsync(agent, HttpMethod.Post, "/api/v1/complaints", ComplaintsTests.Intake(id), idempotencyKey: new string('k', 256)), 400, "Idempotency-Key");
    }

    [Test]
    public async Task EveryChange_RequiresAStrongIfMatch()
    {
        var changes = ApiEndpoints().Where(e => e.Metadata.GetMetadata<IfMatchRequired>() is not null).ToList();
        var methods = changes.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods).ToHashSet();
        Assert.That(changes, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(methods, Is.SupersetOf(new[] { "PUT", "DELETE", "POST" }));
        var puts = ApiEndpoints().Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Any(m => m is "PUT" or "DELETE"));
        Assert.That(puts.Where(e => e.Metadata.GetMetadata<IfMatchRequired>() is null).Select(NameOf), Is.Empty, "every PUT and DELETE");

        // Each change as a user who may make it (authorization comes before If-Match).
        using var director = await As("director");
        using var admin = await As("admin");
        foreach (var endpoint in changes)
        {
            // Whoever may make the change: a Director, or for what only the Admin does (users, clients, webhooks) the Admin.
            var caller = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Any(a => a.Policy is { } p && !KeyAccount.Application.Common.Security.Permissions.Grants(KeyAccount.Domain.Users.Role.Director, p)) ? admin : director;
            var path = endpoint.RoutePattern.RawText!
                .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{accountId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{contactId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{initiativeId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{objectiveId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            var method = new HttpMethod(endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single());
            foreach (var (ifMatch, status) in new (string?, int)[] { (null, 428), ("W/\"1\"", 400), ("*", 400), ("\"abc\"", 400) })
            {
                var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                if (ifMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                var response = await caller.SendAsync(request);
                var problem = await AssertProblem(response, status, "If-Match");
                Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo(status == 428 ? ProblemCodes.IfMatchRequired : ProblemCodes.Validation), $"{method} {path} with {ifMatch ?? "no If-Match"}");
            }
        }
    }

    [Test]
    public async Task SlaPolicy_WhenTwoEditorsRaceFromTheSameRead_TheSecondGets412()
    {
        using var quality = await As("qualitymanager");
        var etag = await ETagOf(quality, "/api/v1/complaints/sla-policy");
        object Body(int critical) => new
        {
            severities = new[]
            {
                new { severity = "Critical", firstResponsePercent = critical, resolutionPercent = 50 },
                new { severity = "High", firstResponsePercent = 75, resolutionPercent = 75 },
                new { severity = "Medium", firstResponsePercent = 100, resolutionPercent = 100 },
                new { severity = "Low", firstResponsePercent = 100, resolutionPercent = 100 },
            },
        };
        var responses = await Task.WhenAll(SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", Body(25), etag), SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", Body(30), etag));
        Assert.That(responses.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 200, 412 }));
        var stale = await SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", Body(40), etag);
        await AssertProblem(stale, 412);
    }

    [Test]
    public async Task WrongContentType_Is415_WrongMethod_Is405WithAllow_AndHeadServesGet()
    {
        using var anonymous = ApiFixture.Anonymous();
        var login = await anonymous.PostAsync("/api/v1/auth/login", new StringContent("email=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.That((await AssertProblem(login, 415))["code"]!.GetValue<string>(), Is.EqualTo(ProblemCodes.UnsupportedMediaType));

        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        await AssertProblem(await client.PostAsync("/api/v1/accounts", new StringContent("<account/>", Encoding.UTF8, "application/xml")), 415);

        var patch = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{id}"));
        Assert.That((await AssertProblem(patch, 405))["code"]!.GetValue<string>(), Is.EqualTo(ProblemCodes.MethodNotAllowed));
        Assert.That(patch.Content.Headers.Allow, Is.SupersetOf(new[] { "GET", "HEAD", "PUT", "DELETE" }));
        var anonymousPatch = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "/api/v1/auth/login"));
        Assert.That((int)anonymousPatch.StatusCode, Is.EqualTo(405));

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/accounts/{id}"));
        Assert.That((int)head.StatusCode, Is.EqualTo(200));
        Assert.That(head.Headers.ETag, Is.Not.Null);
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task EveryProblem_HasAStableTypeAndCode_AndFieldErrorsHaveCodes()
    {
        using var client = await As("accountmanager");
        var problems = new[]
        {
            await client.GetAsync("/api/v1/accounts?pageSize=500"),
            await client.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}"),
            await client.GetAsync("/api/v1/nothing-here"),
            await client.PostAsJsonAsync("/api/v1/accounts", new { name = "x" }),
            await ApiFixture.Anonymous().GetAsync("/api/v1/me"),
        };
        var known = ProblemCodes.All.Concat(FieldErrorCodes.All).ToHashSet();
        foreach (var response in problems)
        {
            var problem = await AssertProblem(response, (int)response.StatusCode);
            var code = problem["code"]!.GetValue<string>();
            Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo("https://keyaccount.dev/problems/" + code));
            Assert.That(known, Does.Contain(code));
            foreach (var (_, errors) in problem["errors"]?.AsObject() ?? [])
            {
                foreach (var error in errors!.AsArray())
                {
                    Assert.That(known, Does.Contain(error!["code"]!.GetValue<string>()));
                    Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty);
                }
            }
        }

        var tooLarge = await AssertProblem(problems[0], 400, "pageSize");
        Assert.That(tooLarge["errors"]!["pageSize"]![0]!["code"]!.GetValue<string>(), Is.EqualTo(FieldErrorCodes.OutOfRange));
        Assert.That(tooLarge["errors"]!["pageSize"]![0]!["args"]!["max"]!.GetValue<int>(), Is.EqualTo(200));
    }

    [Test]
    public void EveryBusinessRule_DeclaresAUniqueCode()
    {
        var rules = typeof(IBusinessRule).Assembly.GetTypes().Where(t => typeof(IBusinessRule).IsAssignableFrom(t) && t.IsClass).ToList();
        Assert.That(rules, Has.Count.GreaterThanOrEqualTo(30));
        var codes = rules.Select(RuleCodeAttribute.Of).ToList();
        Assert.That(codes, Is.Unique);
        Assert.That(codes, Has.All.Matches<string>(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[a-z0-9]+(-[a-z0-9]+)*$")));
    }

    [Test]
    public async Task Headers_IfMatchIsCaseSensitiveTag_NotAHeaderValueList()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var etag = await ETagOf(client, $"/api/v1/accounts/{id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}") { Content = JsonContent.Create(NewAccount()) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag, isWeak: true));
        await AssertProblem(await client.SendAsync(request), 400, "If-Match");
    }
}
