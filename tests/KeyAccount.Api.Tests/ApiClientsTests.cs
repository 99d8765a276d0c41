using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// API clients and the OAuth 2.0 client credentials grant: every edge of RFC 6749 §4.4, §5.1, §5.2 and §2.3.1 the
/// token endpoint answers, the admin's create/rotate/revoke, and what a client token may do.
/// </summary>
public class ApiClientsTests : ApiTestBase
{
    private const string TokenUrl = "/api/v1/auth/token";

    // --- The story of issue 11 ---

    [Test]
    public async Task ThirdPartyStory_AdminCreatesARevenueWriter_ItImportsRevenue_AndIsRefusedReadingAccounts()
    {
        var account = await CreateAccountAsync("director", "KAC-STORY-1");
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        Assert.That(secret, Does.StartWith("kac_"));

        var token = await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials")));
        using var erp = Bearer(token);
        var import = await erp.PostAsJsonAsync("/api/v1/revenue/import", new { rows = new[] { new { accountId = account, month = "2026-10", revenue = 1250000m, grossProfit = 312500m, orderCount = 42, currency = "CNY" } } });
        Assert.That((int)import.StatusCode, Is.EqualTo(200), await import.Content.ReadAsStringAsync());

        var problem = await AssertProblem(await erp.GetAsync("/api/v1/accounts"), 403);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("forbidden"));
        await AssertProblem(await erp.GetAsync($"/api/v1/accounts/{account}"), 403);

