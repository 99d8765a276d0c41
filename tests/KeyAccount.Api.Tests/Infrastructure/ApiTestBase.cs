using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using KeyAccount.Api.Tests;

namespace KeyAccount.Api.Tests.Infrastructure;

public abstract class ApiTestBase
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SetUp]
    public Task ResetDatabaseAsync() => ApiFixture.ResetAsync();

    protected static Task<HttpClient> As(string user) => ApiFixture.ClientAsAsync(user);

    /// <summary>Runs SQL on the test database as it is (no placeholders: JSON braces stay braces), to set up what no endpoint writes.</summary>
    protected static async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected static object NewAccount(string? registration = null, string? ownerId = null, string name = "华东精密制造有限公司") => new
    {
        name,
        registrationNumber = registration ?? $"REG-{Guid.NewGuid():N}"[..20],
        industry = "manufacturing",
        region = "east-china",
        segment = "enterprise",
        status = "Active",
        strategicFit = 4,
        potentialAnnualRevenue = new { amount = "1200000.50", currency = "CNY" },
        firstContractDate = "2019-04-01",
        ownerId,
    };

    /// <summary>A contact body with every field the API requires.</summary>
    protected static object NewContact(string name = "王芳", string buyingRole = "User", string? reportsToId = null, string? email = null) => new
    {
        name,
        buyingRole,
        attitude = "Neutral",
        relationshipLevel = "Vendor",
        targetRelationshipLevel = "CredibleSource",
        reportsToId,
        email,
    };

    /// <summary>The ETag of a resource as the caller reads it now.</summary>
    protected static async Task<string> ETagOf(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return response.Headers.ETag?.Tag ?? throw new AssertionException($"GET {url} sent no ETag");
    }

    /// <summary>Sends a JSON body with If-Match (and optionally an Idempotency-Key).</summary>
    protected static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>A workflow step or change of <paramref name="resourceUrl"/>, made against the version read just before.</summary>
    protected static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, HttpMethod method, string url, object? body, string resourceUrl) =>
        await SendAsync(client, method, url, body, ifMatch: await ETagOf(client, resourceUrl));

    /// <summary>Creates an account as <paramref name="user"/> and returns its id.</summary>
    protected static async Task<string> CreateAccountAsync(string user = "accountmanager", string? registration = null, string name = "华东精密制造有限公司")
    {
        using var client = await As(user);
        var response = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(registration, name: name));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    protected static async Task<JsonNode> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new AssertionException("Empty body");
    }

    /// <summary>Asserts an RFC 9457 problem with the status, a trace id, and (optionally) an error on the field.</summary>
    protected static async Task<JsonNode> AssertProblem(HttpResponseMessage response, int status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(status));
        Assert.That(problem["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.That(errors, Is.Not.Null, text);
            Assert.That(errors!.Select(e => e.Key), Has.Some.EqualTo(field).Or.Some.StartsWith(field + "."), text);
        }

        return problem;
    }
}
