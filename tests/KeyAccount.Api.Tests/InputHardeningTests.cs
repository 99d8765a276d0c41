using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Real input, through the API on PostgreSQL (DESIGN §3): instants with any UTC offset, U+0000, nulls in lists,
/// numbers beyond a column, numbers for enums, strings for integers, fields the domain needs. Each refusal is a 400
/// naming the field with a code, and nothing is written.
/// </summary>
public class InputHardeningTests : ApiTestBase
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static string FieldCode(JsonNode problem, string field) => problem["errors"]![field]![0]!["code"]!.GetValue<string>();

    [Test]
    public async Task FileComplaint_WithBeijingTime_StoresTheSameInstantInUtc()
    {
        var account = await CreateAccountAsync("accountmanager", "TIME-1");
        using var agent = await As("serviceagent");
        var beijing = new DateTimeOffset(DateTime.UtcNow.AddHours(-30).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(Beijing);
        var text = beijing.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.That(text, Does.EndWith("+08:00"));

        var response = await agent.PostAsJsonAsync("/api/v1/complaints", new
        {
            accountId = account, channel = "Phone", category = "Delivery", severity = "High",
            subject = "北京时间下午六点收到", description = "客户来电", receivedAt = text,
        });

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var body = await Body(response);
        var stored = body["receivedAt"]!.GetValue<string>();
        Assert.That(stored, Does.EndWith("Z"), "timestamps are sent in UTC");
        Assert.That(DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture), Is.EqualTo(beijing), "the same instant");
        Assert.That(body["subject"]!.GetValue<string>(), Is.EqualTo("北京时间下午六点收到"));
    }

    [Test]
    public async Task LogInteraction_WithOffsets_StoresUtcAndListsInInstantOrder()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");
        var earlier = DateTimeOffset.UtcNow.AddHours(-10);
        // 9 hours later but written in Beijing time: a naive text sort would put it first.
        var later = earlier.AddHours(9).ToOffset(Beijing);
        var laterNewYork = earlier.AddHours(1).ToOffset(TimeSpan.FromHours(-5));
        foreach (var (at, summary) in new[] { (earlier, "utc"), (later, "beijing"), (laterNewYork, "new-york") })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new { type = "Call", occurredAt = at.ToString("O", CultureInfo.InvariantCulture), summary });
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        }

        var items = (await Body(await client.GetAsync($"/api/v1/accounts/{id}/interactions")))["items"]!.AsArray();
        Assert.That(items.Select(i => i!["summary"]!.GetValue<string>()), Is.EqualTo(new[] { "beijing", "new-york", "utc" }));
        Assert.That(items.All(i => i!["occurredAt"]!.GetValue<string>().EndsWith('Z')), Is.True);
    }

    [TestCase("0001-01-01T00:00:00Z", "date-out-of-range")]
    [TestCase("9999-12-31T23:59:59Z", "date-out-of-range")]
    [TestCase("1899-12-31T23:00:00-05:00", "date-out-of-range")]
    [TestCase("2026-11-30T10:00:00", "invalid-format")]
    [TestCase("2026-02-30T10:00:00Z", "invalid-format")]
    [TestCase("yesterday", "invalid-format")]
    public async Task FileComplaint_WithAnUnusableInstant_Returns400NamingTheFieldAndWritesNothing(string receivedAt, string code)
    {
        var account = await CreateAccountAsync("accountmanager", "TIME-2");
        using var agent = await As("serviceagent");
        var response = await agent.PostAsJsonAsync("/api/v1/complaints", new
        {
            accountId = account, channel = "Phone", category = "Delivery", severity = "High", subject = "s", description = "d", receivedAt,
        });
        var problem = await AssertProblem(response, 400, "receivedAt");
        Assert.That(FieldCode(problem, "receivedAt"), Is.EqualTo(code));
        Assert.That((await Body(await agent.GetAsync("/api/v1/complaints")))["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task QueryInstants_AcceptAnyOffset_AndRefuseTheOutOfRange()
    {
        using var quality = await As("qualitymanager");
        var metrics = await quality.GetAsync("/api/v1/complaints/metrics?from=" + Uri.EscapeDataString("2026-01-01T00:00:00+08:00"));
        Assert.That((int)metrics.StatusCode, Is.EqualTo(200), await metrics.Content.ReadAsStringAsync());
        Assert.That((await Body(metrics))["from"]!.GetValue<string>(), Is.EqualTo("2025-12-31T16:00:00Z"));

        var problem = await AssertProblem(await quality.GetAsync("/api/v1/complaints/metrics?from=0001-01-01T00:00:00Z"), 400, "from");
        Assert.That(FieldCode(problem, "from"), Is.EqualTo("date-out-of-range"));
    }

    [Test]
    public async Task Dates_OutsideTheSaneRange_Return400NamingTheField()
    {
        using var client = await As("accountmanager");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("DATE-1")))!;
        body["firstContractDate"] = "0001-01-01";
        var problem = await AssertProblem(await client.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "firstContractDate");
        Assert.That(FieldCode(problem, "firstContractDate"), Is.EqualTo("date-out-of-range"));
    }

    [Test]
    public async Task NulCharacter_InAnyBodyStringOrQuery_Returns400NamingTheField()
    {
        using var client = await As("accountmanager");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("NUL-1")))!;
        body["name"] = "华东\u0000精密";
        var problem = await AssertProblem(await client.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "name");
        Assert.That(FieldCode(problem, "name"), Is.EqualTo("nul-character"));

        var id = await CreateAccountAsync();
        var contact = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewContact()))!;
        contact["title"] = "x\u0000";
        await AssertProblem(await client.PostAsync($"/api/v1/accounts/{id}/contacts", JsonBody(contact)), 400, "title");

        problem = await AssertProblem(await client.GetAsync("/api/v1/accounts?q=a%00b"), 400, "q");
        Assert.That(FieldCode(problem, "q"), Is.EqualTo("nul-character"));
        Assert.That((await Body(await client.GetAsync("/api/v1/accounts")))["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task NullInsideAList_Returns400NamingTheItem()
    {
        var id = await CreateAccountAsync();
        using var client = await As("accountmanager");

        var interaction = await client.PostAsync($"/api/v1/accounts/{id}/interactions", JsonBody(JsonNode.Parse(
            $$"""{"type":"Call","occurredAt":"{{DateTimeOffset.UtcNow.AddHours(-1):O}}","summary":"x","contactIds":[null]}""")!));
        await AssertProblem(interaction, 400, "contactIds[0]");

        var etag = await ETagOf(client, $"/api/v1/accounts/{id}");
        var team = await SendRawAsync(client, HttpMethod.Put, $"/api/v1/accounts/{id}/team", "[null]", etag);
        var problem = await AssertProblem(team, 400);
        Assert.That(problem["errors"]!.AsObject().Single().Value![0]!["code"]!.GetValue<string>(), Is.EqualTo("null-item"));

        using var director = await As("director");
        var policy = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TieringTests.PolicyBody()))!;
        policy["criteria"]!.AsArray().Add(null);
        problem = await AssertProblem(await director.PostAsync("/api/v1/tiering/policies", JsonBody(policy)), 400);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.Matches<string>(k => k.StartsWith("criteria[", StringComparison.Ordinal)));
        Assert.That((await Body(await client.GetAsync($"/api/v1/accounts/{id}/interactions")))["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Money_BeyondTheColumnsPrecision_Returns400ForThatRowAndWritesNothing()
    {
        var id = await CreateAccountAsync("director", "MONEY-1");
        using var director = await As("director");
        var month = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var response = await director.PostAsJsonAsync("/api/v1/revenue/import", new
        {
            rows = new object[]
            {
                new { accountId = id, month, revenue = "1000.00", grossProfit = "100.00", orderCount = 1, currency = "CNY" },
                new { accountId = id, month = DateTime.UtcNow.AddMonths(-3).ToString("yyyy-MM", CultureInfo.InvariantCulture), revenue = "123456789012345678901.00", grossProfit = "1.00", orderCount = 1, currency = "CNY" },
                new { accountId = id, month = DateTime.UtcNow.AddMonths(-4).ToString("yyyy-MM", CultureInfo.InvariantCulture), revenue = "10.005", grossProfit = "1.00", orderCount = 1, currency = "CNY" },
            },
        });
        var problem = await AssertProblem(response, 400, "rows[1].revenue");
        Assert.That(FieldCode(problem, "rows[1].revenue"), Is.EqualTo("precision-exceeded"));
        Assert.That(FieldCode(problem, "rows[2].revenue"), Is.EqualTo("precision-exceeded"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.None.StartsWith("rows[0]"));
        Assert.That((await Body(await director.GetAsync($"/api/v1/accounts/{id}/revenue")))["months"]!.AsArray(), Is.Empty);

        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("MONEY-2")))!;
        body["potentialAnnualRevenue"]!["amount"] = "1234.567";
        problem = await AssertProblem(await director.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "potentialAnnualRevenue.amount");
        Assert.That(FieldCode(problem, "potentialAnnualRevenue.amount"), Is.EqualTo("precision-exceeded"));
    }

    [TestCase("/api/v1/accounts?tier=1", "tier")]
    [TestCase("/api/v1/accounts?status=0", "status")]
    [TestCase("/api/v1/complaints?status=1", "status")]
    [TestCase("/api/v1/complaints?severity=3", "severity")]
    public async Task EnumQuery_ByNumber_Returns400NamingTheParameter(string url, string parameter)
    {
        using var director = await As("director");
        var problem = await AssertProblem(await director.GetAsync(url), 400, parameter);
        Assert.That(FieldCode(problem, parameter), Is.EqualTo("invalid-value"));
    }

    [Test]
    public async Task AListArgument_IsAJsonList_NeverADotNetTypeName()
    {
        using var client = await As("accountmanager");
        var problem = await AssertProblem(await client.GetAsync("/api/v1/accounts?sort=revenue"), 400, "sort");
        var allowed = problem["errors"]!["sort"]![0]!["args"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.That(allowed, Does.Contain("name").And.Contain("-updatedAt"));
    }

    [Test]
    public async Task StringForAnInteger_AndNumberForAnEnum_InABody_Return400NamingTheField()
    {
        using var client = await As("accountmanager");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("TYPE-1")))!;
        body["strategicFit"] = "4";
        await AssertProblem(await client.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "strategicFit");
        body["strategicFit"] = 4;
        body["status"] = 1;
        await AssertProblem(await client.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "status");
    }

    [TestCase("Prospect, Active")]
    [TestCase("1")]
    [TestCase("Unknown")]
    public async Task AnEnumInABody_ThatIsNotOneName_Returns400(string status)
    {
        using var client = await As("accountmanager");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("ENUM-1")))!;
        body["status"] = status;
        var problem = await AssertProblem(await client.PostAsync("/api/v1/accounts", JsonBody(body)), 400, "status");
        Assert.That(FieldCode(problem, "status"), Is.EqualTo("invalid-value"));
        Assert.That(problem["errors"]!["status"]![0]!["args"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()), Does.Contain("Active"));
    }

    [Test]
    public async Task ImportRevenue_WithANullRow_Returns400NamingTheRow()
    {
        var id = await CreateAccountAsync("director", "NULLROW-1");
        using var director = await As("director");
        var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var text = $$"""{"rows":[{"accountId":"{{id}}","month":"{{month}}","revenue":"1.00","grossProfit":"0.50","orderCount":1,"currency":"CNY"},null]}""";
        var problem = await AssertProblem(await director.PostAsync("/api/v1/revenue/import", new StringContent(text, Encoding.UTF8, "application/json")), 400, "rows[1]");
        Assert.That(FieldCode(problem, "rows[1]"), Is.EqualTo("null-item"));
    }

    [TestCase("severity")]
    [TestCase("category")]
    [TestCase("channel")]
    public async Task FileComplaint_WithoutAFieldTheDomainNeeds_Returns400RequiredAndWritesNothing(string missing)
    {
        var account = await CreateAccountAsync("accountmanager", "REQ-1");
        using var agent = await As("serviceagent");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ComplaintsTests.Intake(account)))!.AsObject();
        body.Remove(missing);
        var problem = await AssertProblem(await agent.PostAsync("/api/v1/complaints", JsonBody(body)), 400, missing);
        Assert.That(FieldCode(problem, missing), Is.EqualTo("required"));
        Assert.That((await Body(await agent.GetAsync("/api/v1/complaints")))["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task MalformedBodies_NeverNameADotNetTypeOrAnswer500()
    {
        using var director = await As("director");
        string[] bodies =
        [
            """{"rows": {"a": 1}}""",
            """{"rows": [1, 2]}""",
            """{"rows": "x"}""",
            """[]""",
            """{"rows": [{"accountId": "not-a-guid", "month": "2026-01", "revenue": "1", "grossProfit": "1", "orderCount": 1, "currency": "CNY"}]}""",
            """{"rows": [{"accountId": null, "month": 202601, "revenue": true, "grossProfit": {}, "orderCount": "1", "currency": 1}]}""",
            "{\"rows\": [" + new string('[', 200) + new string(']', 200) + "]}",
            """{"rows": """,
        ];
        foreach (var text in bodies)
        {
            var response = await director.PostAsync("/api/v1/revenue/import", new StringContent(text, Encoding.UTF8, "application/json"));
            var raw = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(400), $"{text[..Math.Min(text.Length, 60)]}: {raw}");
            Assert.That(raw, Does.Not.Contain("System.").And.Not.Contain("KeyAccount.").And.Not.Contain("Exception"), text);
        }
    }

    [Test]
    public async Task DeleteAccount_ThatComplaintsReferTo_Returns409NamingWhatHoldsIt()
    {
        var account = await CreateAccountAsync("accountmanager", "DEL-1");
        using var agent = await As("serviceagent");
        var filed = await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account));
        Assert.That((int)filed.StatusCode, Is.EqualTo(201));

        using var director = await As("director");
        var response = await ChangeAsync(director, HttpMethod.Delete, $"/api/v1/accounts/{account}", null, $"/api/v1/accounts/{account}");
        var problem = await AssertProblem(response, 409);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("resource-in-use"));
        Assert.That(problem["args"]!["heldBy"]!.GetValue<string>(), Is.EqualTo("complaints"));
        Assert.That((int)(await director.GetAsync($"/api/v1/accounts/{account}")).StatusCode, Is.EqualTo(200));
    }

    private static StringContent JsonBody(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, HttpMethod method, string url, string json, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
