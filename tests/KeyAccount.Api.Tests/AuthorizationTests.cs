using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// For every endpoint of the API, discovered from the routing table (so a new endpoint is covered without
/// editing this file): anonymous → 401, each role without its permission → 403, and an AccountManager asking
/// for another manager's account → 404.
/// </summary>
public class AuthorizationTests : ApiTestBase
{
    private static readonly Dictionary<string, string> RoleUsers = new()
    {
        [nameof(Role.Admin)] = "admin",
        [nameof(Role.Director)] = "director",
        [nameof(Role.AccountManager)] = "accountmanager",
        [nameof(Role.ServiceAgent)] = "serviceagent",
        [nameof(Role.QualityManager)] = "qualitymanager",
        [nameof(Role.Marketing)] = "marketing",
    };

    public sealed record ApiEndpoint(string Name, string Method, string Pattern, string? Permission, bool Anonymous)
    {
        public override string ToString() => $"{Method} /{Pattern}";
    }

    public static IEnumerable<ApiEndpoint> Endpoints()
    {
        var sources = ApiFixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .Select(e => new ApiEndpoint(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName!,
                e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single(),
                e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .OrderBy(e => e.Pattern).ThenBy(e => e.Method)
            .ToList();
    }

    [Test]
    public void EveryEndpoint_HasAnAuthorizationRule()
    {
        var endpoints = Endpoints().ToList();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(15));
        var sources = ApiFixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        var unguarded = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.DisplayName);
        Assert.That(unguarded, Is.Empty);
        Assert.That(endpoints.Where(e => e.Anonymous).Select(e => e.Name), Is.EquivalentTo(new[] { "IssueClientToken", "Login", "SetPassword", "GetPublicSurvey", "AnswerPublicSurvey", "UnsubscribeFromSurveys" }));
    }

    [Test]
    public async Task EveryProtectedEndpoint_WhenAnonymous_Returns401()
    {
        using var client = ApiFixture.Anonymous();
        Assert.Multiple(async () =>
        {
            foreach (var endpoint in Endpoints().Where(e => !e.Anonymous))
            {
                var response = await client.SendAsync(Request(endpoint, Guid.NewGuid().ToString(), Guid.NewGuid().ToString()));
                Assert.That((int)response.StatusCode, Is.EqualTo(401), endpoint.ToString());
            }
        });
        await Task.CompletedTask;
    }

