using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The audit trail end to end: changes made through the API (and one made by a job-like scope with no caller) each
/// write one row with exactly the changed fields, in the same transaction; secrets never reach it; an AccountManager
/// reads only the history of accounts they may see.
/// </summary>
public class AuditTests : ApiTestBase
{
    private static async Task<JsonArray> TrailAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit?" + query);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await Body(response))["items"]!.AsArray();
    }

    private static Dictionary<string, (JsonNode? Before, JsonNode? After)> Changes(JsonNode entry) =>
        entry["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => (c!["before"], c["after"]));

    private static async Task<long> RowsAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.LongCountAsync();
    }

    [Test]
    public async Task UpdateAccount_WithIfMatch_WritesOneRowWithExactlyTheChangedFieldsBeforeAndAfter()
    {
        var id = await CreateAccountAsync("accountmanager", "AUD-1", name: "华东精密制造有限公司");
        using var manager = await As("accountmanager");
        var body = new
        {
            name = "华东精密制造集团有限公司",
            registrationNumber = "AUD-1",
            industry = "manufacturing",
            region = "east-china",
            segment = "enterprise",
            status = "Active",
            strategicFit = 5,
            potentialAnnualRevenue = new { amount = "1500000.00", currency = "CNY" },
            firstContractDate = "2019-04-01",
        };
        var updated = await SendAsync(manager, HttpMethod.Put, $"/api/v1/accounts/{id}", body, await ETagOf(manager, $"/api/v1/accounts/{id}"));
        Assert.That((int)updated.StatusCode, Is.EqualTo(200), await updated.Content.ReadAsStringAsync());

        using var director = await As("director");
        var trail = await TrailAsync(director, $"entityType=account&entityId={id}");
        Assert.That(trail.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Updated", "Created" }));
        var entry = trail[0]!;
        var changes = Changes(entry);
        Assert.Multiple(() =>
        {
            Assert.That(changes.Keys, Is.EquivalentTo(new[] { "name", "strategicFit", "potentialAnnualRevenue" }));
            Assert.That(changes["name"].Before!.GetValue<string>(), Is.EqualTo("华东精密制造有限公司"));
            Assert.That(changes["name"].After!.GetValue<string>(), Is.EqualTo("华东精密制造集团有限公司"));
            Assert.That((changes["strategicFit"].Before!.GetValue<int>(), changes["strategicFit"].After!.GetValue<int>()), Is.EqualTo((4, 5)));
            Assert.That(changes["potentialAnnualRevenue"].Before!.GetValue<string>(), Is.EqualTo("1200000.50 CNY"));
            Assert.That(changes["potentialAnnualRevenue"].After!.GetValue<string>(), Is.EqualTo("1500000.00 CNY"));
            Assert.That(entry["entityType"]!.GetValue<string>(), Is.EqualTo("account"));
            Assert.That(entry["accountId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(entry["actor"]!["kind"]!.GetValue<string>(), Is.EqualTo("User"));
            Assert.That(entry["actor"]!["id"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager"].Id.Value.ToString()));
            Assert.That(entry["actor"]!["displayName"]!.GetValue<string>(), Is.EqualTo("Manager One"));
            Assert.That(entry["correlationId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        });

        // The creation lists the fields the account was created with; timestamps and the version are never recorded.
        var created = Changes(trail[1]!);
        Assert.That(created.Keys, Has.Member("name").And.Member("tier").And.Member("ownerId").And.No.Member("updatedAt").And.No.Member("createdAt").And.No.Member("version"));
        Assert.That(created["tier"], Is.EqualTo(((JsonNode?)null, created["tier"].After)));
        Assert.That(created["tier"].After!.GetValue<string>(), Is.EqualTo("Standard"));
        var owner = trail[1]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "ownerId")!;
        Assert.That((owner["after"]!.GetValue<string>(), owner["afterName"]!.GetValue<string>()), Is.EqualTo((ApiFixture.Users["accountmanager"].Id.Value.ToString(), "Manager One")));
        Assert.That(trail[1]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "name")!["afterName"], Is.Null);
    }

    [Test]
    public async Task DeleteAccount_IsRecorded_AndTheHistoryOutlivesTheAccount()
    {
        var id = await CreateAccountAsync("director", "AUD-GONE");
        using var director = await As("director");
        var deleted = await SendAsync(director, HttpMethod.Delete, $"/api/v1/accounts/{id}", null, await ETagOf(director, $"/api/v1/accounts/{id}"));
        Assert.That((int)deleted.StatusCode, Is.EqualTo(204), await deleted.Content.ReadAsStringAsync());

        var trail = await TrailAsync(director, $"accountId={id}");
        Assert.That(trail.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Deleted", "Created" }));
        var gone = Changes(trail[0]!);
        Assert.That((gone["registrationNumber"].Before!.GetValue<string>(), gone["registrationNumber"].After), Is.EqualTo(("AUD-GONE", (JsonNode?)null)));
    }

    [Test]
    public async Task AFailedChange_WritesNoRow()
    {
        var id = await CreateAccountAsync("director", "AUD-FAIL-1");
        _ = await CreateAccountAsync("director", "AUD-FAIL-2");
        using var director = await As("director");
        var rows = await RowsAsync();

        // Stale version: refused before anything is written.
        var stale = await SendAsync(director, HttpMethod.Put, $"/api/v1/accounts/{id}", NewAccount("AUD-FAIL-1", name: "改名"), "\"1\"");
        Assert.That((int)stale.StatusCode, Is.EqualTo(412), await stale.Content.ReadAsStringAsync());

        // A duplicate registration number: the database refuses the UPDATE in the same transaction as the audit row.
        var duplicate = await SendAsync(director, HttpMethod.Put, $"/api/v1/accounts/{id}", NewAccount("AUD-FAIL-2", name: "改名"), await ETagOf(director, $"/api/v1/accounts/{id}"));
        Assert.That((int)duplicate.StatusCode, Is.EqualTo(409), await duplicate.Content.ReadAsStringAsync());

        Assert.That(await RowsAsync(), Is.EqualTo(rows));
        Assert.That(await TrailAsync(director, $"entityType=account&entityId={id}"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ContactsTeamAndTierOverride_AreRecordedUnderTheirAccount()
    {
        var id = await CreateAccountAsync("accountmanager", "AUD-2");
        using var manager = await As("accountmanager");
        var added = await manager.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("李静", "DecisionMaker"));
        Assert.That((int)added.StatusCode, Is.EqualTo(201), await added.Content.ReadAsStringAsync());
        var contactId = (await Body(added))["id"]!.GetValue<string>();
        var removed = await SendAsync(manager, HttpMethod.Delete, $"/api/v1/accounts/{id}/contacts/{contactId}", null, await ETagOf(manager, $"/api/v1/accounts/{id}"));
        Assert.That((int)removed.StatusCode, Is.EqualTo(204), await removed.Content.ReadAsStringAsync());

        var member = ApiFixture.Users["accountmanager2"].Id.Value.ToString();
        var team = await SendAsync(manager, HttpMethod.Put, $"/api/v1/accounts/{id}/team", new[] { new { userId = member, role = "SalesEngineer" } }, await ETagOf(manager, $"/api/v1/accounts/{id}/team"));
        Assert.That((int)team.StatusCode, Is.EqualTo(200), await team.Content.ReadAsStringAsync());

        using var director = await As("director");
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var tier in new[] { "Key", "Strategic" })
        {
            var pin = await SendAsync(director, HttpMethod.Put, $"/api/v1/accounts/{id}/tier-override", new { tier, reason = "签署战略合作协议", expiresOn = expiry }, await ETagOf(director, $"/api/v1/accounts/{id}"));
            Assert.That((int)pin.StatusCode, Is.EqualTo(204), await pin.Content.ReadAsStringAsync());
        }

        var contact = await TrailAsync(director, $"entityType=contact&entityId={contactId}");
        Assert.That(contact.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Deleted", "Created" }));
        Assert.That(Changes(contact[1]!)["name"], Is.EqualTo(((JsonNode?)null, Changes(contact[1]!)["name"].After)));
        Assert.That(Changes(contact[1]!)["name"].After!.GetValue<string>(), Is.EqualTo("李静"));
        Assert.That(Changes(contact[1]!)["buyingRole"].After!.GetValue<string>(), Is.EqualTo("DecisionMaker"));
        Assert.That(Changes(contact[0]!)["name"].Before!.GetValue<string>(), Is.EqualTo("李静"));
        Assert.That(Changes(contact[0]!)["name"].After, Is.Null);

        var membership = (await TrailAsync(director, $"entityType=accountTeamMember&accountId={id}")).Single()!;
        Assert.That((membership["action"]!.GetValue<string>(), membership["entityId"]!.GetValue<string>()), Is.EqualTo(("Created", member)));
        Assert.That(Changes(membership)["role"].After!.GetValue<string>(), Is.EqualTo("SalesEngineer"));
        Assert.That(Changes(membership)["userId"].After!.GetValue<string>(), Is.EqualTo(member));
        Assert.That(membership["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "userId")!["afterName"]!.GetValue<string>(), Is.EqualTo("Manager Two"));

        var pins = await TrailAsync(director, $"entityType=tierOverride&entityId={id}");
        Assert.That(pins.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Updated", "Created" }));
        Assert.That(Changes(pins[0]!).Keys, Is.EquivalentTo(new[] { "tier" }), pins.ToJsonString());
        Assert.That((Changes(pins[0]!)["tier"].Before!.GetValue<string>(), Changes(pins[0]!)["tier"].After!.GetValue<string>()), Is.EqualTo(("Key", "Strategic")));
        Assert.That(Changes(pins[1]!)["reason"].After!.GetValue<string>(), Is.EqualTo("签署战略合作协议"));
        Assert.That(pins[0]!["actor"]!["displayName"]!.GetValue<string>(), Is.EqualTo("Director"));

        // Everything of the account, newest first; the pins touched no field of the account itself worth recording.
        var all = await TrailAsync(director, $"accountId={id}");
        Assert.That(all.Select(e => e!["entityType"]!.GetValue<string>()), Is.EqualTo(new[] { "tierOverride", "tierOverride", "accountTeamMember", "contact", "contact", "account" }));
    }

    [Test]
    public async Task PoliciesAndWebhookEndpoints_AreRecorded_AndSecretsAreRedacted()
    {
        using var director = await As("director");
        var created = await director.PostAsJsonAsync("/api/v1/tiering/policies", TieringTests.PolicyBody());
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var policyId = (await Body(created))["id"]!.GetValue<string>();
        var changed = await SendAsync(director, HttpMethod.Put, $"/api/v1/tiering/policies/{policyId}", TieringTests.PolicyBody(cutoffs: new { strategic = 80, key = 65, growth = 40 }), created.Headers.ETag!.Tag);
        Assert.That((int)changed.StatusCode, Is.EqualTo(200), await changed.Content.ReadAsStringAsync());
        var policy = await TrailAsync(director, $"entityType=tierPolicy&entityId={policyId}");
        Assert.That(policy.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Updated", "Created" }));
        Assert.That(Changes(policy[0]!).Keys, Is.EquivalentTo(new[] { "cutoffs.key" }), policy.ToJsonString());
        Assert.That((Changes(policy[0]!)["cutoffs.key"].Before!.GetValue<string>(), Changes(policy[0]!)["cutoffs.key"].After!.GetValue<string>()), Is.EqualTo(("60.00", "65.00")));
        Assert.That(Changes(policy[1]!)["criteria"].After!.AsArray(), Has.Count.EqualTo(7));
        Assert.That(policy[0]!["accountId"], Is.Null);

        using var quality = await As("qualitymanager");
        var scales = new[]
        {
            new { severity = "Critical", firstResponsePercent = 25, resolutionPercent = 50 },
            new { severity = "High", firstResponsePercent = 75, resolutionPercent = 75 },
            new { severity = "Medium", firstResponsePercent = 100, resolutionPercent = 100 },
            new { severity = "Low", firstResponsePercent = 100, resolutionPercent = 100 },
        };
        var sla = await SendAsync(quality, HttpMethod.Put, "/api/v1/complaints/sla-policy", new { severities = scales }, await ETagOf(quality, "/api/v1/complaints/sla-policy"));
        Assert.That((int)sla.StatusCode, Is.EqualTo(200), await sla.Content.ReadAsStringAsync());
        var slaTrail = (await TrailAsync(director, "entityType=slaPolicy")).Single()!;
        Assert.That(slaTrail["action"]!.GetValue<string>(), Is.EqualTo("Created"));
        var severities = Changes(slaTrail)["severities"].After!.AsArray();
        Assert.That(severities.Single(s => s!["severity"]!.GetValue<string>() == "Critical")!["firstResponsePercent"]!.GetValue<int>(), Is.EqualTo(25));
        Assert.That(slaTrail["actor"]!["displayName"]!.GetValue<string>(), Is.EqualTo("Quality"));

        using var admin = await As("admin");
        var endpoint = await admin.PostAsJsonAsync("/api/v1/webhooks/endpoints", new { url = "https://erp.example.cn/hooks/keyaccount", eventTypes = new[] { "complaint.filed" }, description = "ERP 集成" });
        Assert.That((int)endpoint.StatusCode, Is.EqualTo(201), await endpoint.Content.ReadAsStringAsync());
        var endpointId = (await Body(endpoint))["endpoint"]!["id"]!.GetValue<string>();
        var url = $"/api/v1/webhooks/endpoints/{endpointId}";
        var update = await SendAsync(admin, HttpMethod.Put, url, new { url = "https://erp.example.cn/hooks/keyaccount", eventTypes = new[] { "complaint.filed", "account.created" }, description = "ERP 集成（生产）", enabled = true }, await ETagOf(admin, url));
        Assert.That((int)update.StatusCode, Is.EqualTo(200), await update.Content.ReadAsStringAsync());
        var rotated = await SendAsync(admin, HttpMethod.Post, url + "/rotate-secret", null, await ETagOf(admin, url));
        Assert.That((int)rotated.StatusCode, Is.EqualTo(200), await rotated.Content.ReadAsStringAsync());

        var hooks = await TrailAsync(admin, $"entityType=webhookEndpoint&entityId={endpointId}");
        Assert.That(hooks.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Updated", "Updated", "Created" }));
        var rotation = Changes(hooks[0]!);
        Assert.That(rotation.Keys, Is.EquivalentTo(new[] { "secret", "previousSecret", "previousSecretExpiresAt" }));
        Assert.That((rotation["secret"].Before!.GetValue<string>(), rotation["secret"].After!.GetValue<string>()), Is.EqualTo(("***", "***")));
        Assert.That((rotation["previousSecret"].Before, rotation["previousSecret"].After!.GetValue<string>()), Is.EqualTo(((JsonNode?)null, "***")));
        var edit = Changes(hooks[1]!);
        Assert.That(edit.Keys, Is.EquivalentTo(new[] { "eventTypes", "description" }));
        Assert.That(edit["eventTypes"].After!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "account.created", "complaint.filed" }));
        Assert.That(edit["description"].After!.GetValue<string>(), Is.EqualTo("ERP 集成（生产）"));
        Assert.That(Changes(hooks[2]!)["secret"].After!.GetValue<string>(), Is.EqualTo("***"));

        // No signing secret anywhere in the trail, whatever the API shows.
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.Select(e => e.Changes).ToListAsync();
        Assert.That(stored, Has.None.Contains("whsec_"));
    }

    [Test]
    public async Task DeactivatingAUser_IsRecordedAsTheSystems_WithTheStampRedacted()
    {
        User user;
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            user = User.Create($"leaver-{Guid.NewGuid():N}@test.local", "离职员工", Role.ServiceAgent, "not-a-real-hash", DateTimeOffset.UtcNow);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            user.Deactivate();
            await db.SaveChangesAsync();
        }

        using var admin = await As("admin");
        var trail = await TrailAsync(admin, $"entityType=user&entityId={user.Id.Value}");
        Assert.That(trail.Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Updated", "Created" }));
        var deactivation = Changes(trail[0]!);
        Assert.That(deactivation.Keys, Is.EquivalentTo(new[] { "isActive", "securityStamp" }));
        Assert.That((deactivation["isActive"].Before!.GetValue<bool>(), deactivation["isActive"].After!.GetValue<bool>()), Is.EqualTo((true, false)));
        Assert.That((deactivation["securityStamp"].Before!.GetValue<string>(), deactivation["securityStamp"].After!.GetValue<string>()), Is.EqualTo(("***", "***")));
        Assert.That(Changes(trail[1]!)["passwordHash"].After!.GetValue<string>(), Is.EqualTo("***"));
        Assert.That(trail[0]!["actor"]!["kind"]!.GetValue<string>(), Is.EqualTo("System"));
        Assert.That(trail[0]!["actor"]!["id"], Is.Null);
    }

    [Test]
    public async Task AnAccountManager_SeesTheirOwnAccountsHistory_AndNothingOfAnotherManagers()
    {
        var mine = await CreateAccountAsync("accountmanager", "AUD-MINE");
        var theirs = await CreateAccountAsync("accountmanager2", "AUD-THEIRS");
        using var director = await As("director");
        var created = await director.PostAsJsonAsync("/api/v1/tiering/policies", TieringTests.PolicyBody());
        Assert.That((int)created.StatusCode, Is.EqualTo(201));

        using var manager = await As("accountmanager");
        Assert.That((await TrailAsync(manager, $"accountId={mine}")).Single()!["entityId"]!.GetValue<string>(), Is.EqualTo(mine));
        Assert.That(await TrailAsync(manager, $"entityType=account&entityId={mine}"), Has.Count.EqualTo(1));
        await AssertProblem(await manager.GetAsync($"/api/v1/audit?accountId={theirs}"), 404);
        await AssertProblem(await manager.GetAsync($"/api/v1/audit?entityType=account&entityId={theirs}"), 404);
        Assert.That(await TrailAsync(manager, $"entityId={theirs}"), Is.Empty);
        Assert.That(await TrailAsync(manager, "entityType=tierPolicy"), Is.Empty);
        var everything = await TrailAsync(manager, string.Empty);
        Assert.That(everything.Select(e => e!["accountId"]?.GetValue<string>()), Is.All.EqualTo(mine));

        // A Director sees both.
        Assert.That(await TrailAsync(director, $"accountId={theirs}"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_WithAnUnknownEntityType_Returns400NamingIt()
    {
        using var director = await As("director");
        await AssertProblem(await director.GetAsync("/api/v1/audit?entityType=invoice"), 400, "entityType");
        await AssertProblem(await director.GetAsync("/api/v1/audit?pageSize=500"), 400, "pageSize");
    }
}
