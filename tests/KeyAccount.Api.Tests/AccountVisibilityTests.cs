using System.Net.Http.Headers;
using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Who may see an account, at the edges of the rule (owner, team member, removed from the team, another manager,
/// a director), read in each of the ways the product reads it: the <c>account_viewers</c> view itself, a LINQ list
/// (<c>GET /accounts</c>), the compiled single-account read (<c>GET /accounts/{id}</c>) and set-based SQL
/// (<c>GET /dashboard</c>, through Sql/AccountScopeSql). All of them must agree.
/// </summary>
public class AccountVisibilityTests : ApiTestBase
{
    private sealed record Viewer(string Name, HttpClient Client, Guid Id) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Viewer> NewManagerAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@test.local";
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(ApiFixture.Password);
            db.Users.Add(User.Create(email, name, Role.AccountManager, hash, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var client = ApiFixture.Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFixture.Password });
        Assert.That((int)login.StatusCode, Is.EqualTo(200), await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await Body(login))["accessToken"]!.GetValue<string>());
        var me = await Body(await client.GetAsync("/api/v1/me"));
        return new Viewer(name, client, Guid.Parse(me["id"]!.GetValue<string>()));
    }

    private static async Task<string> CreateOwnedAsync(Viewer owner)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/accounts", NewAccount());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task ReplaceTeamAsync(Viewer owner, string account, params Guid[] members)
    {
        var etag = await ETagOf(owner.Client, $"/api/v1/accounts/{account}/team");
        var response = await SendAsync(owner.Client, HttpMethod.Put, $"/api/v1/accounts/{account}/team", members.Select(m => new { userId = m, role = "SalesEngineer" }).ToArray(), etag);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The view, asked directly.</summary>
    private static async Task<bool> InViewAsync(string account, Guid user)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM account_viewers WHERE account_id = @a AND user_id = @u)", connection);
        command.Parameters.AddWithValue("a", Guid.Parse(account));
        command.Parameters.AddWithValue("u", user);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What <paramref name="client"/> sees of <paramref name="account"/> through the list, the detail and the portfolio.</summary>
    private static async Task<(bool Listed, int Detail, int PortfolioAccounts)> SeenAsync(HttpClient client, string account)
    {
        var list = await Body(await client.GetAsync("/api/v1/accounts?pageSize=200"));
        var listed = list["items"]!.AsArray().Any(x => x!["id"]!.GetValue<string>() == account);
        var detail = (int)(await client.GetAsync($"/api/v1/accounts/{account}")).StatusCode;
        var portfolio = await Body(await client.GetAsync("/api/v1/dashboard"));
        return (listed, detail, portfolio["accounts"]!.GetValue<int>());
    }

    [Test]
    public async Task AccountVisibility_AtTheEdgesOfTheRule_IsTheSameInTheViewTheListTheDetailAndSetBasedSql()
    {
        using var owner = await NewManagerAsync("owner");
        using var member = await NewManagerAsync("member");
        using var stranger = await NewManagerAsync("stranger");
        using var director = await As("director");
        var account = await CreateOwnedAsync(owner);
        await ReplaceTeamAsync(owner, account, member.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(await InViewAsync(account, owner.Id), Is.True, "owner in the view");
            Assert.That(await InViewAsync(account, member.Id), Is.True, "team member in the view");
            Assert.That(await InViewAsync(account, stranger.Id), Is.False, "another manager in the view");
            Assert.That(await SeenAsync(owner.Client, account), Is.EqualTo((true, 200, 1)), "owner");
            Assert.That(await SeenAsync(member.Client, account), Is.EqualTo((true, 200, 1)), "team member");
            Assert.That(await SeenAsync(stranger.Client, account), Is.EqualTo((false, 404, 0)), "another manager");
            Assert.That(await SeenAsync(director, account), Is.EqualTo((true, 200, 1)), "director");
        });

        // Removed from the team: gone at once from every reader.
        await ReplaceTeamAsync(owner, account);

        Assert.Multiple(async () =>
        {
            Assert.That(await InViewAsync(account, member.Id), Is.False, "removed member in the view");
            Assert.That(await SeenAsync(member.Client, account), Is.EqualTo((false, 404, 0)), "removed member");
            Assert.That(await SeenAsync(owner.Client, account), Is.EqualTo((true, 200, 1)), "owner after the change");
        });
    }

    [Test]
    public async Task AnOwnerWhoIsAlsoOnTheTeam_SeesTheAccountOnce()
    {
        using var owner = await NewManagerAsync("owner-member");
        var account = await CreateOwnedAsync(owner);
        await ReplaceTeamAsync(owner, account, owner.Id);

        var list = await Body(await owner.Client.GetAsync("/api/v1/accounts"));
        Assert.Multiple(() =>
        {
            Assert.That(list["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(list["items"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()), Is.EqualTo(new[] { account }));
        });
        Assert.That((await Body(await owner.Client.GetAsync("/api/v1/dashboard")))["accounts"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCase("/api/v1/dashboard")]
    [TestCase("/api/v1/dashboard/at-risk")]
    [TestCase("/api/v1/dashboard/overdue-contacts")]
    [TestCase("/api/v1/complaints/metrics")]
    public async Task SetBasedReads_ForARestrictedManagerAndForADirector_Answer(string url)
    {
        // Set-based SQL has one text for callers who see every account and one for restricted callers: both must run.
        using var manager = await NewManagerAsync("reader");
        await CreateOwnedAsync(manager);
        using var director = await As("director");
        Assert.Multiple(async () =>
        {
            var asManager = await manager.Client.GetAsync(url);
            Assert.That((int)asManager.StatusCode, Is.EqualTo(200), await asManager.Content.ReadAsStringAsync());
            var asDirector = await director.GetAsync(url);
            Assert.That((int)asDirector.StatusCode, Is.EqualTo(200), await asDirector.Content.ReadAsStringAsync());
        });
    }

    [Test]
    public async Task VisibleAccounts_ForAnAccountManager_ReadsTheViewAndNothingElse_AndForOtherRolesFiltersNothing()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Ids only: an Account query also joins its owned team collection to load it, which is not the filter.
        var manager = db.VisibleAccounts(Role.AccountManager, ApiFixture.Users["accountmanager"].Id).Select(a => a.Id).ToQueryString();
        var director = db.VisibleAccounts(Role.Director, ApiFixture.Users["director"].Id).Select(a => a.Id).ToQueryString();
        TestContext.Out.WriteLine(manager);

        Assert.Multiple(() =>
        {
            Assert.That(manager, Does.Contain("account_viewers"));
            Assert.That(manager, Does.Not.Contain("account_team_members").And.Not.Contain("owner_id ="));
            Assert.That(director, Does.Not.Contain("account_viewers").And.Not.Contain("WHERE"));
        });
    }
}
