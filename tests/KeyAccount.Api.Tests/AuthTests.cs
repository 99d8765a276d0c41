using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

public class AuthTests : ApiTestBase
{
    [Test]
    public async Task Login_WithDemoCredentials_ReturnsABearerTokenThatWorks()
    {
        using var anonymous = ApiFixture.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "Director@Test.Local", password = ApiFixture.Password });
        var body = await Body(response);
        Assert.That(body["tokenType"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(body["user"]!["role"]!.GetValue<string>(), Is.EqualTo("Director"));

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", body["accessToken"]!.GetValue<string>());
        var me = await Body(await anonymous.GetAsync("/api/v1/me"));
        Assert.That(me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()), Does.Contain("accounts:delete"));
    }

    [Test]
    public async Task Login_WithWrongPasswordOrUnknownEmail_Returns401WithTheSameMessage()
    {
        using var anonymous = ApiFixture.Anonymous();
        var wrong = await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "marketing@test.local", password = "nope" }), 401);
        var unknown = await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@test.local", password = "nope" }), 401);
        Assert.That(wrong["detail"]!.GetValue<string>(), Is.EqualTo(unknown["detail"]!.GetValue<string>()));
    }

    [Test]
    public async Task Login_AfterFiveFailures_LocksTheUserEvenWithTheRightPassword()
    {
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(ApiFixture.Password);
            db.Users.Add(User.Create("lockout@test.local", "Lockout", Role.Marketing, hash, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        using var anonymous = ApiFixture.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "lockout@test.local", password = "wrong" }), 401);
        }

        var locked = await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "lockout@test.local", password = ApiFixture.Password }), 401);
        var unknown = await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@test.local", password = "nope" }), 401);
        Assert.That(locked["detail"]!.GetValue<string>(), Is.EqualTo(unknown["detail"]!.GetValue<string>()), "a locked user is told nothing an unknown email is not");
    }

    [Test]
    public async Task Login_WhenEmailMissing_Returns400NamingTheField()
    {
        using var anonymous = ApiFixture.Anonymous();
        await AssertProblem(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "", password = "x" }), 400, "email");
    }

    [Test]
    public async Task Request_WithATamperedToken_Returns401()
    {
        using var client = await As("director");
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        await AssertProblem(await client.GetAsync("/api/v1/me"), 401);
    }
}
