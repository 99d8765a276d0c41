using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Tiering;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

public class TieringTests : ApiTestBase
{
    public static object PolicyBody(int revenue = 30, int growth = 15, int margin = 10, int fit = 15, int potential = 10, int years = 5, int satisfaction = 15, object? cutoffs = null, int? cap = null) => new
    {
        name = "Test policy",
        criteria = new object[]
        {
            new { criterion = "TrailingRevenue", weight = revenue },
            new { criterion = "RevenueGrowth", weight = growth },
            new { criterion = "GrossMargin", weight = margin },
            new { criterion = "StrategicFit", weight = fit },
            new { criterion = "PotentialValue", weight = potential },
            new { criterion = "RelationshipLength", weight = years },
            new { criterion = "Satisfaction", weight = satisfaction },
        },
        cutoffs = cutoffs ?? new { strategic = 80, key = 60, growth = 40 },
        strategicCap = cap,
        hysteresisMargin = 5,
    };

    internal static async Task<string> PublishAsync(HttpClient director, object? body = null)
    {
        var created = await director.PostAsJsonAsync("/api/v1/tiering/policies", body ?? PolicyBody());
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var id = (await Body(created))["id"]!.GetValue<string>();
        var published = await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{id}/publish?acknowledgeShift=true", null, created.Headers.ETag!.Tag);
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Accounts with varied facts: revenue in both trailing windows, ties, one without revenue, one without contract date.</summary>
    internal static async Task<List<(string Id, string Registration)>> SeedAccountsAsync(HttpClient director)
    {
        var accounts = new List<(string, string)>();
        var thisMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var rows = new List<object>();
        var profiles = new (int Fit, decimal? Potential, string? Since, decimal Ttm, decimal Prev, decimal Margin)[]
        {
            (5, 9_000_000m, "2010-03-01", 1200m, 1000m, 0.30m),
            (4, 5_000_000m, "2015-06-01", 1200m, 1500m, 0.20m),
            (3, null, "2020-01-01", 600m, 300m, 0.25m),
            (1, 100_000m, null, 0m, 0m, 0m),
            (2, 2_000_000m, "2018-01-01", 300m, 0m, 0.10m),
            (5, 9_000_000m, "2012-01-01", 2400m, 2000m, 0.35m),
            (3, 1_000_000m, "2022-09-01", 50m, 60m, -0.10m),
        };
        for (var i = 0; i < profiles.Length; i++)
        {
            var p = profiles[i];
            var registration = $"TIER-{i}";
            var create = await director.PostAsJsonAsync("/api/v1/accounts", new
            {
                name = $"Tiering {i}", registrationNumber = registration, industry = "energy", region = "overseas", segment = "oem", status = "Active",
                strategicFit = p.Fit,
                potentialAnnualRevenue = p.Potential is { } v ? new { amount = v.ToString(CultureInfo.InvariantCulture), currency = "CNY" } : null,
                firstContractDate = p.Since,
            });
            Assert.That((int)create.StatusCode, Is.EqualTo(201), await create.Content.ReadAsStringAsync());
            var id = (await Body(create))["id"]!.GetValue<string>();
            accounts.Add((id, registration));
            for (var m = 1; m <= 24; m++)
            {
                var revenue = Math.Round((m <= 12 ? p.Ttm : p.Prev) / 12m, 2);
                if (revenue > 0)
                {
                    rows.Add(new { accountId = id, month = thisMonth.AddMonths(-m).ToString("yyyy-MM", CultureInfo.InvariantCulture), revenue, grossProfit = Math.Round(revenue * p.Margin, 2), orderCount = 1, currency = "CNY" });
                }
            }
        }

        var import = await director.PostAsJsonAsync("/api/v1/revenue/import", new { rows });
        Assert.That((int)import.StatusCode, Is.EqualTo(200), await import.Content.ReadAsStringAsync());
        return accounts;
    }

    [Test]
    public async Task CreatePolicy_WhenWeightsDoNotSumTo100_Returns400NamingCriteria()
    {
        using var director = await As("director");
        await AssertProblem(await director.PostAsJsonAsync("/api/v1/tiering/policies", PolicyBody(revenue: 31)), 400, "criteria");
    }

    [Test]
    public async Task CreatePolicy_WhenCutoffsOutOfOrder_Returns400NamingCutoffs()
    {
        using var director = await As("director");
        await AssertProblem(await director.PostAsJsonAsync("/api/v1/tiering/policies", PolicyBody(cutoffs: new { strategic = 60, key = 80, growth = 40 })), 400, "cutoffs");
    }

    [Test]
    public async Task CreatePolicy_WhenUnknownCriterion_Returns400()
    {
        using var director = await As("director");
        var response = await director.PostAsJsonAsync("/api/v1/tiering/policies", new { name = "X", criteria = new[] { new { criterion = "Vibes", weight = 100 } } });
        await AssertProblem(response, 400);
    }

    [Test]
    public async Task PublishPolicy_Twice_Returns409AndRetiresThePreviousVersion()
    {
        using var director = await As("director");
        var first = await PublishAsync(director);
        var second = await PublishAsync(director);
        await AssertProblem(await ChangeAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{second}/publish", null, $"/api/v1/tiering/policies/{second}"), 409);
        var policies = (await Body(await director.GetAsync("/api/v1/tiering/policies"))).AsArray();
        Assert.That(policies.Single(p => p!["id"]!.GetValue<string>() == first)!["status"]!.GetValue<string>(), Is.EqualTo("Retired"));
        Assert.That(policies.Count(p => p!["status"]!.GetValue<string>() == "Published"), Is.EqualTo(1));
    }

    [Test]
    public async Task Simulate_ReturnsTheDistributionAndMovesButPersistsNothing()
    {
        using var director = await As("director");
        await SeedAccountsAsync(director);
        var response = await director.PostAsJsonAsync("/api/v1/tiering/simulations", PolicyBody(revenue: 100, growth: 0, margin: 0, fit: 0, potential: 0, years: 0, satisfaction: 0));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var body = await Body(response);
        var counts = body["counts"]!.AsObject();
        Assert.That(counts.Sum(c => c.Value!.GetValue<int>()), Is.EqualTo(7));
        Assert.That(body["moves"]!.AsArray(), Is.Not.Empty);

        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.That(await db.TieringRuns.CountAsync(), Is.Zero);
        Assert.That(await db.TierAssignments.CountAsync(), Is.Zero);
        Assert.That(await db.Accounts.CountAsync(a => a.Tier != Domain.Accounts.Tier.Standard), Is.Zero);
    }

    [Test]
    public async Task Run_RecordsHistoryWithABreakdownThatAddsUpToTheScoreEventsAndNotifications()
    {
        using var director = await As("director");
        var accounts = await SeedAccountsAsync(director);
        await PublishAsync(director);

        var response = await director.PostAsync("/api/v1/tiering/runs", null);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var run = await Body(response);
        Assert.That(run["strategicCount"]!.GetValue<int>() + run["keyCount"]!.GetValue<int>() + run["growthCount"]!.GetValue<int>() + run["standardCount"]!.GetValue<int>(), Is.EqualTo(7));

        // The decision's edges are pinned in TieringEngineTests; here, what the API shows of each account's first run.
        foreach (var (id, registration) in accounts)
        {
            var history = (await Body(await director.GetAsync($"/api/v1/accounts/{id}/tier-history"))).AsArray();
            Assert.That(history, Has.Count.EqualTo(1), registration);
            // Every account starts Standard: its first run says Initial when it stays there, Promoted when it moves up.
            var expected = history[0]!["newTier"]!.GetValue<string>() == "Standard" ? "Initial" : "Promoted";
            Assert.That(history[0]!["reason"]!.GetValue<string>(), Is.EqualTo(expected), registration);
            Assert.That(history[0]!["breakdown"]!.AsArray(), Has.Count.EqualTo(7), registration);
            var contributions = history[0]!["breakdown"]!.AsArray().Sum(b => b!["contribution"]!.GetValue<decimal>());
            Assert.That(history[0]!["score"]!.GetValue<decimal>(), Is.EqualTo(contributions).Within(0.005m), $"{registration}: the score is the breakdown's sum, to 2 places");
        }

        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changed = await db.Accounts.CountAsync(a => a.Tier != Domain.Accounts.Tier.Standard);
        Assert.That(run["changedCount"]!.GetValue<int>(), Is.EqualTo(changed));
        Assert.That(await db.OutboxMessages.CountAsync(m => m.Type == "account.tier_changed" && m.Version == 1), Is.EqualTo(changed));

        // Written by the one outbox writer: the payload is the event's record, whichever path raised it.
        var message = await db.OutboxMessages.FirstAsync(m => m.Type == "account.tier_changed");
        var tierChanged = System.Text.Json.JsonSerializer.Deserialize<Domain.Accounts.AccountTierChanged>(message.Payload, Application.Common.Serialization.PublicJson.Options)!;
        Assert.That((tierChanged.PreviousTier, tierChanged.Reason, tierChanged.RunId.Value.ToString()), Is.EqualTo((Domain.Accounts.Tier.Standard, Domain.Tiering.TierChangeReason.Promoted, run["id"]!.GetValue<string>())), "every account starts Standard: a move in its first run is a promotion");
        Assert.That(await db.Accounts.Where(a => a.Id == tierChanged.AccountId).Select(a => a.Tier).SingleAsync(), Is.EqualTo(tierChanged.NewTier));
        Assert.That(await db.Reminders.CountAsync(r => r.Kind == Domain.Reminders.ReminderKind.TierChanged), Is.EqualTo(changed));

        // A second run changes nothing: every account is Unchanged.
        var again = await Body(await director.PostAsync("/api/v1/tiering/runs", null));
        Assert.That(again["changedCount"]!.GetValue<int>(), Is.Zero);
        var latest = (await Body(await director.GetAsync($"/api/v1/accounts/{accounts[0].Id}/tier-history"))).AsArray();
        Assert.That(latest[0]!["reason"]!.GetValue<string>(), Is.EqualTo("Unchanged"));
    }

    [Test]
    public async Task Run_RespectsAnActiveOverride()
    {
        using var director = await As("director");
        var accounts = await SeedAccountsAsync(director);
        await PublishAsync(director);
        var noRevenue = accounts[3].Id;
        var etag = (await director.GetAsync($"/api/v1/accounts/{noRevenue}")).Headers.ETag!.Tag;
        using var pin = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{noRevenue}/tier-override")
        {
            Content = JsonContent.Create(new { tier = "Strategic", reason = "Strategic partnership signed", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)) }),
        };
        pin.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.That((int)(await director.SendAsync(pin)).StatusCode, Is.EqualTo(204));

        (await director.PostAsync("/api/v1/tiering/runs", null)).EnsureSuccessStatusCode();

        var history = (await Body(await director.GetAsync($"/api/v1/accounts/{noRevenue}/tier-history"))).AsArray();
        Assert.That((history[0]!["newTier"]!.GetValue<string>(), history[0]!["reason"]!.GetValue<string>()), Is.EqualTo(("Strategic", "Override")));
    }

