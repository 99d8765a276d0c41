using System.Globalization;
using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The six metrics a development plan's measure can be bound to, read from PostgreSQL through the one SQL module
/// (Infrastructure/Sql/AccountMetricsSql) at a fixed instant, each at its edges.
/// </summary>
public class AccountMetricsTests : ApiTestBase
{
    /// <summary>09:00 UTC is 17:00 in Beijing on the same day; the trailing 12 months are Nov 2025 – Oct 2026.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Revenue_WhenWindowsHaveRowsOrNone_GivesTtmGrowthAndMargin()
    {
        var grows = await SeedAccountAsync("GROWS", rows:
        [
            (new DateOnly(2026, 10, 1), 700m, 210m),   // last month of the TTM
            (new DateOnly(2025, 11, 1), 500m, 90m),    // first month of the TTM
            (new DateOnly(2025, 10, 1), 1000m, 100m),  // last month of the previous 12 months
            (new DateOnly(2026, 11, 1), 9999m, 1m),    // this month: not complete, not counted
            (new DateOnly(2024, 10, 1), 9999m, 1m),    // before both windows
        ]);
        var none = await SeedAccountAsync("NO-REVENUE");
        var newOnly = await SeedAccountAsync("NO-PREVIOUS", rows: [(new DateOnly(2026, 3, 1), 800m, 200m)]);
        var shrinks = await SeedAccountAsync("SHRINKS", rows: [(new DateOnly(2026, 3, 1), 300m, -30m), (new DateOnly(2025, 3, 1), 400m, 40m)]);

        var m = await ReadAsync(grows, none, newOnly, shrinks);

        Assert.Multiple(() =>
        {
            Assert.That(m[grows].TtmRevenue, Is.EqualTo(1200m));
            Assert.That(m[grows].RevenueGrowth, Is.EqualTo(20.00m));
            Assert.That(m[grows].GrossMarginPercent, Is.EqualTo(25.00m));
            Assert.That(m[none].TtmRevenue, Is.Zero);
            Assert.That(m[none].RevenueGrowth, Is.Null, "no previous revenue: no growth");
            Assert.That(m[none].GrossMarginPercent, Is.Null, "no revenue: no margin");
            Assert.That(m[newOnly].TtmRevenue, Is.EqualTo(800m));
            Assert.That(m[newOnly].RevenueGrowth, Is.Null, "previous TTM 0: null, not infinite");
            Assert.That(m[newOnly].GrossMarginPercent, Is.EqualTo(25.00m));
            Assert.That(m[shrinks].RevenueGrowth, Is.EqualTo(-25.00m));
            Assert.That(m[shrinks].GrossMarginPercent, Is.EqualTo(-10.00m));
            Assert.That(m[grows].AccountNps, Is.Null, "no survey capability yet: the satisfaction seam is empty");
        });
    }

    [Test]
    public async Task ComplaintSlaCompliance_CountsKnownOutcomesOfTheLast12Months()
    {
        var account = await SeedAccountAsync("COMPLAINTS");
        var quiet = await SeedAccountAsync("NO-COMPLAINTS");
        using var agent = await As("director");
        var met = await FileAsync(agent, account, Now.AddDays(-30));
        var resolvedLate = await FileAsync(agent, account, Now.AddDays(-60));
        var openLate = await FileAsync(agent, account, Now.AddDays(-2));
        var openOnTime = await FileAsync(agent, account, Now.AddDays(-1));                  // open, on time: no outcome yet
        var tooOld = await FileAsync(agent, account, Now.AddMonths(-12));                     // exactly 12 months ago: outside
        var justInside = await FileAsync(agent, account, Now.AddMonths(-12).AddSeconds(1));  // one second later: inside
        await ExecuteSqlAsync($"""
            UPDATE complaints SET is_stopped = true, first_response_breached = false, resolution_breached = false WHERE id IN ('{met}', '{tooOld}', '{justInside}');
            UPDATE complaints SET is_stopped = true, resolution_breached = true WHERE id = '{resolvedLate}';
            UPDATE complaints SET is_stopped = false, first_response_breached = true WHERE id = '{openLate}';
            UPDATE complaints SET is_stopped = false, first_response_breached = false, resolution_breached = false WHERE id = '{openOnTime}';
            UPDATE complaints SET received_at = '{Now.AddMonths(-12):O}' WHERE id = '{tooOld}';
            UPDATE complaints SET received_at = '{Now.AddMonths(-12).AddSeconds(1):O}' WHERE id = '{justInside}';
            """);

        var m = await ReadAsync(account, quiet);

        Assert.Multiple(() =>
        {
            Assert.That(m[account].ComplaintSlaCompliance, Is.EqualTo(50.00m), "met + just inside of 4 with an outcome");
            Assert.That(m[quiet].ComplaintSlaCompliance, Is.Null);
        });
    }

