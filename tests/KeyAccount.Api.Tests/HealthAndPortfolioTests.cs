using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

public class HealthAndPortfolioTests : ApiTestBase
{
    private static readonly DateOnly ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);

    private static async Task ImportRevenueAsync(HttpClient client, string accountId, decimal trailing, decimal previous)
    {
        var rows = Enumerable.Range(1, 24).Select(m => new
        {
            accountId,
            month = ThisMonth.AddMonths(-m).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            revenue = Math.Round((m <= 12 ? trailing : previous) / 12m, 2),
            grossProfit = 0m,
            orderCount = 1,
            currency = "CNY",
        }).Where(r => r.revenue > 0).ToArray();
        var response = await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static async Task LogInteractionAsync(HttpClient client, string accountId, int daysAgo)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{accountId}/interactions",
            new { type = "Meeting", occurredAt = DateTimeOffset.UtcNow.AddDays(-daysAgo), summary = "Quarterly review" });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A Strategic account last met 75 days ago whose revenue halved, and a healthy Key account met yesterday.</summary>
    private static async Task<(string Sick, string Healthy)> SeedAsync()
    {
        using var director = await As("director");
        var sick = await CreateAccountAsync("accountmanager", "HEALTH-SICK", "Sick Co");
        var healthy = await CreateAccountAsync("accountmanager", "HEALTH-OK", "Healthy Co");
        await ExecuteSqlAsync("UPDATE accounts SET status = 'Active', tier = 'Strategic', created_at = now() - interval '400 days' WHERE registration_number = 'HEALTH-SICK'");
        await ExecuteSqlAsync("UPDATE accounts SET status = 'Active', tier = 'Key', created_at = now() - interval '400 days' WHERE registration_number = 'HEALTH-OK'");
        using var manager = await As("accountmanager");
        await LogInteractionAsync(manager, sick, 75);
        await LogInteractionAsync(manager, healthy, 1);
        await ImportRevenueAsync(director, sick, 600m, 1200m);
        await ImportRevenueAsync(director, healthy, 1200m, 1000m);
        return (sick, healthy);
    }

    private static JsonNode Component(JsonNode health, string name) => health["components"]!.AsArray().Single(c => c!["component"]!.GetValue<string>() == name)!;

    [Test]
    public async Task GetHealth_WhenOverdueAndRevenueHalved_IsRedWithAWarningForEach()
    {
        var (sick, _) = await SeedAsync();
        using var manager = await As("accountmanager");
        var health = await Body(await manager.GetAsync($"/api/v1/accounts/{sick}/health"));
        Assert.Multiple(() =>
        {
            Assert.That(health["band"]!.GetValue<string>(), Is.EqualTo("Red"));
            // (0 × 30 + 100 × 20 + 0 × 20) / 70: no complaints is a good service signal.
            Assert.That(health["score"]!.GetValue<int>(), Is.EqualTo(29));
            Assert.That(Component(health, "Engagement")["score"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(Component(health, "CommercialTrend")["score"]!.GetValue<int>(), Is.EqualTo(0));
            // No survey answers yet: neutral, left out of the mean.
            Assert.That(Component(health, "Satisfaction")["score"], Is.Null);
            Assert.That(Component(health, "Service")["score"]!.GetValue<int>(), Is.EqualTo(100));
            var warnings = health["warnings"]!.AsArray();
            Assert.That(warnings.Select(w => w!["code"]!.GetValue<string>()), Is.EquivalentTo(new[] { "OverdueForContact", "RevenueDecline" }));
            var overdue = warnings.Single(w => w!["code"]!.GetValue<string>() == "OverdueForContact")!;
            Assert.That(overdue["figures"]!["cadenceDays"]!.GetValue<decimal>(), Is.EqualTo(30));
            Assert.That(overdue["message"]!.GetValue<string>(), Does.Contain("75 days"));
        });
    }

    [Test]
    public async Task GetHealth_OfAnotherManagersAccount_Returns404()
    {
        var (sick, _) = await SeedAsync();
        using var other = await As("accountmanager2");
        await AssertProblem(await other.GetAsync($"/api/v1/accounts/{sick}/health"), 404);
    }

    /// <summary>The health job's pass, as of now (what the job does every 15 minutes).</summary>
    private static async Task RecomputeHealthAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Health.RecomputeHealth.RecomputeHealthCommand(DateTimeOffset.UtcNow));
    }

    [Test]
    public async Task ListAtRisk_ListsTheRedAccountAndNotTheGreenOne_ForItsManagerOnly()
    {
        var (sick, healthy) = await SeedAsync();
        using var manager = await As("accountmanager");
        var before = await Body(await manager.GetAsync("/api/v1/dashboard/at-risk"));
        Assert.That(before["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Does.Not.Contain(sick), "nothing stored before the health job's pass");
        await RecomputeHealthAsync();
        var page = await Body(await manager.GetAsync("/api/v1/dashboard/at-risk"));

        // The stored figures are those of the one home of the rules: the same as the account's live health.
        var live = await Body(await manager.GetAsync($"/api/v1/accounts/{sick}/health"));
        var stored = page["items"]!.AsArray().Single(i => i!["accountId"]!.GetValue<string>() == sick)!;
        Assert.That((stored["score"]!.GetValue<int>(), stored["band"]!.GetValue<string>()), Is.EqualTo((live["score"]!.GetValue<int>(), live["band"]!.GetValue<string>())));
        Assert.That(stored["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()), Is.EqualTo(live["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>())));
        Assert.That(stored["asOf"], Is.Not.Null);
        var ids = page["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(sick));
            Assert.That(ids, Does.Not.Contain(healthy));
            Assert.That(page["items"]![0]!["warnings"]!.AsArray(), Is.Not.Empty);
        });

        using var other = await As("accountmanager2");
        var theirs = await Body(await other.GetAsync("/api/v1/dashboard/at-risk"));
        Assert.That(theirs["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Does.Not.Contain(sick));
        await AssertProblem(await manager.GetAsync("/api/v1/dashboard/at-risk?band=Green"), 400, "band");
        await AssertProblem(await manager.GetAsync("/api/v1/dashboard/at-risk?pageSize=500"), 400, "pageSize");
    }

    [Test]
    public async Task ListOverdueContacts_FollowsThePublishedProgrammesCadence_AndTheReminderJobUsesIt()
    {
        var (sick, healthy) = await SeedAsync();
        using var manager = await As("accountmanager");
        var page = await Body(await manager.GetAsync("/api/v1/dashboard/overdue-contacts"));
        var row = page["items"]!.AsArray().Single(i => i!["accountId"]!.GetValue<string>() == sick)!;
        Assert.Multiple(() =>
        {
            Assert.That(row["contactCadenceDays"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(row["daysOverdue"]!.GetValue<int>(), Is.EqualTo(45).Within(1));
            Assert.That(page["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Does.Not.Contain(healthy));
        });

        // The published programme's cadence rules: 40 days keeps the account overdue (by 35 days), 100 days clears it.
        using var director = await As("director");
        async Task PublishCadenceAsync(int days)
        {
            var body = JsonSerializerHelpers.WithProgramme(TieringTests.PolicyBody(), strategicCadence: days);
            var response = await director.PostAsJsonAsync("/api/v1/tiering/policies", body);
            var created = await Body(response);
            Assert.That((int)(await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{created["id"]}/publish?acknowledgeShift=true", null, response.Headers.ETag!.Tag)).StatusCode, Is.EqualTo(200));
        }

        await PublishCadenceAsync(40);
        var at40 = (await Body(await manager.GetAsync("/api/v1/dashboard/overdue-contacts")))["items"]!.AsArray().Single(i => i!["accountId"]!.GetValue<string>() == sick)!;
        Assert.That((at40["contactCadenceDays"]!.GetValue<int>(), at40["daysOverdue"]!.GetValue<int>()), Is.EqualTo((40, 35)));
        await PublishCadenceAsync(100);
        var after = await Body(await manager.GetAsync("/api/v1/dashboard/overdue-contacts"));
        Assert.That(after["items"]!.AsArray().Select(i => i!["accountId"]!.GetValue<string>()), Does.Not.Contain(sick));
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IReminderWriter>().RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var reminders = (await Body(await manager.GetAsync("/api/v1/me/reminders"))).AsArray();
        Assert.That(reminders.Where(r => r!["kind"]!.GetValue<string>() == "OverdueContact"), Is.Empty);
    }

    [Test]
    public async Task GetPortfolio_ReportsTierShares_TheParetoCurveAndTheValueMatrix()
    {
        using var director = await As("director");
        var revenues = new[] { 720m, 360m, 120m };
        for (var i = 0; i < revenues.Length; i++)
        {
            var id = await CreateAccountAsync("director", $"PORT-{i}", $"Portfolio {i}");
            await ExecuteSqlAsync($"UPDATE accounts SET status = 'Active', tier = '{(i == 0 ? "Strategic" : "Growth")}' WHERE registration_number = 'PORT-{i}'");
            await ImportRevenueAsync(director, id, revenues[i], 0m);
        }

        var portfolio = await Body(await director.GetAsync("/api/v1/dashboard"));
        var tiers = portfolio["tiers"]!.AsArray();
        var pareto = portfolio["pareto"]!.AsArray();
        var matrix = portfolio["valueMatrix"]!.AsArray();
        static decimal D(JsonNode? n) => decimal.Parse(n!.ToString(), CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(portfolio["accounts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(D(portfolio["revenue"]), Is.EqualTo(1200m));
            Assert.That(tiers.Select(t => t!["tier"]!.GetValue<string>()), Is.EqualTo(new[] { "Strategic", "Key", "Growth", "Standard" }));
            Assert.That(D(tiers[0]!["revenueShare"]), Is.EqualTo(60m));
            Assert.That(D(tiers[2]!["revenueShare"]), Is.EqualTo(40m));
            Assert.That(pareto.Select(p => D(p!["revenueShare"])), Is.EqualTo(new[] { 60m, 90m, 100m }));
            Assert.That(D(pareto[0]!["accountShare"]), Is.EqualTo(33.33m));
            Assert.That(matrix.Sum(c => c!["accounts"]!.GetValue<int>()), Is.EqualTo(3));
            Assert.That(matrix.Single(c => c!["current"]!.GetValue<string>() == "High")!["accounts"]!.GetValue<int>(), Is.EqualTo(1));
        });

        // An AccountManager's portfolio holds only their accounts (here none).
        using var manager = await As("accountmanager2");
        Assert.That((await Body(await manager.GetAsync("/api/v1/dashboard")))["accounts"]!.GetValue<int>(), Is.EqualTo(0));
    }

    [Test]
    public async Task DashboardRoutes_WhenTheOldTieringPathsAreAsked_Return404AndTheDashboardOnesAnswer()
    {
        using var director = await As("director");
        foreach (var path in new[] { "/api/v1/dashboard", "/api/v1/dashboard/at-risk", "/api/v1/dashboard/overdue-contacts" })
        {
            Assert.That((int)(await director.GetAsync(path)).StatusCode, Is.EqualTo(200), path);
        }

        // Moved, not aliased: the old paths and any second health route are gone.
        foreach (var path in new[] { "/api/v1/tiering/portfolio", "/api/v1/tiering/at-risk", "/api/v1/tiering/overdue-contacts", "/api/v1/dashboard/health", "/api/v1/tiering/health" })
        {
            Assert.That((int)(await director.GetAsync(path)).StatusCode, Is.EqualTo(404), path);
        }

        var healthRoutes = AuthorizationTests.Endpoints().Where(e => e.Pattern.Contains("health", StringComparison.OrdinalIgnoreCase)).Select(e => e.ToString());
        Assert.That(healthRoutes, Is.EqualTo(new[] { "GET /api/v1/accounts/{id:guid}/health" }));
    }
}

internal static class JsonSerializerHelpers
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The policy body with the design's service programme, the Strategic cadence changed.</summary>
    public static JsonNode WithProgramme(object policy, int strategicCadence)
    {
        var node = JsonSerializer.SerializeToNode(policy, Web)!;
        node["programme"] = new JsonArray(
            Level("Strategic", strategicCadence, true, 2, 4, 48),
            Level("Key", 60, true, 2, 8, 72),
            Level("Growth", 90, false, 1, 24, 120),
            Level("Standard", null, false, 1, 24, 168));
        return node;
    }

    private static JsonObject Level(string tier, int? cadence, bool plan, int surveys, int firstResponse, int resolution) => new()
    {
        ["tier"] = tier,
        ["contactCadenceDays"] = cadence,
        ["developmentPlanRequired"] = plan,
        ["surveysPerYear"] = surveys,
        ["firstResponseHours"] = firstResponse,
        ["resolutionHours"] = resolution,
    };
}
