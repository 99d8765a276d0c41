using System.Net.Http.Json;
using System.Text;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

public class AccountsTests : ApiTestBase
{
    [Test]
    public async Task CreateAccount_WhenValid_Returns201WithETagAndLocation()
    {
        using var client = await As("accountmanager");
        var response = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount("91310000MA1FL1234X"));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var body = await Body(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.Location!.ToString(), Does.EndWith(body["id"]!.GetValue<string>()));
            Assert.That(body["ownerId"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager"].Id.Value.ToString()));
            Assert.That(body["ownerName"]!.GetValue<string>(), Is.EqualTo("Manager One"));
            Assert.That(body["potentialAnnualRevenue"]!["amount"]!.GetValue<string>(), Is.EqualTo("1200000.50"));
            Assert.That(body["tier"]!.GetValue<string>(), Is.EqualTo("Standard"));
        });
    }

    [Test]
    public async Task CreateAccount_WhenRegistrationNumberTaken_Returns409NamingTheFieldAndWritesNothing()
    {
        await CreateAccountAsync(registration: "91310000MA1FL1234X");
        using var client = await As("director");

        var response = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(" 91310000ma1fl1234x "));

        await AssertProblem(response, 409, "registrationNumber");
        var list = await Body(await client.GetAsync("/api/v1/accounts"));
        Assert.That(list["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateAccount_WhenMalformedJson_Returns400()
    {
        using var client = await As("director");
        var response = await client.PostAsync("/api/v1/accounts", new StringContent("{\"name\": \"x\",", Encoding.UTF8, "application/json"));
        await AssertProblem(response, 400);
    }

    [Test]
    public async Task CreateAccount_WhenWrongType_Returns400NamingTheField()
    {
        using var client = await As("director");
        var response = await client.PostAsync("/api/v1/accounts", new StringContent("{\"name\":\"A\",\"registrationNumber\":\"R1\",\"industry\":\"energy\",\"region\":\"overseas\",\"segment\":\"oem\",\"strategicFit\":\"high\"}", Encoding.UTF8, "application/json"));
        await AssertProblem(response, 400, "strategicFit");
    }

    [Test]
    public async Task CreateAccount_WhenUnknownEnumValue_Returns400NamingTheField()
    {
        using var client = await As("director");
        var response = await client.PostAsync("/api/v1/accounts", new StringContent("{\"name\":\"A\",\"registrationNumber\":\"R1\",\"industry\":\"energy\",\"region\":\"overseas\",\"segment\":\"oem\",\"status\":\"Bankrupt\"}", Encoding.UTF8, "application/json"));
        await AssertProblem(response, 400, "status");
    }

    [Test]
    public async Task CreateAccount_WhenFieldsInvalid_Returns400WithEveryFieldAndWritesNothing()
    {
        using var client = await As("director");
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            name = "",
            registrationNumber = "R1",
            industry = "energy",
            region = "overseas",
            segment = "oem",
            status = "Active",
            strategicFit = 9,
            potentialAnnualRevenue = new { amount = "-5", currency = "CNY" },
        });

        var problem = await AssertProblem(response, 400, "name");
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.That(fields, Is.SupersetOf(new[] { "name", "strategicFit", "potentialAnnualRevenue.amount" }));
        Assert.That((await Body(await client.GetAsync("/api/v1/accounts")))["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task CreateAccount_WhenManagerNamesAnotherOwner_Returns403()
    {
        using var client = await As("accountmanager");
        var response = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(ownerId: ApiFixture.Users["accountmanager2"].Id.Value.ToString()));
        await AssertProblem(response, 403);
    }

    [Test]
    public async Task UpdateAccount_WithCurrentETag_SucceedsAndStaleETagAnswers412()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var read = await client.GetAsync($"/api/v1/accounts/{id}");
        var etag = read.Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}") { Content = JsonContent.Create(NewAccount("REG-A", name: "First edit")) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var ok = await client.SendAsync(first);
        Assert.That((int)ok.StatusCode, Is.EqualTo(200), await ok.Content.ReadAsStringAsync());
        Assert.That(ok.Headers.ETag!.Tag, Is.Not.EqualTo(etag));

        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}") { Content = JsonContent.Create(NewAccount("REG-A", name: "Second edit")) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        await AssertProblem(await client.SendAsync(second), 412);

        var now = await Body(await client.GetAsync($"/api/v1/accounts/{id}"));
        Assert.That(now["name"]!.GetValue<string>(), Is.EqualTo("First edit"));
    }

    [Test]
    public async Task UpdateAccount_WithoutIfMatch_Returns428()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var response = await client.PutAsJsonAsync($"/api/v1/accounts/{id}", NewAccount());
        await AssertProblem(response, 428, "If-Match");
    }

    [Test]
    public async Task UpdateAccount_WhenContactChangedMeanwhile_Returns412()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var etag = (await client.GetAsync($"/api/v1/accounts/{id}")).Headers.ETag!.Tag;
        (await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact())).EnsureSuccessStatusCode();

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}") { Content = JsonContent.Create(NewAccount()) };
        update.Headers.TryAddWithoutValidation("If-Match", etag);

        await AssertProblem(await client.SendAsync(update), 412);
    }

    [Test]
    public async Task ListAccounts_FiltersSortsAndPagesWithKeysetCursor()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateAccountAsync(registration: $"R{i:D3}", name: $"Account {(char)('G' - i)}");
        }

        using var client = await As("director");
        var first = await Body(await client.GetAsync("/api/v1/accounts?sort=name&pageSize=3"));
        var names = first["items"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Account A", "Account B", "Account C" }));
        Assert.That(first["totalCount"]!.GetValue<int>(), Is.EqualTo(7));

        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await Body(await client.GetAsync($"/api/v1/accounts?sort=name&pageSize=3&cursor={Uri.EscapeDataString(cursor)}"));
        Assert.That(second["items"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Account D", "Account E", "Account F" }));

        var third = await Body(await client.GetAsync($"/api/v1/accounts?sort=name&pageSize=3&cursor={Uri.EscapeDataString(second["nextCursor"]!.GetValue<string>())}"));
        Assert.That(third["items"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(third["nextCursor"], Is.Null);

        var descending = await Body(await client.GetAsync("/api/v1/accounts?sort=-name&pageSize=2&page=2"));
        Assert.That(descending["items"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Account E", "Account D" }));

        var search = await Body(await client.GetAsync("/api/v1/accounts?q=account%20c"));
        Assert.That(search["totalCount"]!.GetValue<int>(), Is.EqualTo(1));

        var filtered = await Body(await client.GetAsync("/api/v1/accounts?tier=Standard&status=Active&industry=Manufacturing&region=EAST-CHINA&segment=enterprise"));
        Assert.That(filtered["totalCount"]!.GetValue<int>(), Is.EqualTo(7));
        var none = await Body(await client.GetAsync("/api/v1/accounts?tier=Strategic"));
        Assert.That(none["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [TestCase("pageSize=201", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("tier=Platinum", "tier")]
    [TestCase("sort=revenue", "sort")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("pageSize=abc", "pageSize")]
    public async Task ListAccounts_WhenQueryInvalid_Returns400NamingTheParameter(string query, string field)
    {
        using var client = await As("director");
        await AssertProblem(await client.GetAsync($"/api/v1/accounts?{query}"), 400, field);
    }

    [Test]
    public async Task ListAccounts_AsAccountManager_ShowsOnlyOwnAndTeamAccounts()
    {
        var own = await CreateAccountAsync("accountmanager", "OWN-1");
        var others = await CreateAccountAsync("accountmanager2", "OTHER-1");
        var shared = await CreateAccountAsync("accountmanager2", "SHARED-1");
        using var owner2 = await As("accountmanager2");
        var etag = (await owner2.GetAsync($"/api/v1/accounts/{shared}/team")).Headers.ETag!.Tag;
        using var team = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{shared}/team")
        {
            Content = JsonContent.Create(new[] { new { userId = ApiFixture.Users["accountmanager"].Id.Value, role = "SalesEngineer" } }),
        };
        team.Headers.TryAddWithoutValidation("If-Match", etag);
        (await owner2.SendAsync(team)).EnsureSuccessStatusCode();

        using var manager = await As("accountmanager");
        var list = await Body(await manager.GetAsync("/api/v1/accounts"));
        var ids = list["items"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).ToList();

        Assert.That(ids, Is.EquivalentTo(new[] { own, shared }));
        Assert.That((int)(await manager.GetAsync($"/api/v1/accounts/{others}")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await manager.GetAsync($"/api/v1/accounts/{shared}")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task DeleteAccount_AsDirectorWithIfMatch_RemovesItWithItsChildren()
    {
        var id = await CreateAccountAsync();
        using var client = await As("director");
        (await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new { type = "Call", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), summary = "Call" })).EnsureSuccessStatusCode();
        var etag = (await client.GetAsync($"/api/v1/accounts/{id}")).Headers.ETag!.Tag;

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/accounts/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.That((int)(await client.SendAsync(delete)).StatusCode, Is.EqualTo(204));
        Assert.That((int)(await client.GetAsync($"/api/v1/accounts/{id}")).StatusCode, Is.EqualTo(404));
    }
}
