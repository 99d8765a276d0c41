using System.Net.Http.Json;
using System.Text;
using KeyAccount.Api.Tests.Infrastructure;

namespace KeyAccount.Api.Tests;

public class RevenueTests : ApiTestBase
{
    private static string LastMonth(int back = 1) => DateTime.UtcNow.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task ImportRevenue_Json_InsertsThenUpdatesByAccountAndMonth()
    {
        var id = await CreateAccountAsync(registration: "ERP-1");
        using var client = await As("director");
        var rows = Enumerable.Range(1, 12).Select(m => new { registrationNumber = "erp-1", month = LastMonth(m), revenue = 1000m * m, grossProfit = 100m * m, orderCount = m, currency = "CNY" }).ToArray();

        var first = await Body(await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows }));
        Assert.That((first["inserted"]!.GetValue<int>(), first["updated"]!.GetValue<int>()), Is.EqualTo((12, 0)));

        var again = await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows = new[] { new { accountId = id, month = LastMonth(1), revenue = 5000m, grossProfit = 500m, orderCount = 3, currency = "CNY" } } });
        var second = await Body(again);
        Assert.That((second["inserted"]!.GetValue<int>(), second["updated"]!.GetValue<int>()), Is.EqualTo((0, 1)));

        var revenue = await Body(await client.GetAsync($"/api/v1/accounts/{id}/revenue"));
        Assert.That(revenue["months"]!.AsArray(), Has.Count.EqualTo(12));
        Assert.That(revenue["months"]!.AsArray().Last()!["revenue"]!.GetValue<string>(), Is.EqualTo("5000.00"));
        // 12 months: 5000 + 1000*(2..12) = 5000 + 77000
        Assert.That(revenue["trailingTwelveMonthsRevenue"]!.GetValue<string>(), Is.EqualTo("82000.00"));
    }

    [Test]
    public async Task ImportRevenue_WhenSomeRowsInvalid_ReportsEachFailingRowAndWritesNothing()
    {
        var id = await CreateAccountAsync(registration: "ERP-2");
        using var client = await As("director");
        var response = await client.PostAsJsonAsync("/api/v1/revenue/import", new
        {
            rows = new object[]
            {
                new { accountId = id, month = LastMonth(1), revenue = 10m, grossProfit = 1m, orderCount = 1, currency = "CNY" },
                new { accountId = id, month = LastMonth(2), revenue = -10m, grossProfit = -20m, orderCount = 1, currency = "CNY" },
                new { registrationNumber = "NOPE", month = LastMonth(3), revenue = 10m, grossProfit = 1m, orderCount = 1, currency = "CNY" },
                new { accountId = id, month = "2026/01", revenue = 10m, grossProfit = 1m, orderCount = 1, currency = "CNY" },
                new { accountId = id, month = LastMonth(1), revenue = 10m, grossProfit = 1m, orderCount = 1, currency = "CNY" },
            },
        });

        var problem = await AssertProblem(response, 400);
        var fields = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.That(fields, Is.EquivalentTo(new[] { "rows[1].revenue", "rows[2].registrationNumber", "rows[3].month", "rows[4].month" }));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("4 of 5 rows"));
        var revenue = await Body(await client.GetAsync($"/api/v1/accounts/{id}/revenue"));
        Assert.That(revenue["months"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ImportRevenue_WhenMoreThanTenThousandRows_Returns400()
    {
        using var client = await As("director");
        var rows = Enumerable.Range(0, 10_001).Select(_ => new { registrationNumber = "X", month = "2025-01", revenue = 1m, grossProfit = 0m, orderCount = 1, currency = "CNY" });
        await AssertProblem(await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows }), 400, "rows");
    }

    [Test]
    public async Task ImportRevenue_TenThousandRowsInOneCall_AreWritten()
    {
        using var client = await As("director");
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await CreateAccountAsync("director", $"BULK-{i}"));
        }

        // 25 accounts × 400 months (from 1990 on) = 10,000 rows in one call.
        var start = new DateOnly(1990, 1, 1);
        var rows = ids.SelectMany(id => Enumerable.Range(0, 400)
            .Select(m => new { accountId = id, month = start.AddMonths(m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), revenue = 100m, grossProfit = 10m, orderCount = 1, currency = "CNY" }))
            .ToList();
        Assert.That(rows, Has.Count.EqualTo(10_000));

        var response = await client.PostAsJsonAsync("/api/v1/revenue/import", new { rows });

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That((await Body(response))["inserted"]!.GetValue<int>(), Is.EqualTo(10_000));
    }

    [Test]
    public async Task ImportRevenue_Csv_UpsertsAndReportsLineNumbers()
    {
        var id = await CreateAccountAsync(registration: "CSV-1");
        using var client = await As("director");
        var csv = $"registrationNumber,month,revenue,grossProfit,orderCount,currency\r\nCSV-1,{LastMonth(1)},1234.50,234.50,7,CNY\r\n\"CSV-1\",{LastMonth(2)},\"1000\",100,2,CNY\r\n";
        var ok = await client.PostAsync("/api/v1/revenue/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That((int)ok.StatusCode, Is.EqualTo(200), await ok.Content.ReadAsStringAsync());
        Assert.That((await Body(ok))["inserted"]!.GetValue<int>(), Is.EqualTo(2));

        var bad = $"registrationNumber,month,revenue,grossProfit,orderCount,currency\nCSV-1,{LastMonth(3)},abc,1,1,CNY\n";
        await AssertProblem(await client.PostAsync("/api/v1/revenue/import", new StringContent(bad, Encoding.UTF8, "text/csv")), 400, "line 2.revenue");

        var missing = "registrationNumber,month\nCSV-1,2025-01\n";
        await AssertProblem(await client.PostAsync("/api/v1/revenue/import", new StringContent(missing, Encoding.UTF8, "text/csv")), 400, "header");
        Assert.That((await Body(await client.GetAsync($"/api/v1/accounts/{id}/revenue")))["months"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ImportRevenue_WhenUnsupportedMediaType_Returns415()
    {
        using var client = await As("director");
        var response = await client.PostAsync("/api/v1/revenue/import", new StringContent("<rows/>", Encoding.UTF8, "application/xml"));
        await AssertProblem(response, 415);
    }
}