    [Test]
    public async Task EveryEndpoint_WhenTheRoleLacksItsPermission_Returns403()
    {
        var id = await CreateAccountAsync("director");
        var checkedPairs = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Permission is not null))
        {
            foreach (var (role, user) in RoleUsers)
            {
                if (Permissions.Grants(Enum.Parse<Role>(role), endpoint.Permission!))
                {
                    continue;
                }

                using var client = await As(user);
                var response = await client.SendAsync(Request(endpoint, id, Guid.NewGuid().ToString()));
                Assert.That((int)response.StatusCode, Is.EqualTo(403), $"{endpoint} as {role}: {await response.Content.ReadAsStringAsync()}");
                checkedPairs++;
            }
        }

        Assert.That(checkedPairs, Is.GreaterThanOrEqualTo(Endpoints().Count(e => e.Permission is not null)));
    }

    /// <summary>
    /// "A client token never does more than its scopes allow, on every endpoint": for each endpoint, a client holding
    /// every scope except the endpoint's permission is refused (403), and one holding exactly that permission is not
    /// refused by authorization (what its handler then answers — 200, 404, 400 — is that endpoint's business).
    /// </summary>
    [Test]
    public async Task EveryEndpoint_ForAnApiClient_ItsScopesAreExactlyWhatItMayDo()
    {
        var id = await CreateAccountAsync("director");
        var withEveryScopeBut = new Dictionary<string, HttpClient>();
        var withExactly = new Dictionary<string, HttpClient>();
        foreach (var permission in Permissions.All)
        {
            var (allButId, allButSecret) = await ApiClientsTests.CreateClientAsync([.. Permissions.All.Where(p => p != permission)]);
            withEveryScopeBut[permission] = ApiClientsTests.Bearer(await ApiClientsTests.TokenAsync(ApiClientsTests.Basic(allButId, allButSecret), ApiClientsTests.Form(("grant_type", "client_credentials"))));
            var (exactId, exactSecret) = await ApiClientsTests.CreateClientAsync([permission]);
            withExactly[permission] = ApiClientsTests.Bearer(await ApiClientsTests.TokenAsync(ApiClientsTests.Basic(exactId, exactSecret), ApiClientsTests.Form(("grant_type", "client_credentials"))));
        }

        try
        {
            var endpoints = Endpoints().Where(e => e.Permission is not null).ToList();
            foreach (var endpoint in endpoints)
            {
                var refused = await withEveryScopeBut[endpoint.Permission!].SendAsync(Request(endpoint, id, Guid.NewGuid().ToString()));
                var problem = await Body(refused);
                Assert.That((int)refused.StatusCode, Is.EqualTo(403), $"{endpoint} with every scope but {endpoint.Permission}: {problem.ToJsonString()}");
                Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo(PolicyRefusal), endpoint.ToString());

                var allowed = await withExactly[endpoint.Permission!].SendAsync(Request(endpoint, id, Guid.NewGuid().ToString()));
                var text = await allowed.Content.ReadAsStringAsync();
                Assert.That((int)allowed.StatusCode, Is.Not.EqualTo(401).And.Not.EqualTo(500), $"{endpoint} with exactly {endpoint.Permission}: {text}");
                if ((int)allowed.StatusCode == 403)
                {
                    Assert.That(System.Text.Json.Nodes.JsonNode.Parse(text)!["detail"]!.GetValue<string>(), Is.Not.EqualTo(PolicyRefusal), $"{endpoint} with exactly {endpoint.Permission}");
                    TestContext.Progress.WriteLine($"{endpoint}: a client holding {endpoint.Permission} is refused by the handler: {text}");
                }
            }
        }
        finally
        {
            foreach (var client in withEveryScopeBut.Values.Concat(withExactly.Values))
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The authorization policy's refusal (a handler's own 403 says why in its own words).</summary>
    private const string PolicyRefusal = "Your API client's token does not hold this operation's permission as a scope.";

    [Test]
    public async Task EveryAccountEndpoint_WhenAnotherManagersAccount_Returns404()
    {
        var othersAccount = await CreateAccountAsync("accountmanager2", "OTHERS-1");
        using var owner = await As("accountmanager2");
        var contact = await Body(await owner.PostAsJsonAsync($"/api/v1/accounts/{othersAccount}/contacts", NewContact()));
        using var manager = await As("accountmanager");
        var endpoints = Endpoints()
            .Where(e => e.Pattern.Contains("{id", StringComparison.Ordinal) || e.Pattern.Contains("{accountId", StringComparison.Ordinal))
            .Where(e => e.Pattern.Contains("accounts", StringComparison.Ordinal))
            .Where(e => e.Permission is not null && Permissions.Grants(Role.AccountManager, e.Permission))
            .ToList();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(10));

        foreach (var endpoint in endpoints)
        {
            var response = await manager.SendAsync(Request(endpoint, othersAccount, contact["id"]!.GetValue<string>()));
            Assert.That((int)response.StatusCode, Is.EqualTo(404), $"{endpoint}: {await response.Content.ReadAsStringAsync()}");
        }

        // And the owner still can.
        Assert.That((int)(await owner.GetAsync($"/api/v1/accounts/{othersAccount}")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task SurveyResults_WhenAnotherManagersAccounts_CountNoneOfThem()
    {
        // Results are per campaign, not /accounts/{id} routes: an AccountManager's figures count the accounts they may see only.
        var othersAccount = await CreateAccountAsync("accountmanager2", "OTHERS-SURVEY");
        using var owner = await As("accountmanager2");
        (await owner.PostAsJsonAsync($"/api/v1/accounts/{othersAccount}/contacts", NewContact(email: "wang.fang@example.cn"))).EnsureSuccessStatusCode();
        using var director = await As("director");
        var created = await director.PostAsJsonAsync("/api/v1/surveys/campaigns", SurveyCampaignsTests.NewCampaign(TestSurveyTemplates.Publish(), new { accountIds = new[] { othersAccount } }));
        var campaign = (await Body(created))["id"]!.GetValue<string>();
        var opened = await ChangeAsync(director, HttpMethod.Post, $"/api/v1/surveys/campaigns/{campaign}/open", null, $"/api/v1/surveys/campaigns/{campaign}");
        Assert.That((int)opened.StatusCode, Is.EqualTo(200), await opened.Content.ReadAsStringAsync());

        using var manager = await As("accountmanager");
        var results = await Body(await manager.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results"));
        var accounts = await Body(await manager.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results/accounts"));
        var texts = await Body(await manager.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results/text-answers"));
        Assert.Multiple(async () =>
        {
            Assert.That(results["invited"]!.GetValue<int>(), Is.Zero);
            Assert.That(accounts["items"]!.AsArray(), Is.Empty);
            Assert.That(texts["totalCount"]!.GetValue<int>(), Is.Zero);
            Assert.That((await Body(await owner.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results")))["invited"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That((await Body(await director.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results")))["invited"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TheAuditTrail_WhenAnotherManagersAccount_Returns404AndListsNoneOfIt()
    {
        // Not an /accounts/{id} route, so the sweep above does not reach it: the account is a query parameter.
        var othersAccount = await CreateAccountAsync("accountmanager2", "OTHERS-AUDIT");
        using var manager = await As("accountmanager");
        Assert.That((int)(await manager.GetAsync($"/api/v1/audit?accountId={othersAccount}")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await manager.GetAsync($"/api/v1/audit?entityType=account&entityId={othersAccount}")).StatusCode, Is.EqualTo(404));
        var all = await Body(await manager.GetAsync("/api/v1/audit"));
        Assert.That(all["totalCount"]!.GetValue<int>(), Is.Zero);

        using var owner = await As("accountmanager2");
        Assert.That((await Body(await owner.GetAsync($"/api/v1/audit?accountId={othersAccount}")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task EveryPlanEndpoint_WhenAnotherManagersPlan_Returns404()
    {
        // Plans are not /accounts/{id} routes, so the sweep above does not reach them: every /development-plans/{id}
        // route an AccountManager may call answers 404 for a plan of an account they may not see.
        var othersAccount = await CreateAccountAsync("accountmanager2", "OTHERS-PLAN");
        using var owner = await As("accountmanager2");
        var created = await owner.PostAsJsonAsync("/api/v1/development-plans", DevelopmentPlansTests.NewPlan(othersAccount));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var plan = (await Body(created))["id"]!.GetValue<string>();
        using var manager = await As("accountmanager");
        var endpoints = Endpoints()
            .Where(e => e.Pattern.StartsWith("api/v1/development-plans/{id", StringComparison.Ordinal))
            .Where(e => e.Permission is not null && Permissions.Grants(Role.AccountManager, e.Permission))
            .ToList();
        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(12));
        foreach (var endpoint in endpoints)
        {
            var response = await manager.SendAsync(Request(endpoint, plan, Guid.NewGuid().ToString()));
            Assert.That((int)response.StatusCode, Is.EqualTo(404), $"{endpoint}: {await response.Content.ReadAsStringAsync()}");
        }

        // A plan for their account is refused the same way, and the owner still reads it.
        Assert.That((int)(await manager.PostAsJsonAsync("/api/v1/development-plans", DevelopmentPlansTests.NewPlan(othersAccount))).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await owner.GetAsync($"/api/v1/development-plans/{plan}")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task TheAccountsNeedingPlan_WhenAnotherManagersAccount_ListsNoneOfIt()
    {
        // A list, not an /accounts/{id} route: an AccountManager's page holds their own accounts only, whatever the filter.
        var othersAccount = await CreateAccountAsync("accountmanager2", "OTHERS-PLAN");
        var ownAccount = await CreateAccountAsync("accountmanager", "OWN-PLAN");
        await ExecuteSqlAsync($"UPDATE accounts SET tier = 'Key' WHERE id IN ('{othersAccount}', '{ownAccount}')");
        using var manager = await As("accountmanager");
        var page = await Body(await manager.GetAsync("/api/v1/development-plans/accounts-needing-plan"));
        Assert.That(page["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Is.EqualTo(new[] { ownAccount }));
        var others = await Body(await manager.GetAsync($"/api/v1/development-plans/accounts-needing-plan?ownerId={ApiFixture.Users["accountmanager2"].Id}"));
        Assert.That(others["totalCount"]!.GetValue<int>(), Is.Zero);
        var dashboard = await Body(await manager.GetAsync("/api/v1/dashboard"));
        Assert.That(dashboard["accountsNeedingPlan"]!.GetValue<int>(), Is.EqualTo(1));
        // The account 360's filter: another manager's account by its id is an empty page (as a list, not a 404), their own is its row.
        var othersById = await Body(await manager.GetAsync($"/api/v1/development-plans/accounts-needing-plan?accountId={othersAccount}"));
        Assert.That(othersById["totalCount"]!.GetValue<int>(), Is.Zero);
        var ownById = await Body(await manager.GetAsync($"/api/v1/development-plans/accounts-needing-plan?accountId={ownAccount}"));
        Assert.That(ownById["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Is.EqualTo(new[] { ownAccount }));

        using var director = await As("director");
        Assert.That((await Body(await director.GetAsync("/api/v1/development-plans/accounts-needing-plan")))["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await Body(await director.GetAsync($"/api/v1/development-plans/accounts-needing-plan?accountId={othersAccount}")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    /// <summary>A request that passes validation, so that what answers is access control.</summary>
    private static HttpRequestMessage Request(ApiEndpoint endpoint, string accountId, string contactId)
    {
        var path = "/" + endpoint.Pattern
            .Replace("{id:guid}", accountId, StringComparison.Ordinal)
            .Replace("{accountId:guid}", accountId, StringComparison.Ordinal)
            .Replace("{contactId:guid}", contactId, StringComparison.Ordinal)
            .Replace("{interactionId:guid}", contactId, StringComparison.Ordinal)
            .Replace("{initiativeId:guid}", contactId, StringComparison.Ordinal)
            .Replace("{objectiveId:guid}", contactId, StringComparison.Ordinal)
            .Replace("{kind}", "Region", StringComparison.Ordinal)
            .Replace("{code}", "east-china", StringComparison.Ordinal)
            .Replace("{key}", "no-such-job", StringComparison.Ordinal)
            .Replace("{runId:guid}", contactId, StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        request.Content = endpoint.Name switch
        {
            "CreateAccount" or "UpdateAccount" => JsonContent.Create(NewAccount()),
            "ReplaceAccountTeam" => JsonContent.Create(Array.Empty<object>()),
            "AddContact" or "UpdateContact" => JsonContent.Create(NewContact()),
            "LogInteraction" => JsonContent.Create(new { type = "Call", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), summary = "Call" }),
            "ImportRevenue" => JsonContent.Create(new { rows = new[] { new { accountId, month = "2025-01", revenue = 1m, grossProfit = 0m, orderCount = 1, currency = "CNY" } } }),
            "Login" => JsonContent.Create(new { email = "x@test.local", password = "x" }),
            "CreateTierPolicy" or "UpdateTierPolicy" or "SimulateTierPolicy" => JsonContent.Create(TieringTests.PolicyBody()),
            "SetTierOverride" => JsonContent.Create(new { tier = "Strategic", reason = "Board decision", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }),
            "FileComplaint" => JsonContent.Create(ComplaintsTests.Intake(accountId)),
            "AcknowledgeComplaint" => JsonContent.Create(new { response = "On it" }),
            "AssignComplaint" => JsonContent.Create(new { department = "Service", assigneeId = Guid.NewGuid() }),
            "AwaitCustomer" or "ResumeComplaint" or "CloseComplaint" => JsonContent.Create(new { note = "Note" }),
            "ResolveComplaint" => JsonContent.Create(new { resolution = "Done", rootCause = "Process", correctiveAction = "Fix" }),
            "ReopenComplaint" => JsonContent.Create(new { reason = "Again" }),
            "AddComplaintComment" => JsonContent.Create(new { text = "Comment" }),
            "LinkComplaintInitiative" => JsonContent.Create(new { initiativeId = (string?)null }),
            "CreateUser" => JsonContent.Create(new { email = $"{Guid.NewGuid():N}@test.local", displayName = "新用户", role = "ServiceAgent", password = "Long-enough-password-1" }),
            "UpdateUser" => JsonContent.Create(new { displayName = "新用户", role = "ServiceAgent" }),
            "ResetUserPassword" => JsonContent.Create(new { sendSetPasswordLink = true }),
            "SetPassword" => JsonContent.Create(new { token = "x", password = "Long-enough-password-1" }),
            "UpdateSlaPolicy" => JsonContent.Create(new { severities = new[] { new { severity = "Critical", firstResponsePercent = 50, resolutionPercent = 50 } } }),
            "CreateApiClient" => JsonContent.Create(new { name = "ERP", scopes = new[] { "revenue:write" } }),
            "RotateApiClientSecret" => JsonContent.Create(new { overlapHours = 24 }),
            "UpdateApiClient" => JsonContent.Create(new { name = "ERP", scopes = new[] { "revenue:write" } }),
            "CreatePlan" or "UpdatePlan" => JsonContent.Create(DevelopmentPlansTests.NewPlan(accountId)),
            "ApprovePlan" => JsonContent.Create(new { comment = "同意" }),
            "RejectPlan" => JsonContent.Create(new { comment = "请补充收入目标" }),
            "CancelPlan" => JsonContent.Create(new { reason = "客户被收购" }),
            "SetInitiativeStatus" => JsonContent.Create(new { status = "Done" }),
            "RecordObjectiveActual" => JsonContent.Create(new { value = 1 }),
            "RecordPlanReview" => JsonContent.Create(new { heldOn = "2026-01-01", decisions = "继续" }),
            "CreateSurveyCampaign" or "UpdateSurveyCampaign" => JsonContent.Create(SurveyCampaignsTests.NewCampaign(Guid.NewGuid())),
            "RecordPhoneSurveyResponse" => JsonContent.Create(new { contactId, answers = Array.Empty<object>() }),
            "AnswerPublicSurvey" => JsonContent.Create(new { answers = Array.Empty<object>() }),
            "PreviewSurveyAudience" => JsonContent.Create(new { perAccountCap = 3 }),
            "CreateReferenceItem" => JsonContent.Create(new { code = $"r-{Guid.NewGuid():N}", labelZh = "华东", labelEn = "East China", sortOrder = 1 }),
            "UpdateReferenceItem" => JsonContent.Create(new { labelZh = "华东", labelEn = "East China", sortOrder = 10 }),
                        "CreateSurveyTemplate" or "UpdateSurveyTemplate" => JsonContent.Create(SurveyTemplatesTests.NewTemplate()),
            _ => null,
        };
        return request;
    }
}