        // The admin sees when it last got a token; only the hash of the secret is stored.
        using var admin = await As("admin");
        var listed = (await Body(await admin.GetAsync("/api/v1/api-clients"))).AsArray().Single()!;
        Assert.That(listed["lastUsedAt"], Is.Not.Null);
        Assert.That(listed["state"]!.GetValue<string>(), Is.EqualTo("Active"));
        Assert.That(listed.ToJsonString(), Does.Not.Contain(secret));
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiClients.AsNoTracking().SingleAsync();
        Assert.That(stored.SecretHash, Is.EqualTo(ApiClientSecret.Hash(secret)).And.Not.Contains(secret));
    }

    // --- RFC 6749 §4.4.2 / §5.1: the successful answer ---

    [Test]
    public async Task Token_WithBasic_AnswersBearerWithExpiresInAndScope_NoRefreshToken_NoStore()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write", "accounts:read"]);
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.SendAsync(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"))));
        var body = await Body(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body["token_type"]!.GetValue<string>(), Is.EqualTo("Bearer"));
            Assert.That(body["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(body["scope"]!.GetValue<string>(), Is.EqualTo("accounts:read revenue:write"), "no scope asked: every scope of the client");
            Assert.That(body["access_token"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(body.AsObject().ContainsKey("refresh_token"), Is.False);
            AssertNoStore(response);
        });
    }

    [Test]
    public async Task Token_WithClientSecretPost_AndAScopeSubset_GrantsThatSubset()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write", "accounts:read"]);
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.SendAsync(TokenRequest(null, Form(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", "accounts:read"))));
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(body["scope"]!.GetValue<string>(), Is.EqualTo("accounts:read"));

        // The token carries only what was granted.
        using var client = Bearer(body["access_token"]!.GetValue<string>());
        Assert.That((int)(await client.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));
        await AssertProblem(await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows = Array.Empty<object>() }), 403);
    }

    [Test]
    public async Task Token_WithBasic_DecodesTheFormUrlEncodedIdAndSecret()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);

        // §2.3.1: id and secret are form-urlencoded before base64; every character is encoded here, as a client may.
        static string EncodeAll(string s) => string.Concat(Encoding.UTF8.GetBytes(s).Select(b => $"%{b:X2}"));
        var header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EncodeAll(clientId)}:{EncodeAll(secret)}")));
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.SendAsync(TokenRequest(header, Form(("grant_type", "client_credentials"))));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    // --- RFC 6749 §5.2: errors ---

    [Test]
    public async Task Token_WithBasicAndBodyCredentialsBoth_IsInvalidRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret))), 400, "invalid_request");
    }

    [Test]
    public async Task Token_WithNoCredentials_IsInvalidClient401WithABasicChallenge()
    {
        var response = await AssertOAuthError(TokenRequest(null, Form(("grant_type", "client_credentials"))), 401, "invalid_client");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic realm="));
    }

    [Test]
    public async Task Token_WithAWrongSecret_ViaBasic_IsInvalidClient401WithABasicChallenge()
    {
        var (clientId, _) = await CreateClientAsync(["revenue:write"]);
        var response = await AssertOAuthError(TokenRequest(Basic(clientId, ApiClientSecret.New()), Form(("grant_type", "client_credentials"))), 401, "invalid_client");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic realm="));
    }

    [Test]
    public async Task Token_WithAWrongSecret_ViaPost_IsInvalidClient401()
    {
        var (clientId, _) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(null, Form(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", "kac_wrong"))), 401, "invalid_client");
    }

    [TestCase("0193a5b0-c8e4-7d3f-9a1e-2b3c4d5e6f70")]
    [TestCase("not-a-guid")]
    public async Task Token_ForAnUnknownClient_IsInvalidClient(string clientId) =>
        await AssertOAuthError(TokenRequest(Basic(clientId, ApiClientSecret.New()), Form(("grant_type", "client_credentials"))), 401, "invalid_client");

    [Test]
    public async Task Token_ForARevokedClient_IsInvalidClient_AndItsTokenStopsAtTheNextRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:read"]);
        var token = await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials")));
        using var client = Bearer(token);
        Assert.That((int)(await client.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));

        using var admin = await As("admin");
        var revoked = await admin.PostAsync($"/api/v1/api-clients/{clientId}/revoke", null);
        Assert.That((await Body(revoked))["state"]!.GetValue<string>(), Is.EqualTo("Revoked"));
        Assert.That((int)(await admin.PostAsync($"/api/v1/api-clients/{clientId}/revoke", null)).StatusCode, Is.EqualTo(200), "revoking twice is revoking once");

        var problem = await AssertProblem(await client.GetAsync("/api/v1/accounts"), 401);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("session-ended"));
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"))), 401, "invalid_client");

        // Revoking is final: no new secret.
        var etag = await ETagOf(admin, $"/api/v1/api-clients/{clientId}");
        await AssertProblem(await SendAsync(admin, HttpMethod.Post, $"/api/v1/api-clients/{clientId}/rotate-secret", new { }, etag), 409);
    }

    [Test]
    public async Task ARevocationCommittedByAnotherReplica_StopsTheTokenHereAtOnce_NotAfterTheCacheLifetime()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:read"]);
        var token = await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials")));
        using var client = Bearer(token);
        Assert.That((int)(await client.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200), "the client's facts are cached now");

        // Another replica revokes the client: its own process writes the row and notifies in the same transaction.
        await using (var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new Npgsql.NpgsqlCommand("UPDATE api_clients SET revoked_at = now() WHERE id = @id; SELECT pg_notify('user_sessions', 'client:' || @id::text);", connection, transaction);
            command.Parameters.AddWithValue("id", Guid.Parse(clientId));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // Well within the cache's 5 s: the notification, not the expiry, ended the token.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        int status;
        do
        {
            status = (int)(await client.GetAsync("/api/v1/accounts")).StatusCode;
        }
        while (status == 200 && stopwatch.Elapsed < TimeSpan.FromSeconds(2) && await Task.Delay(20).ContinueWith(_ => true));
        Assert.That(status, Is.EqualTo(401), $"still accepted after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Token_ForAnExpiredClient_IsInvalidClient_AndItsTokenStops()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:read"], expiresAt: DateTimeOffset.UtcNow.AddHours(1).ToOffset(TimeSpan.FromHours(8)));
        var token = await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials")));
        using var client = Bearer(token);
        TestClock.Instance.Set(DateTimeOffset.UtcNow.AddHours(2));
        try
        {
            await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"))), 401, "invalid_client");
            await AssertProblem(await client.GetAsync("/api/v1/accounts"), 401);
            using var admin = await As("admin");
            Assert.That((await Body(await admin.GetAsync($"/api/v1/api-clients/{clientId}")))["state"]!.GetValue<string>(), Is.EqualTo("Expired"));
        }
        finally
        {
            TestClock.Instance.Reset();
        }
    }

    [Test]
    public async Task Token_WithAScopeBeyondTheClients_IsInvalidScope()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("scope", "revenue:write accounts:read"))), 400, "invalid_scope");
    }

    [Test]
    public async Task Token_WithAnotherGrantType_IsUnsupportedGrantType()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "password"), ("username", "x"), ("password", "y"))), 400, "unsupported_grant_type");
    }

    [Test]
    public async Task Token_WithoutGrantType_IsInvalidRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("scope", "revenue:write"))), 400, "invalid_request");
    }

    [Test]
    public async Task Token_WithARepeatedParameter_IsInvalidRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("grant_type", "client_credentials"))), 400, "invalid_request");
    }

    [Test]
    public async Task Token_WithAParameterBeyondTheDocumentedLength_IsInvalidRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("scope", new string('x', 1001)))), 400, "invalid_request");
    }

    [Test]
    public async Task Token_WithAJsonBody_IsInvalidRequest()
    {
        var (clientId, secret) = await CreateClientAsync(["revenue:write"]);
        var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = JsonContent.Create(new { grant_type = "client_credentials", client_id = clientId, client_secret = secret }) };
        await AssertOAuthError(request, 400, "invalid_request");
    }

    // --- Rotation ---

    [Test]
    public async Task RotateSecret_ThePreviousSecretWorksThroughTheOverlap_ThenStops()
    {
        var (clientId, old) = await CreateClientAsync(["revenue:write"]);
        using var admin = await As("admin");
        var rotated = await SendAsync(admin, HttpMethod.Post, $"/api/v1/api-clients/{clientId}/rotate-secret", new { }, await ETagOf(admin, $"/api/v1/api-clients/{clientId}"));
        var body = await Body(rotated);
        Assert.That((int)rotated.StatusCode, Is.EqualTo(200), body.ToJsonString());
        AssertNoStore(rotated);
        var fresh = body["clientSecret"]!.GetValue<string>();
        Assert.That(fresh, Does.StartWith("kac_").And.Not.EqualTo(old));
        Assert.That(body["client"]!["previousSecretExpiresAt"], Is.Not.Null);

        Assert.That(await TokenAsync(Basic(clientId, old), Form(("grant_type", "client_credentials"))), Is.Not.Empty, "the previous secret within the 24 h overlap");
        Assert.That(await TokenAsync(Basic(clientId, fresh), Form(("grant_type", "client_credentials"))), Is.Not.Empty);

        TestClock.Instance.Set(DateTimeOffset.UtcNow.AddHours(25));
        try
        {
            await AssertOAuthError(TokenRequest(Basic(clientId, old), Form(("grant_type", "client_credentials"))), 401, "invalid_client");
            Assert.That(await TokenAsync(Basic(clientId, fresh), Form(("grant_type", "client_credentials"))), Is.Not.Empty);
        }
        finally
        {
            TestClock.Instance.Reset();
        }
    }

    [Test]
    public async Task RotateSecret_WithNoOverlap_StopsThePreviousSecretAtOnce_AndAnOverlapBeyond168HoursIs400()
    {
        var (clientId, old) = await CreateClientAsync(["revenue:write"]);
        using var admin = await As("admin");
        var url = $"/api/v1/api-clients/{clientId}/rotate-secret";
        await AssertProblem(await SendAsync(admin, HttpMethod.Post, url, new { overlapHours = 169 }, await ETagOf(admin, $"/api/v1/api-clients/{clientId}")), 400, "overlapHours");
        var rotated = await SendAsync(admin, HttpMethod.Post, url, new { overlapHours = 0 }, await ETagOf(admin, $"/api/v1/api-clients/{clientId}"));
        Assert.That((int)rotated.StatusCode, Is.EqualTo(200), await rotated.Content.ReadAsStringAsync());
        await AssertOAuthError(TokenRequest(Basic(clientId, old), Form(("grant_type", "client_credentials"))), 401, "invalid_client");
    }

    // --- Changing ---

    [Test]
    public async Task Update_NarrowingTheScopes_StopsTokensHoldingALostScope_AndAPastExpiryIs400()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:read", "revenue:write"]);
        using var wide = Bearer(await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials"))));
        using var narrow = Bearer(await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("scope", "accounts:read"))));
        Assert.That((int)(await wide.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));

        using var admin = await As("admin");
        var url = $"/api/v1/api-clients/{clientId}";
        await AssertProblem(await SendAsync(admin, HttpMethod.Put, url, new { name = "ERP", scopes = new[] { "accounts:read" }, expiresAt = DateTimeOffset.UtcNow.AddHours(-1) }, await ETagOf(admin, url)), 400, "expiresAt");
        await AssertProblem(await SendAsync(admin, HttpMethod.Put, url, new { name = "ERP", scopes = new[] { "accounts:read", "nope" } }, await ETagOf(admin, url)), 400, "scopes[1]");
        await AssertProblem(await SendAsync(admin, HttpMethod.Put, url, new { name = "ERP", scopes = new[] { "accounts:read" } }, "\"1\""), 412);
        var updated = await SendAsync(admin, HttpMethod.Put, url, new { name = "ERP v2", scopes = new[] { "accounts:read" }, requestsPerMinute = 100 }, await ETagOf(admin, url));
        var body = await Body(updated);
        Assert.That((int)updated.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(body["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "accounts:read" }));

        await AssertProblem(await wide.GetAsync("/api/v1/accounts"), 401);
        Assert.That((int)(await narrow.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200), "a token within the new scopes keeps working");
        await AssertOAuthError(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials"), ("scope", "revenue:write"))), 400, "invalid_scope");
    }

    // --- Creating: bad input ---

    [Test]
    public async Task Create_WithAnUnknownScope_Is400NamingTheItem()
    {
        using var admin = await As("admin");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "revenue:write", "revenue:delete" } }), 400, "scopes[1]");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "revenue:write", null } }), 400, "scopes[1]");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = Array.Empty<string>() }), 400, "scopes");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "", scopes = new[] { "revenue:write" } }), 400, "name");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "revenue:write" }, requestsPerMinute = 0 }), 400, "requestsPerMinute");
        Assert.That((await Body(await admin.GetAsync("/api/v1/api-clients"))).AsArray(), Is.Empty, "nothing partial written");
    }

    [Test]
    public async Task Create_WithAPastExpiry_Is400_AndAnyOffsetIsTheSameInstant()
    {
        using var admin = await As("admin");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "revenue:write" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }), 400, "expiresAt");
        var expires = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var created = await Body(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "revenue:write" }, expiresAt = expires }));
        Assert.That(DateTimeOffset.Parse(created["client"]!["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expires));
        Assert.That(created["client"]!["expiresAt"]!.GetValue<string>(), Does.EndWith("Z"));
    }

    [Test]
    public async Task Create_BoundToSomeoneWhoIsNotAnAccountManager_Is400()
    {
        using var admin = await As("admin");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "accounts:read" }, accountScopeUserId = ApiFixture.Users["director"].Id.Value }), 400, "accountScopeUserId");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP", scopes = new[] { "accounts:read" }, accountScopeUserId = Guid.NewGuid() }), 400, "accountScopeUserId");
    }

    // --- What a client token may do ---

    [Test]
    public async Task BoundClient_SeesExactlyWhatItsManagerSees_AnotherManagersAccountIs404()
    {
        var mine = await CreateAccountAsync("accountmanager2", "KAC-BOUND-1");
        var others = await CreateAccountAsync("accountmanager", "KAC-BOUND-2");
        var (clientId, secret) = await CreateClientAsync(["accounts:read", "accounts:write", "complaints:write"], accountScopeUserId: ApiFixture.Users["accountmanager2"].Id.Value);
        using var client = Bearer(await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials"))));

        Assert.That((int)(await client.GetAsync($"/api/v1/accounts/{mine}")).StatusCode, Is.EqualTo(200));
        await AssertProblem(await client.GetAsync($"/api/v1/accounts/{others}"), 404);
        var list = await Body(await client.GetAsync("/api/v1/accounts"));
        Assert.That(list["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { mine }));
        await AssertProblem(await client.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(others)), 404);

        // It files a complaint on its manager's account (no user is recorded as the filer), and creates accounts for its manager.
        var filed = await client.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(mine));
        Assert.That((int)filed.StatusCode, Is.EqualTo(201), await filed.Content.ReadAsStringAsync());
        var created = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount("KAC-BOUND-3"));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        Assert.That((await Body(created))["ownerId"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["accountmanager2"].Id.Value.ToString()));
        await AssertProblem(await client.PostAsJsonAsync("/api/v1/accounts", NewAccount("KAC-BOUND-4", ownerId: ApiFixture.Users["accountmanager"].Id.Value.ToString())), 403);
    }

    [Test]
    public async Task UnboundClient_CreatingAnAccount_NamesTheOwner()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:write"]);
        using var client = Bearer(await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials"))));
        await AssertProblem(await client.PostAsJsonAsync("/api/v1/accounts", NewAccount("KAC-UNBOUND-1")), 400, "ownerId");
        var created = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount("KAC-UNBOUND-2", ownerId: ApiFixture.Users["accountmanager"].Id.Value.ToString()));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ClientToken_OnGetMe_Is403()
    {
        var (clientId, secret) = await CreateClientAsync(["accounts:read"]);
        using var client = Bearer(await TokenAsync(Basic(clientId, secret), Form(("grant_type", "client_credentials"))));
        await AssertProblem(await client.GetAsync("/api/v1/me"), 403);
    }

    [Test]
    public async Task ClientRequests_AreRateLimitedPerClient_WithItsOwnSetting_AndAnotherClientIsNotHeldUp()
    {
        var (slowId, slowSecret) = await CreateClientAsync(["accounts:read"], requestsPerMinute: 3);
        var (otherId, otherSecret) = await CreateClientAsync(["accounts:read"]);
        using var slow = Bearer(await TokenAsync(Basic(slowId, slowSecret), Form(("grant_type", "client_credentials"))));
        using var other = Bearer(await TokenAsync(Basic(otherId, otherSecret), Form(("grant_type", "client_credentials"))));
        for (var i = 0; i < 3; i++)
        {
            Assert.That((int)(await slow.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));
        }

        var limited = await slow.GetAsync("/api/v1/accounts");
        var problem = await AssertProblem(limited, 429);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("rate-limited"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        Assert.That((int)(await other.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200), "the budget is per client");
    }

    [Test]
    public async Task ClientRequests_UseTheConfiguredDefaultBudget()
    {
        await using var factory = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("RateLimits:RequestsPerMinutePerClient", "2"));
        var (clientId, secret) = await CreateClientAsync(["accounts:read"]);
        using var http = factory.CreateClient();
        var token = await Body(await http.SendAsync(TokenRequest(Basic(clientId, secret), Form(("grant_type", "client_credentials")))));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["access_token"]!.GetValue<string>());
        Assert.That((int)(await http.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await http.GetAsync("/api/v1/accounts")).StatusCode, Is.EqualTo(200));
        var limited = await http.GetAsync("/api/v1/accounts");
        Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    // --- Helpers ---

    /// <summary>Creates a client as the admin; returns its client id and secret.</summary>
    public static async Task<(string ClientId, string Secret)> CreateClientAsync(string[] scopes, DateTimeOffset? expiresAt = null, Guid? accountScopeUserId = null, int? requestsPerMinute = null)
    {
        using var admin = await ApiFixture.ClientAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "ERP 收入同步", scopes, expiresAt, accountScopeUserId, requestsPerMinute });
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
        AssertNoStore(response);
        Assert.That(body["clientId"]!.GetValue<string>(), Is.EqualTo(body["client"]!["id"]!.GetValue<string>()));
        return (body["clientId"]!.GetValue<string>(), body["clientSecret"]!.GetValue<string>());
    }

    /// <summary>A token for the client, which must be granted.</summary>
    public static async Task<string> TokenAsync(AuthenticationHeaderValue? basic, FormUrlEncodedContent form)
    {
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.SendAsync(TokenRequest(basic, form));
        var body = await Body(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}")));

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static HttpClient Bearer(string token)
    {
        var client = ApiFixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpRequestMessage TokenRequest(AuthenticationHeaderValue? basic, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = content };
        request.Headers.Authorization = basic;
        return request;
    }

    private static async Task<HttpResponseMessage> AssertOAuthError(HttpRequestMessage request, int status, string error)
    {
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), "RFC 6749 §5.2: JSON, not a problem document");
            var body = JsonNode.Parse(text)!;
            Assert.That(body["error"]!.GetValue<string>(), Is.EqualTo(error), text);
            Assert.That(body["error_description"]!.GetValue<string>(), Is.Not.Empty);
            AssertNoStore(response);
        });
        return response;
    }

    private static void AssertNoStore(HttpResponseMessage response)
    {
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
        if (response.RequestMessage?.RequestUri?.AbsolutePath.EndsWith("/auth/token", StringComparison.Ordinal) == true)
        {
            Assert.That(response.Headers.Pragma.ToString(), Does.Contain("no-cache"), "RFC 6749 §5.1: Pragma: no-cache");
        }
    }
}
