using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The dashboard's figures against the lists they open: each count equals the total of its list with the filters the
/// client links to, which is the check that the figure and its list are read from one home.
/// </summary>
public class DashboardFiguresTests : ApiTestBase
{
    private static async Task RecomputeHealthAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new Application.Health.RecomputeHealth.RecomputeHealthCommand(DateTimeOffset.UtcNow));
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{url}: {await response.Content.ReadAsStringAsync()}");
        return (await Body(response))["totalCount"]!.GetValue<int>();
    }

    /// <summary>Three Strategic accounts of the manager: one met yesterday, two not for 75 days.</summary>
    private static async Task<string[]> SeedAccountsAsync()
    {
        var ids = new List<string>();
        using var manager = await As("accountmanager");
        for (var i = 0; i < 3; i++)
        {
            var id = await CreateAccountAsync("accountmanager", $"DASH-{i}", $"看板客户 {i}");
            await ExecuteSqlAsync($"UPDATE accounts SET status = 'Active', tier = 'Strategic', created_at = now() - interval '400 days' WHERE registration_number = 'DASH-{i}'");
            var response = await manager.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions",
                new { type = "Meeting", occurredAt = DateTimeOffset.UtcNow.AddDays(i == 0 ? -1 : -75), summary = "季度回顾" });
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
            ids.Add(id);
        }

        return [.. ids];
    }

    [Test]
    public async Task GetPortfolio_HeatMapAndOverdueContacts_EqualTheTotalsOfTheirLists()
    {
        await SeedAccountsAsync();
        await RecomputeHealthAsync();
        foreach (var user in new[] { "accountmanager", "director", "accountmanager2" })
        {
            using var client = await As(user);
            var portfolio = await Body(await client.GetAsync("/api/v1/dashboard"));
            var cells = portfolio["healthHeatMap"]!.AsArray();
            Assert.That(cells, Has.Count.EqualTo(12), "every tier × band, zeros included");
            Assert.That(cells.Sum(c => c!["accounts"]!.GetValue<int>()), Is.EqualTo(portfolio["accounts"]!.GetValue<int>()), $"{user}: every active account is assessed once");
            foreach (var cell in cells.Where(c => c!["band"]!.GetValue<string>() != "Green"))
            {
                var (tier, band) = (cell!["tier"]!.GetValue<string>(), cell["band"]!.GetValue<string>());
                Assert.That(await TotalAsync(client, $"/api/v1/dashboard/at-risk?band={band}&tier={tier}"), Is.EqualTo(cell["accounts"]!.GetValue<int>()), $"{user}: {tier} {band}");
            }

            Assert.That(portfolio["accountsOverdueForContact"]!.GetValue<int>(), Is.EqualTo(await TotalAsync(client, "/api/v1/dashboard/overdue-contacts")), user);
        }

        using var manager = await As("accountmanager");
        var mine = await Body(await manager.GetAsync("/api/v1/dashboard"));
        Assert.Multiple(() =>
        {
            Assert.That(mine["accountsOverdueForContact"]!.GetValue<int>(), Is.EqualTo(2), "the two accounts not met for 75 days (Strategic cadence 30 days)");
            Assert.That(mine["healthComputedAt"], Is.Not.Null);
            var strategic = mine["healthHeatMap"]!.AsArray().Where(c => c!["tier"]!.GetValue<string>() == "Strategic").Sum(c => c!["accounts"]!.GetValue<int>());
            Assert.That(strategic, Is.EqualTo(3));
        });
        using var other = await As("accountmanager2");
        Assert.That((await Body(await other.GetAsync("/api/v1/dashboard")))["accountsOverdueForContact"]!.GetValue<int>(), Is.Zero, "another manager's accounts are not theirs");
        await AssertProblem(await manager.GetAsync("/api/v1/dashboard/at-risk?tier=Platinum"), 400, "tier");
    }

    [Test]
    public async Task GetPortfolio_SlaCompliance_EqualsTheComplaintMetrics_AndItsCountsTheFilteredQueue()
    {
        var accounts = await SeedAccountsAsync();
        using var agent = await As("serviceagent");
        var filed = new List<JsonNode>();
        foreach (var account in accounts)
        {
            filed.Add(await ComplaintsTests.FileAsync(agent, account));
        }

        // An old complaint, outside the 90 days: in the queue but in neither figure.
        await ComplaintsTests.FileAsync(agent, accounts[0], receivedAt: DateTimeOffset.UtcNow.AddDays(-200));
        await ExecuteSqlAsync($"UPDATE complaints SET sla_state = 'Breached', first_response_breached = true WHERE id = '{filed[0]["id"]}'");
        await ExecuteSqlAsync($"UPDATE complaints SET sla_state = 'AtRisk' WHERE id = '{filed[1]["id"]}'");

        foreach (var user in new[] { "director", "accountmanager", "qualitymanager" })
        {
            using var client = await As(user);
            var sla = (await Body(await client.GetAsync("/api/v1/dashboard")))["sla"]!;
            var from = Uri.EscapeDataString(sla["from"]!.GetValue<DateTimeOffset>().ToString("O", CultureInfo.InvariantCulture));
            var to = Uri.EscapeDataString(sla["to"]!.GetValue<DateTimeOffset>().ToString("O", CultureInfo.InvariantCulture));
            var metrics = await Body(await client.GetAsync($"/api/v1/complaints/metrics?from={from}&to={to}"));
            Assert.Multiple(async () =>
            {
                Assert.That(sla["complaints"]!.GetValue<int>(), Is.EqualTo(3), user);
                Assert.That(sla["breached"]!.GetValue<int>(), Is.EqualTo(1), user);
                Assert.That(sla["atRisk"]!.GetValue<int>(), Is.EqualTo(1), user);
                Assert.That(sla["firstResponseCompliance"]?.ToString(), Is.EqualTo(metrics["overall"]!["firstResponseCompliance"]?.ToString()), user);
                Assert.That(await TotalAsync(client, $"/api/v1/complaints?receivedFrom={from}&receivedTo={to}"), Is.EqualTo(sla["complaints"]!.GetValue<int>()), user);
                Assert.That(await TotalAsync(client, $"/api/v1/complaints?slaState=Breached&receivedFrom={from}&receivedTo={to}"), Is.EqualTo(sla["breached"]!.GetValue<int>()), user);
                Assert.That(await TotalAsync(client, $"/api/v1/complaints?slaState=AtRisk&receivedFrom={from}&receivedTo={to}"), Is.EqualTo(sla["atRisk"]!.GetValue<int>()), user);
            });
        }

        using var other = await As("accountmanager2");
        Assert.That((await Body(await other.GetAsync("/api/v1/dashboard")))["sla"]!["complaints"]!.GetValue<int>(), Is.Zero);
        using var director = await As("director");
        await AssertProblem(await director.GetAsync("/api/v1/complaints?receivedFrom=2026-12-01T00:00:00%2B08:00&receivedTo=2026-11-30T00:00:00%2B08:00"), 400, "receivedTo");
        // Beijing midnight is 16:00 UTC the day before: the bound is an instant, whatever its offset.
        Assert.That(await TotalAsync(director, $"/api/v1/complaints?receivedFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(8)).ToString("O", CultureInfo.InvariantCulture))}"), Is.EqualTo(3));
    }

    [Test]
    public async Task GetPortfolio_PlansAtRisk_IsTheTotalOfTheOverduePlansInForce()
    {
        using var manager = await As("accountmanager");
        var (_, draft) = await DevelopmentPlansTests.DraftFullPlanAsync(manager, "DASH-PLAN-1");
        var (_, active) = await DevelopmentPlansTests.DraftFullPlanAsync(manager, "DASH-PLAN-2");
        // The drafted initiative is due 2026-01-01 and not done: overdue. Only the plan in force counts.
        await ExecuteSqlAsync($"UPDATE development_plans SET status = 'Active' WHERE id = '{active["id"]}'");
        const string List = "/api/v1/development-plans?status=Approved&status=Active&overdue=true";
        foreach (var user in new[] { "accountmanager", "director" })
        {
            using var client = await As(user);
            var portfolio = await Body(await client.GetAsync("/api/v1/dashboard"));
            Assert.That(portfolio["plansAtRisk"]!.GetValue<int>(), Is.EqualTo(1), user);
            Assert.That(await TotalAsync(client, List), Is.EqualTo(portfolio["plansAtRisk"]!.GetValue<int>()), user);
        }

        Assert.That(draft["status"]!.GetValue<string>(), Is.EqualTo("Draft"));
        using var other = await As("accountmanager2");
        Assert.That((await Body(await other.GetAsync("/api/v1/dashboard")))["plansAtRisk"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task GetPortfolio_SatisfactionTrend_HasTwelveBusinessMonthsEndingWithThisOne()
    {
        using var director = await As("director");
        var raw = await director.GetAsync("/api/v1/dashboard");
        Assert.That((int)raw.StatusCode, Is.EqualTo(200), await raw.Content.ReadAsStringAsync());
        var trend = (await Body(raw))["satisfactionTrend"]!.AsArray();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Multiple(() =>
        {
            Assert.That(trend, Has.Count.EqualTo(12));
            Assert.That(trend[^1]!["month"]!.GetValue<string>(), Is.EqualTo(new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.That(trend.All(m => m!["respondents"]!.GetValue<int>() == 0 && m["nps"] is null), Is.True, "no response yet");
        });

        // A role without plans:read gets no plans figure.
        using var agent = await As("serviceagent");
        var theirs = await Body(await agent.GetAsync("/api/v1/dashboard"));
        Assert.That((theirs["plansAtRisk"], theirs["satisfactionTrend"]!.AsArray().Count), Is.EqualTo(((JsonNode?)null, 12)));
    }

    [Test]
    public async Task RunAccounts_PerTierAndMoved_EqualTheRunsCounts()
    {
        using var director = await As("director");
        await TieringTests.SeedAccountsAsync(director);
        await TieringTests.PublishAsync(director);
        var response = await director.PostAsync("/api/v1/tiering/runs", null);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var run = await Body(response);
        var id = run["id"]!.GetValue<string>();
        foreach (var tier in new[] { "Strategic", "Key", "Growth", "Standard" })
        {
            var count = run[$"{char.ToLowerInvariant(tier[0])}{tier[1..]}Count"]!.GetValue<int>();
            Assert.That(await TotalAsync(director, $"/api/v1/tiering/runs/{id}/accounts?tier={tier}"), Is.EqualTo(count), tier);
        }

        var moved = await Body(await director.GetAsync($"/api/v1/tiering/runs/{id}/accounts?moved=true&pageSize=200"));
        Assert.Multiple(() =>
        {
            Assert.That(moved["totalCount"]!.GetValue<int>(), Is.EqualTo(run["changedCount"]!.GetValue<int>()));
            Assert.That(moved["items"]!.AsArray().All(i => i!["reason"]!.GetValue<string>() is "Promoted" or "Demoted" or "Override"), Is.True);
        });
        Assert.That(run["changedCount"]!.GetValue<int>(), Is.GreaterThan(0), "the seeded accounts all start Standard and some move up");

        using var other = await As("accountmanager2");
        Assert.That(await TotalAsync(other, $"/api/v1/tiering/runs/{id}/accounts"), Is.Zero, "another manager sees no line of these accounts");
        await AssertProblem(await director.GetAsync($"/api/v1/tiering/runs/{id}/accounts?tier=Gold"), 400, "tier");
        Assert.That((int)(await director.GetAsync($"/api/v1/tiering/runs/{Guid.NewGuid()}/accounts")).StatusCode, Is.EqualTo(404));
    }
}