    [Test]
    public async Task SetTierOverride_WithPastExpiryOrNoReason_Returns4xxNamingTheField()
    {
        var id = await CreateAccountAsync("director");
        using var director = await As("director");
        foreach (var (body, field) in new (object, string)[]
        {
            (new { tier = "Key", reason = "x", expiresOn = "2020-01-01" }, "expiresOn"),
            (new { tier = "Key", reason = "", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(9)) }, "reason"),
        })
        {
            var etag = (await director.GetAsync($"/api/v1/accounts/{id}")).Headers.ETag!.Tag;
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/accounts/{id}/tier-override") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await director.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.AnyOf(400, 409), await response.Content.ReadAsStringAsync());
            await AssertProblem(response, (int)response.StatusCode, field);
        }
    }

    [Test]
    public async Task Run_WhileAnotherIsRunning_Returns409()
    {
        using var director = await As("director");
        await PublishAsync(director);
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            hold.Parameters.AddWithValue("key", KeyAccount.Infrastructure.Tiering.TieringEngine.RunLock);
            await hold.ExecuteNonQueryAsync();
        }

        await AssertProblem(await director.PostAsync("/api/v1/tiering/runs", null), 409);
        await transaction.RollbackAsync();
        Assert.That((int)(await director.PostAsync("/api/v1/tiering/runs", null)).StatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task Run_WithoutAPublishedPolicy_Returns409()
    {
        using var director = await As("director");
        await AssertProblem(await director.PostAsync("/api/v1/tiering/runs", null), 409);
    }

    [Test]
    public async Task Publish_WhenATierWouldLoseMoreThanTheLimit_AsksForAnAcknowledgement_AndTheSimulationFlagsIt()
    {
        using var director = await As("director");
        await SeedAccountsAsync(director);
        await PublishAsync(director);
        (await director.PostAsync("/api/v1/tiering/runs", null)).EnsureSuccessStatusCode();

        // Cut-offs nobody reaches: every tiered account would fall to Standard.
        var unreachable = PolicyBody(cutoffs: new { strategic = 100, key = 99.99m, growth = 99.98m });
        var simulation = await Body(await director.PostAsJsonAsync("/api/v1/tiering/simulations", unreachable));
        var strategic = simulation["shifts"]!.AsArray().Single(s => s!["tier"]!.GetValue<string>() == "Strategic")!;
        Assert.Multiple(() =>
        {
            Assert.That(simulation["shiftLimitPercent"]!.GetValue<decimal>(), Is.EqualTo(20m));
            Assert.That(strategic["before"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(strategic["after"]!.GetValue<int>(), Is.Zero);
            Assert.That(strategic["changePercent"]!.GetValue<decimal>(), Is.EqualTo(-100m));
            Assert.That(strategic["overLimit"]!.GetValue<bool>(), Is.True);
        });

        var created = await director.PostAsJsonAsync("/api/v1/tiering/policies", unreachable);
        var id = (await Body(created))["id"]!.GetValue<string>();
        var refused = await AssertProblem(await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{id}/publish", null, created.Headers.ETag!.Tag), 409, "acknowledgeShift");
        Assert.That(refused["code"]!.GetValue<string>(), Is.EqualTo("tier-shift-over-limit"));
        Assert.That(refused["args"]!["tiers"]!.GetValue<string>(), Does.Contain("Strategic"));
        var policy = await Body(await director.GetAsync($"/api/v1/tiering/policies/{id}"));
        Assert.That(policy["status"]!.GetValue<string>(), Is.EqualTo("Draft"), "nothing was published");

        var acknowledged = await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{id}/publish?acknowledgeShift=true", null, created.Headers.ETag!.Tag);
        Assert.That((int)acknowledged.StatusCode, Is.EqualTo(200), await acknowledged.Content.ReadAsStringAsync());
    }
}
