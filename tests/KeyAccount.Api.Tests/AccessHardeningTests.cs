using System.Net.Http.Headers;
using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>Sessions that end when they must, sign-in that counts every failure, limits for strangers, and data a role may not read.</summary>
public class AccessHardeningTests : ApiTestBase
{
    private static async Task<User> NewUserAsync(string email, Role role)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(ApiFixture.Password);
        var user = User.Create(email, email.Split('@')[0], role, hash, DateTimeOffset.UtcNow);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    private static async Task<HttpClient> SignedInAsync(string email)
    {
        var client = ApiFixture.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFixture.Password });
        Assert.That((int)login.StatusCode, Is.EqualTo(200), await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Body(login))["accessToken"]!.GetValue<string>());
        return client;
    }

    private static async Task ChangeUserAsync(Guid id, Action<User> change)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == new UserId(id));
        change(user);
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task ADeactivatedUsersToken_StopsAtTheirNextRequest()
    {
        var user = await NewUserAsync($"leaver-{Guid.NewGuid():N}@test.local", Role.ServiceAgent);
        using var client = await SignedInAsync(user.Email);
        Assert.That((int)(await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200));

        await ChangeUserAsync(user.Id.Value, u => u.Deactivate());

        var problem = await AssertProblem(await client.GetAsync("/api/v1/me"), 401);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("session-ended"));
        await AssertProblem(await client.GetAsync("/api/v1/accounts"), 401);
    }

    [Test]
    public async Task ALockedOutUsersToken_StopsToo_AndANewPasswordEndsOldSessions()
    {
        var user = await NewUserAsync($"locked-{Guid.NewGuid():N}@test.local", Role.ServiceAgent);
        using var client = await SignedInAsync(user.Email);
        using var anonymous = ApiFixture.Anonymous();
        for (var i = 0; i < User.MaxFailedAttempts; i++)
        {
            await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong" }), 401);
        }

        await AssertProblem(await client.GetAsync("/api/v1/me"), 401);

        var other = await NewUserAsync($"rotated-{Guid.NewGuid():N}@test.local", Role.ServiceAgent);
        using var before = await SignedInAsync(other.Email);
        await ChangeUserAsync(other.Id.Value, u => u.ChangePasswordHash("rehashed-elsewhere"));
        await AssertProblem(await before.GetAsync("/api/v1/me"), 401);
    }

    [Test]
    public async Task ConcurrentWrongPasswords_AreAllCounted_AndLockTheUser_NeverAConflict()
    {
        var user = await NewUserAsync($"storm-{Guid.NewGuid():N}@test.local", Role.Marketing);
        using var anonymous = ApiFixture.Anonymous();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong" })));
        Assert.That(attempts.Select(r => (int)r.StatusCode), Is.All.EqualTo(401));

        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.That(stored.IsLockedOut(DateTimeOffset.UtcNow), Is.True);
        Assert.That(stored.FailedLoginCount, Is.EqualTo(User.MaxFailedAttempts), "the attempts after the lock are refused without counting");
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFixture.Password }), 401);
    }

    [Test]
    public async Task UnauthenticatedRequests_AreRateLimitedPerAddress()
    {
        await using var factory = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("RateLimits:AnonymousRequestsPerMinutePerAddress", "3"));
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((int)(await anonymous.GetAsync("/health/live")).StatusCode, Is.EqualTo(200));
        }

        var limited = await anonymous.GetAsync("/api/v1/me");
        var problem = await AssertProblem(limited, 429);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("rate-limited"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task AuthenticatedRequests_AreRateLimitedPerUser_AndAnotherUserIsNotHeldUp()
    {
        await using var factory = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("RateLimits:RequestsPerMinutePerUser", "3"));
        async Task<HttpClient> SignedIn(string user)
        {
            var client = factory.CreateClient();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{user}@test.local", password = ApiFixture.Password });
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await Body(login))["accessToken"]!.GetValue<string>());
            return client;
        }

        using var manager = await SignedIn("accountmanager");
        using var director = await SignedIn("director");
        for (var i = 0; i < 3; i++)
        {
            Assert.That((int)(await manager.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200));
        }

        var limited = await manager.GetAsync("/api/v1/me");
        var problem = await AssertProblem(limited, 429);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("rate-limited"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        Assert.That((int)(await director.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200), "the budget is per user");
    }

    [Test]
    public async Task AServiceAgent_ReadsNoRevenueFigure_InThePortfolioOrOnAnAccount()
    {
        var id = await CreateAccountAsync("accountmanager", "REV-HIDE");
        using var agent = await As("serviceagent");
        using var director = await As("director");

        var hidden = await Body(await agent.GetAsync("/api/v1/dashboard"));
        Assert.That(hidden["accounts"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(hidden["revenue"], Is.Null);
        Assert.That(hidden["topFifthRevenueShare"], Is.Null);
        Assert.That(hidden["pareto"]!.AsArray(), Is.Empty);
        Assert.That(hidden["valueMatrix"]!.AsArray(), Is.Empty);
        Assert.That(hidden["tiers"]!.AsArray().Select(t => t!["revenue"]), Has.All.Null);
        Assert.That((await Body(await agent.GetAsync($"/api/v1/accounts/{id}")))["potentialAnnualRevenue"], Is.Null);

        var shown = await Body(await director.GetAsync("/api/v1/dashboard"));
        Assert.That(shown["revenue"], Is.Not.Null);
        Assert.That(shown["valueMatrix"]!.AsArray(), Is.Not.Empty);
        Assert.That((await Body(await director.GetAsync($"/api/v1/accounts/{id}")))["potentialAnnualRevenue"]!["amount"]!.GetValue<string>(), Is.EqualTo("1200000.50"));
    }

    [Test]
    public async Task AComplaint_IsAssignedOnlyToSomeoneWhoCanWorkOnItsAccount()
    {
        var account = await CreateAccountAsync("accountmanager", "ASSIGN-1");
        using var agent = await As("serviceagent");
        var complaint = await Body(await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account)));
        var url = $"/api/v1/complaints/{complaint["id"]}";
        Assert.That((int)(await ChangeAsync(agent, HttpMethod.Post, url + "/acknowledge", new { response = "收到" }, url)).StatusCode, Is.EqualTo(200));

        foreach (var stranger in new[] { "accountmanager2", "marketing", "admin" })
        {
            var problem = await AssertProblem(
                await ChangeAsync(agent, HttpMethod.Post, url + "/assign", new { department = "Service", assigneeId = ApiFixture.Users[stranger].Id.Value }, url), 400, "assigneeId");
            Assert.That(problem["errors"]!["assigneeId"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("not-allowed"), stranger);
        }

        Assert.That((await Body(await agent.GetAsync(url)))["status"]!.GetValue<string>(), Is.EqualTo("Acknowledged"));
        var owner = await ChangeAsync(agent, HttpMethod.Post, url + "/assign", new { department = "Sales", assigneeId = ApiFixture.Users["accountmanager"].Id.Value }, url);
        Assert.That((int)owner.StatusCode, Is.EqualTo(200), await owner.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AComplaint_ForAnAccountTheCallerCannotSee_IsNotFound()
    {
        var account = await CreateAccountAsync("accountmanager2", "HIDDEN-1");
        using var manager = await As("accountmanager");
        var problem = await AssertProblem(await manager.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account)), 404);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("not-found"));
    }
}
