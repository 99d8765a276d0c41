using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Complaints.EscalateComplaints;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Users as an Admin runs them. The users table outlives each test (the fixture's users sign in once), so every test
/// makes users of its own with unique emails, and a department head it makes is deactivated before it ends.
/// </summary>
public class UsersTests : ApiTestBase
{
    private const string Password = "Harbour-Lights-2026";

    private static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.local";

    private static async Task<JsonNode> CreateUserAsync(HttpClient admin, object body, int expected = 201)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", body);
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        return await Body(response);
    }

    private static object NewUser(string? email = null, string role = "ServiceAgent", string? department = null, bool head = false, string? managerId = null, string name = "新同事") => new
    {
        email = email ?? NewEmail(),
        displayName = name,
        role,
        department,
        isDepartmentHead = head,
        managerId,
        language = "zh-CN",
        password = Password,
    };

    private static async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = ApiFixture.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.That((int)login.StatusCode, Is.EqualTo(200), await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Body(login))["accessToken"]!.GetValue<string>());
        return client;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient admin, JsonNode user, string action, object? body = null) =>
        ChangeAsync(admin, HttpMethod.Post, $"/api/v1/users/{user["id"]}/{action}", body, $"/api/v1/users/{user["id"]}");

    private static Task<HttpResponseMessage> UpdateAsync(HttpClient admin, JsonNode user, object body) =>
        ChangeAsync(admin, HttpMethod.Put, $"/api/v1/users/{user["id"]}", body, $"/api/v1/users/{user["id"]}");

    private static async Task<(string Link, string Language)?> QueuedLinkAsync(string email)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT args->>'link', language FROM mail_queue WHERE kind = 'SetPassword' AND to_address = @to ORDER BY id DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("to", email);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static string TokenOf(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];

    [Test]
    public async Task Create_WithPassword_ThenTheUserSignsIn_AndTheListFindsThemByChineseName()
    {
        using var admin = await As("admin");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = NewEmail();
        var created = await CreateUserAsync(admin, NewUser(email, name: $"欧阳娜娜{marker}"));
        Assert.Multiple(() =>
        {
            Assert.That(created["email"]!.GetValue<string>(), Is.EqualTo(email));
            Assert.That(created["hasPassword"]!.GetValue<bool>(), Is.True);
            Assert.That(created["isActive"]!.GetValue<bool>(), Is.True);
            Assert.That(created["language"]!.GetValue<string>(), Is.EqualTo("zh-CN"));
        });

        using var user = await SignInAsync(email);
        var me = await Body(await user.GetAsync("/api/v1/me"));
        Assert.That(me["language"]!.GetValue<string>(), Is.EqualTo("zh-CN"));

        var byName = await Body(await admin.GetAsync($"/api/v1/users?q={Uri.EscapeDataString("阳娜娜" + marker)}"));
        var byEmail = await Body(await admin.GetAsync($"/api/v1/users?q={Uri.EscapeDataString(email.ToUpperInvariant())}&role=ServiceAgent&active=true"));
        var otherRole = await Body(await admin.GetAsync($"/api/v1/users?q={marker}&role=Director"));
        Assert.Multiple(() =>
        {
            Assert.That(byName["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { created["id"]!.GetValue<string>() }));
            Assert.That(byEmail["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(otherRole["totalCount"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Create_WhenBadInput_Answers400OnTheField_AndWritesNothing()
    {
        using var admin = await As("admin");
        var email = NewEmail();
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = "short" }), 400, "password");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = email }), 400, "password");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent" }), 400, "password");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = Password, sendSetPasswordLink = true }), 400, "password");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = Password, language = "fr" }), 400, "language");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = Password, isDepartmentHead = true }), 400, "department");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "甲", role = "ServiceAgent", password = Password, managerId = Guid.NewGuid() }), 400, "managerId");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "甲", role = "ServiceAgent", password = Password }), 400, "email");
        Assert.That((await Body(await admin.GetAsync($"/api/v1/users?q={email}")))["totalCount"]!.GetValue<int>(), Is.Zero);

        await CreateUserAsync(admin, NewUser(email));
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", NewUser(email.ToUpperInvariant())), 409, "email");
    }

    [Test]
    public async Task Create_WithSetPasswordLink_QueuesTheMail_AndTheLinkSetsThePasswordOnce()
    {
        using var admin = await As("admin");
        var email = NewEmail("invited");
        var created = await CreateUserAsync(admin, new { email, displayName = "林晓", role = "QualityManager", language = "en", sendSetPasswordLink = true });
        Assert.That(created["hasPassword"]!.GetValue<bool>(), Is.False);

        var queued = await QueuedLinkAsync(email);
        Assert.That(queued, Is.Not.Null, "a SetPassword mail is queued with the user");
        Assert.Multiple(() =>
        {
            Assert.That(queued!.Value.Link, Does.StartWith("https://kam.test.local/set-password?token="));
            Assert.That(queued.Value.Language, Is.EqualTo("en"));
            Assert.That(TokenOf(queued.Value.Link), Has.Length.GreaterThanOrEqualTo(43));
        });

        // Sent after commit through the SMTP server, in the user's language, with the link.
        var mail = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo("Set your KeyAccount password"));
            Assert.That(mail.TextBody, Does.Contain(queued!.Value.Link));
        });

        using var anonymous = ApiFixture.Anonymous();
        var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "!unset:" });
        Assert.That((int)refused.StatusCode, Is.EqualTo(401), "no password signs in before the link is used");

        var token = TokenOf(queued!.Value.Link);
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token, password = "short" }), 400, "password");
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token, password = email }), 400, "password");
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token = token + "x", password = Password }), 400, "token");
        var set = await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token, password = Password });
        Assert.That((int)set.StatusCode, Is.EqualTo(204), await set.Content.ReadAsStringAsync());
        var again = await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token, password = "Another-Password-2026" }), 400, "token");
        Assert.That(again["errors"]!["token"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("set-password-token-invalid"));

        using var user = await SignInAsync(email);
        Assert.That((await Body(await admin.GetAsync($"/api/v1/users/{created["id"]}")))["hasPassword"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ResetPassword_ByLink_EndsSessions_VoidsTheOlderLink_AndANewerLinkWorks()
    {
        using var admin = await As("admin");
        var email = NewEmail("reset");
        var user = await CreateUserAsync(admin, NewUser(email));
        using var session = await SignInAsync(email);

        Assert.That((int)(await ActAsync(admin, user, "reset-password", new { sendSetPasswordLink = true })).StatusCode, Is.EqualTo(200));
        var first = TokenOf((await QueuedLinkAsync(email))!.Value.Link);
        await AssertProblem(await session.GetAsync("/api/v1/me"), 401);
        using var anonymous = ApiFixture.Anonymous();
        Assert.That((int)(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode, Is.EqualTo(401), "the old password stopped");

        Assert.That((int)(await ActAsync(admin, user, "reset-password", new { sendSetPasswordLink = true })).StatusCode, Is.EqualTo(200));
        var second = TokenOf((await QueuedLinkAsync(email))!.Value.Link);
        Assert.That(second, Is.Not.EqualTo(first));
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token = first, password = Password }), 400, "token");
        Assert.That((int)(await anonymous.PostAsJsonAsync("/api/v1/auth/set-password", new { token = second, password = Password })).StatusCode, Is.EqualTo(204));
        using var again = await SignInAsync(email);

        // A new password directly, and both at once is refused.
        await AssertProblem(await ActAsync(admin, user, "reset-password", new { password = Password, sendSetPasswordLink = true }), 400, "password");
        Assert.That((int)(await ActAsync(admin, user, "reset-password", new { password = "Brand-New-Password-9" })).StatusCode, Is.EqualTo(200));
        await AssertProblem(await again.GetAsync("/api/v1/me"), 401);
        using var third = await SignInAsync(email, "Brand-New-Password-9");
    }

    [Test]
    public async Task DeactivateAndRoleChange_StopTheUsersTokenAtTheNextRequest_ReactivateLetsThemSignInAgain()
    {
        using var admin = await As("admin");
        var email = NewEmail("leaver");
        var user = await CreateUserAsync(admin, NewUser(email));
        using var session = await SignInAsync(email);
        Assert.That((int)(await session.GetAsync("/api/v1/complaints")).StatusCode, Is.EqualTo(200));

        var changed = await UpdateAsync(admin, user, new { displayName = "新同事", role = "QualityManager", language = "en" });
        Assert.That((int)changed.StatusCode, Is.EqualTo(200), await changed.Content.ReadAsStringAsync());
        var problem = await AssertProblem(await session.GetAsync("/api/v1/complaints"), 401);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("session-ended"));

        using var second = await SignInAsync(email);
        Assert.That((await Body(await second.GetAsync("/api/v1/me")))["role"]!.GetValue<string>(), Is.EqualTo("QualityManager"));
        var deactivated = await ActAsync(admin, user, "deactivate");
        Assert.That((await Body(deactivated))["isActive"]!.GetValue<bool>(), Is.False);
        await AssertProblem(await second.GetAsync("/api/v1/me"), 401);
        using var anonymous = ApiFixture.Anonymous();
        Assert.That((int)(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode, Is.EqualTo(401));
        var inactive = await Body(await admin.GetAsync($"/api/v1/users?q={email}&active=false"));
        Assert.That(inactive["totalCount"]!.GetValue<int>(), Is.EqualTo(1));

        Assert.That((int)(await ActAsync(admin, user, "reactivate")).StatusCode, Is.EqualTo(200));
        using var back = await SignInAsync(email);
    }

    [Test]
    public async Task ADeactivationCommittedByAnotherReplica_StopsTheTokenHereAtOnce_NotAfterTheCacheLifetime()
    {
        using var admin = await As("admin");
        var email = NewEmail("elsewhere");
        var user = await CreateUserAsync(admin, NewUser(email));
        using var session = await SignInAsync(email);
        Assert.That((int)(await session.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200), "the user's session facts are cached now");

        // Another replica deactivates the user: its own process writes the row and notifies in the same transaction.
        await using (var connection = new NpgsqlConnection(ApiFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand("UPDATE users SET is_active = false, security_stamp = gen_random_uuid() WHERE id = @id; SELECT pg_notify('user_sessions', @id::text);", connection, transaction);
            command.Parameters.AddWithValue("id", Guid.Parse(user["id"]!.GetValue<string>()));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        // Well within the cache's 5 s: the notification, not the expiry, ended the session.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        int status;
        do
        {
            status = (int)(await session.GetAsync("/api/v1/me")).StatusCode;
        }
        while (status == 200 && stopwatch.Elapsed < TimeSpan.FromSeconds(2) && await Task.Delay(20).ContinueWith(_ => true));
        Assert.That(status, Is.EqualTo(401), $"still accepted after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task AnAdmin_CannotDeactivateThemself_NorRemoveTheLastActiveAdmin()
    {
        using var admin = await As("admin");
        var me = await Body(await admin.GetAsync("/api/v1/me"));
        var self = await Body(await admin.GetAsync($"/api/v1/users/{me["id"]}"));
        var problem = await AssertProblem(await ActAsync(admin, self, "deactivate"), 409);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("cannot-deactivate-self"));

        // The fixture's admin may be the only active one: then giving up the role is refused too.
        var admins = await Body(await admin.GetAsync("/api/v1/users?role=Admin&active=true"));
        if (admins["totalCount"]!.GetValue<int>() == 1)
        {
            var last = await AssertProblem(await UpdateAsync(admin, self, new { displayName = "Admin", role = "Director" }), 409, "role");
            Assert.That(last["code"]!.GetValue<string>(), Is.EqualTo("last-active-admin"));
        }

        // A second Admin can be deactivated by the first.
        var other = await CreateUserAsync(admin, NewUser(role: "Admin"));
        Assert.That((int)(await ActAsync(admin, other, "deactivate")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Update_RefusesAManagerLoop_AStaleVersion_AndASecondActiveHead()
    {
        using var admin = await As("admin");
        var boss = await CreateUserAsync(admin, NewUser(role: "Director"));
        var lead = await CreateUserAsync(admin, NewUser(managerId: boss["id"]!.GetValue<string>()));
        var member = await CreateUserAsync(admin, NewUser(managerId: lead["id"]!.GetValue<string>()));
        Assert.That(member["managerName"]!.GetValue<string>(), Is.EqualTo("新同事"));

        await AssertProblem(await UpdateAsync(admin, boss, new { displayName = "老板", role = "Director", managerId = boss["id"] }), 409, "managerId");
        await AssertProblem(await UpdateAsync(admin, boss, new { displayName = "老板", role = "Director", managerId = lead["id"] }), 409, "managerId");
        var loop = await AssertProblem(await UpdateAsync(admin, boss, new { displayName = "老板", role = "Director", managerId = member["id"] }), 409, "managerId");
        Assert.That(loop["code"]!.GetValue<string>(), Is.EqualTo("manager-cycle"));

        var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/users/{member["id"]}", new { displayName = "甲", role = "ServiceAgent" }, ifMatch: "\"1\"");
        await AssertProblem(stale, 412);

        var head = await CreateUserAsync(admin, NewUser(department: "Finance", head: true));
        try
        {
            await AssertProblem(await admin.PostAsJsonAsync("/api/v1/users", NewUser(department: "Finance", head: true)), 409, "isDepartmentHead");
            await AssertProblem(await UpdateAsync(admin, member, new { displayName = "甲", role = "ServiceAgent", department = "Finance", isDepartmentHead = true }), 409, "isDepartmentHead");

            // A deactivated head leaves the place free; coming back while a successor heads it is refused.
            Assert.That((int)(await ActAsync(admin, head, "deactivate")).StatusCode, Is.EqualTo(200));
            Assert.That((int)(await UpdateAsync(admin, member, new { displayName = "甲", role = "ServiceAgent", department = "Finance", isDepartmentHead = true })).StatusCode, Is.EqualTo(200));
            await AssertProblem(await ActAsync(admin, head, "reactivate"), 409, "isDepartmentHead");
        }
        finally
        {
            await ActAsync(admin, member, "deactivate");
        }
    }

    [Test]
    public async Task Unlock_LiftsALockout()
    {
        using var admin = await As("admin");
        var email = NewEmail("locked");
        var user = await CreateUserAsync(admin, NewUser(email));
        using var anonymous = ApiFixture.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-xx" });
        }

        Assert.That((await Body(await admin.GetAsync($"/api/v1/users/{user["id"]}")))["lockedUntil"], Is.Not.Null);
        var unlocked = await Body(await ActAsync(admin, user, "unlock"));
        Assert.That(unlocked["lockedUntil"], Is.Null);
        using var session = await SignInAsync(email);
    }

    [Test]
    public async Task Lookup_ListsActiveUsersByName_WithoutEmails_ForThoseWhoAssignWork()
    {
        using var admin = await As("admin");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var active = await CreateUserAsync(admin, NewUser(name: $"客服{marker}甲", department: "Service"));
        var gone = await CreateUserAsync(admin, NewUser(name: $"客服{marker}乙"));
        await ActAsync(admin, gone, "deactivate");

        using var quality = await As("qualitymanager");
        var found = (await Body(await quality.GetAsync($"/api/v1/users/lookup?role=ServiceAgent&q={Uri.EscapeDataString("客服" + marker)}"))).AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(found.Select(u => u!["id"]!.GetValue<string>()), Is.EqualTo(new[] { active["id"]!.GetValue<string>() }));
            Assert.That(found[0]!["department"]!.GetValue<string>(), Is.EqualTo("Service"));
            Assert.That(found[0]!.AsObject().ContainsKey("email"), Is.False);
        });

        using var marketing = await As("marketing");
        await AssertProblem(await marketing.GetAsync("/api/v1/users/lookup"), 403);
        using var manager = await As("accountmanager");
        await AssertProblem(await manager.GetAsync("/api/v1/users"), 403);
        await AssertProblem(await quality.GetAsync("/api/v1/users/lookup?limit=1000"), 400, "limit");
    }

    [Test]
    public async Task LevelOneEscalation_GoesToTheDepartmentsHead_AndToQualityManagersWhenThereIsNone()
    {
        using var admin = await As("admin");
        var headEmail = NewEmail("head");
        var head = await CreateUserAsync(admin, NewUser(headEmail, department: "Logistics", head: true, name: "物流主管"));
        try
        {
            var account = await CreateAccountAsync("accountmanager", $"ESC-HEAD-{Guid.NewGuid():N}"[..20]);
            using var agent = await As("serviceagent");
            var assignee = (await Body(await agent.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();

            // Critical, received 20 h ago: the first-response clock has escalated already (at filing, before any
            // department); acknowledging stops it. The resolution clock (84 h) is what the scan escalates below.
            async Task<JsonNode> FileAcknowledgedAsync(string? department)
            {
                var filed = await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account, "Critical", DateTimeOffset.UtcNow.AddHours(-20)));
                Assert.That((int)filed.StatusCode, Is.EqualTo(201), await filed.Content.ReadAsStringAsync());
                var complaint = await Body(filed);
                var url = $"/api/v1/complaints/{complaint["id"]}";
                Assert.That((int)(await ChangeAsync(agent, HttpMethod.Post, url + "/acknowledge", new { response = "收到" }, url)).StatusCode, Is.EqualTo(200));
                if (department is not null)
                {
                    var assigned = await ChangeAsync(agent, HttpMethod.Post, url + "/assign", new { department, assigneeId = assignee }, url);
                    Assert.That((int)assigned.StatusCode, Is.EqualTo(200), await assigned.Content.ReadAsStringAsync());
                }

                return complaint;
            }

            var logistics = await FileAcknowledgedAsync("Logistics");
            var product = await FileAcknowledgedAsync("Product");
            var unassigned = await FileAcknowledgedAsync(null);

            await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
            {
                var escalated = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EscalateComplaintsCommand(DateTimeOffset.UtcNow.AddHours(65)));
                Assert.That(escalated, Is.GreaterThanOrEqualTo(3));
            }

            static async Task<string[]> ResolutionLevelOneAsync(HttpClient user) => [.. (await Body(await user.GetAsync("/api/v1/me/reminders"))).AsArray()
                .Where(r => r!["kind"]!.GetValue<string>() == "ComplaintEscalated" && r["args"]!["clock"]!.GetValue<string>() == "Resolution" && r["args"]!["level"]!.GetValue<int>() == 1)
                .Select(r => r!["args"]!["complaintReference"]!.GetValue<string>())];

            using var headClient = await SignInAsync(headEmail);
            using var quality = await As("qualitymanager");
            var toHead = await ResolutionLevelOneAsync(headClient);
            var toQuality = await ResolutionLevelOneAsync(quality);
            var toAssignee = await ResolutionLevelOneAsync(agent);
            string Ref(JsonNode c) => c["reference"]!.GetValue<string>();
            Assert.Multiple(() =>
            {
                Assert.That(toHead, Is.EquivalentTo(new[] { Ref(logistics) }), "the Logistics head hears of the Logistics complaint only");
                Assert.That(toQuality, Does.Contain(Ref(product)).And.Contain(Ref(unassigned)), "no head of Product; no department yet");
                Assert.That(toQuality, Does.Not.Contain(Ref(logistics)));
                Assert.That(toAssignee, Does.Contain(Ref(logistics)).And.Contain(Ref(product)), "the assignee is told as before");
            });
        }
        finally
        {
            await ActAsync(admin, head, "deactivate");
        }
    }
}