    [Test]
    public async Task ContactCadenceCoverage_CountsCadencePeriodsWithAnInteraction()
    {
        var strategic = await SeedAccountAsync("STRATEGIC", Tier.Strategic, createdAt: Now.AddYears(-2));
        var newKey = await SeedAccountAsync("NEW-KEY", Tier.Key, createdAt: Now.AddDays(-45));
        var silentKey = await SeedAccountAsync("SILENT-KEY", Tier.Key, createdAt: Now.AddYears(-1));
        var standard = await SeedAccountAsync("STANDARD", Tier.Standard, createdAt: Now.AddYears(-2));
        using var manager = await As("accountmanager");
        // Strategic: 30-day periods back from now, 12 of them. Periods 0 (twice), 1 and 11 have an interaction,
        // one falls just outside the twelfth; one Beijing-time evening call counts by its instant.
        foreach (var at in new[] { Now.AddDays(-1), Now.AddDays(-29), Now.AddDays(-31), Now.AddDays(-359), Now.AddDays(-360).AddSeconds(-1) })
        {
            await LogAsync(manager, strategic, at);
        }

        await LogAsync(manager, newKey, new DateTimeOffset(2026, 11, 13, 22, 30, 0, TimeSpan.FromHours(8)));

        var m = await ReadAsync(strategic, newKey, silentKey, standard);

        Assert.Multiple(() =>
        {
            Assert.That(m[strategic].ContactCadenceCoverage, Is.EqualTo(25.00m), "3 of 12 periods");
            Assert.That(m[newKey].ContactCadenceCoverage, Is.EqualTo(100.00m), "created 45 days ago: one 60-day period counts");
            Assert.That(m[silentKey].ContactCadenceCoverage, Is.EqualTo(0m));
            Assert.That(m[standard].ContactCadenceCoverage, Is.EqualTo(100.00m), "no cadence: nothing to cover");
        });
    }

    private static async Task<Dictionary<AccountId, AccountMetricsRow>> ReadAsync(params AccountId[] accounts)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IAccountMetrics>().ReadAsync(accounts, Now, CancellationToken.None);
        Assert.That(rows, Has.Count.EqualTo(accounts.Length));
        return rows.ToDictionary(r => r.AccountId);
    }

    private static async Task<AccountId> SeedAccountAsync(string registration, Tier tier = Tier.Standard, DateTimeOffset? createdAt = null, (DateOnly Month, decimal Revenue, decimal GrossProfit)[]? rows = null)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = createdAt ?? Now.AddYears(-3);
        var account = Account.Create(new AccountProfile($"客户 {registration}", registration, "Manufacturing", "East China", "Enterprise", AccountStatus.Active, 3, null, null), ApiFixture.Users["accountmanager"].Id, at);
        account.AssignTier(tier, at);
        db.Accounts.Add(account);
        db.RevenueRecords.AddRange((rows ?? []).Select(r => RevenueRecord.Create(account.Id, r.Month, r.Revenue, r.GrossProfit, 1, "CNY", at)));
        await db.SaveChangesAsync();
        await ExecuteSqlAsync($"UPDATE accounts SET created_at = '{at:O}' WHERE id = '{account.Id}'");
        return account.Id;
    }

    private static async Task<string> FileAsync(HttpClient client, AccountId account, DateTimeOffset receivedAt)
    {
        var response = await client.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account.ToString(), receivedAt: receivedAt));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task LogAsync(HttpClient client, AccountId account, DateTimeOffset occurredAt)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/interactions", new { type = "Call", occurredAt = occurredAt.ToString("O", CultureInfo.InvariantCulture), summary = "季度电话沟通" });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }
}
