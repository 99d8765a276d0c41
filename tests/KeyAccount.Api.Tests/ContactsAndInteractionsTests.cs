using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

public class ContactsAndInteractionsTests : ApiTestBase
{
    [Test]
    public async Task Contacts_BuildAnOrgChartAndRefuseACycle()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var ceo = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", new { name = "张伟", title = "总经理", buyingRole = "DecisionMaker", attitude = "Supporter", relationshipLevel = "CredibleSource", targetRelationshipLevel = "TrustedAdvisor" }));
        var buyer = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("王芳", "Influencer", reportsToId: ceo["id"]!.GetValue<string>())));
        Assert.That(buyer["reportsToId"]!.GetValue<string>(), Is.EqualTo(ceo["id"]!.GetValue<string>()));

        var etag = (await client.GetAsync($"/api/v1/accounts/{id}")).Headers.ETag!.Tag;
        using var loop = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}/contacts/{ceo["id"]}")
        {
            Content = JsonContent.Create(NewContact("张伟", "DecisionMaker", reportsToId: buyer["id"]!.GetValue<string>())),
        };
        loop.Headers.TryAddWithoutValidation("If-Match", etag);
        await AssertProblem(await client.SendAsync(loop), 409, "reportsToId");

        var list = await Body(await client.GetAsync($"/api/v1/accounts/{id}/contacts"));
        Assert.That(list["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(list["items"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "张伟")!["reportsToId"], Is.Null);
    }

    [Test]
    public async Task Contacts_CarryTheirGapsAsTheDomainDecidesThem_AndAnEditMovesThem()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var body = new { name = "李总", title = "总经理", buyingRole = "DecisionMaker", attitude = "Opponent", relationshipLevel = "Vendor", targetRelationshipLevel = "TrustedAdvisor" };
        var created = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", body);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var contact = await Body(created);
        Assert.That(contact["gaps"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { "BelowTargetRelationship", "NegativeDecisionMaker" }));

        // The listing carries the same gaps.
        var listed = (await Body(await client.GetAsync($"/api/v1/accounts/{id}/contacts")))["items"]!.AsArray().Single()!;
        Assert.That(listed["gaps"]!.AsArray(), Has.Count.EqualTo(2));

        // The manager wins them over and reaches the target: no gap left.
        var url = $"/api/v1/accounts/{id}/contacts/{contact["id"]}";
        var updated = await ChangeAsync(client, HttpMethod.Put, url, body with { attitude = "Supporter", relationshipLevel = "TrustedAdvisor" }, $"/api/v1/accounts/{id}");
        Assert.That((int)updated.StatusCode, Is.EqualTo(200), await updated.Content.ReadAsStringAsync());
        var after = await Body(updated);
        Assert.Multiple(() =>
        {
            Assert.That(after["gaps"]!.AsArray(), Is.Empty);
            Assert.That(after["attitude"]!.GetValue<string>(), Is.EqualTo("Supporter"));
        });
    }

    [Test]
    public async Task UpdateContact_WithTheETagReadBeforeAnotherContactChange_Returns412AndWritesNothing()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var first = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("张伟")));
        var etag = await ETagOf(client, $"/api/v1/accounts/{id}");
        // Someone else adds a contact: the account's version moves (contacts are part of the aggregate).
        (await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("王芳"))).EnsureSuccessStatusCode();

        var stale = await SendAsync(client, HttpMethod.Put, $"/api/v1/accounts/{id}/contacts/{first["id"]}", NewContact("张伟（改）"), ifMatch: etag);
        await AssertProblem(stale, 412);
        var removed = await SendAsync(client, HttpMethod.Delete, $"/api/v1/accounts/{id}/contacts/{first["id"]}", null, ifMatch: etag);
        await AssertProblem(removed, 412);
        var names = (await Body(await client.GetAsync($"/api/v1/accounts/{id}/contacts")))["items"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.That(names, Is.EquivalentTo(new[] { "张伟", "王芳" }));
    }

    [Test]
    public async Task UpdateContact_AtTheColumnLimits_Saves_AndOneOverNamesTheField()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var contact = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("张伟")));
        var url = $"/api/v1/accounts/{id}/contacts/{contact["id"]}";
        var longest = new { name = new string('张', 200), title = new string('总', 200), department = new string('部', 200), buyingRole = "Influencer", attitude = "Mentor", relationshipLevel = "ProblemSolver", targetRelationshipLevel = "ProblemSolver" };
        var saved = await ChangeAsync(client, HttpMethod.Put, url, longest, $"/api/v1/accounts/{id}");
        Assert.That((int)saved.StatusCode, Is.EqualTo(200), await saved.Content.ReadAsStringAsync());
        Assert.That((await Body(saved))["name"]!.GetValue<string>(), Has.Length.EqualTo(200));

        var tooLong = await ChangeAsync(client, HttpMethod.Put, url, longest with { name = new string('张', 201) }, $"/api/v1/accounts/{id}");
        await AssertProblem(tooLong, 400, "name");
    }

    [Test]
    public async Task AddContact_WhenReportsToUnknownContact_Returns409NamingTheField()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("王芳", reportsToId: Guid.NewGuid().ToString()));
        await AssertProblem(response, 409, "reportsToId");
    }

    [Test]
    public async Task AddContact_WhenEmailInvalid_Returns400NamingTheField()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        await AssertProblem(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("王芳", email: "not-an-email")), 400, "email");
    }

    [Test]
    public async Task LogInteraction_AppearsInTheTimelineNewestFirst()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var contact = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("张伟")));
        var older = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new { type = "Call", occurredAt = DateTimeOffset.UtcNow.AddDays(-3), summary = "电话沟通" });
        Assert.That((int)older.StatusCode, Is.EqualTo(201), await older.Content.ReadAsStringAsync());
        var newer = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new
        {
            type = "Visit",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            summary = "季度业务回顾",
            contactIds = new[] { contact["id"]!.GetValue<string>() },
            nextStep = "Send the quotation",
            nextStepDue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)),
        });
        Assert.That((int)newer.StatusCode, Is.EqualTo(201), await newer.Content.ReadAsStringAsync());

        var timeline = await Body(await client.GetAsync($"/api/v1/accounts/{id}/interactions"));
        var summaries = timeline["items"]!.AsArray().Select(i => i!["summary"]!.GetValue<string>());
        Assert.That(summaries, Is.EqualTo(new[] { "季度业务回顾", "电话沟通" }));
    }

    [Test]
    public async Task LogInteraction_WhenInTheFutureOrDueWithoutStep_Returns400NamingTheFields()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new
        {
            type = "Call",
            occurredAt = DateTimeOffset.UtcNow.AddDays(3),
            summary = "x",
            nextStepDue = "2026-12-01",
        });
        var problem = await AssertProblem(response, 400, "occurredAt");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("nextStep"));
    }

    [Test]
    public async Task LogInteraction_WhenContactOfAnotherAccount_Returns409AndWritesNothing()
    {
        var first = await CreateAccountAsync(registration: "A-1");
        var second = await CreateAccountAsync(registration: "A-2");
        using var client = await As("accountmanager");
        var stranger = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{second}/contacts", NewContact("外人")));

        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{first}/interactions", new { type = "Call", occurredAt = DateTimeOffset.UtcNow, summary = "x", contactIds = new[] { stranger["id"]!.GetValue<string>() } });

        await AssertProblem(response, 409, "contactIds");
        Assert.That((await Body(await client.GetAsync($"/api/v1/accounts/{first}/interactions")))["totalCount"]!.GetValue<int>(), Is.Zero);
    }
}
