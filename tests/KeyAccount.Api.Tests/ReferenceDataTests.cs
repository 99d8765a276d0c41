using System.Net.Http.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The managed lists (industry, region, segment): Admins maintain them, accounts and audiences store their codes, and
/// the migration turned the free text that came before into entries without losing a value. The lists are not reset
/// between tests (they are reference data), so each test adds entries with codes of its own.
/// </summary>
public class ReferenceDataTests : ApiTestBase
{
    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static object Entry(string code, string zh = "西北五省", string en = "Northwest five", int sortOrder = 500, bool isActive = true) =>
        new { code, labelZh = zh, labelEn = en, sortOrder, isActive };

    private static object AccountWith(string industry = "manufacturing", string region = "east-china", string segment = "enterprise") => new
    {
        name = "西部能源有限公司",
        registrationNumber = $"RD-{Guid.NewGuid():N}"[..20],
        industry,
        region,
        segment,
        status = "Active",
    };

    [Test]
    public async Task TheSeededLists_AreReadByEveryRole_WithBothLabels()
    {
        foreach (var user in new[] { "admin", "director", "accountmanager", "serviceagent", "qualitymanager", "marketing" })
        {
            using var client = await As(user);
            var items = (await Body(await client.GetAsync("/api/v1/reference-data?kind=Industry"))).AsArray();
            var energy = items.Single(i => i!["code"]!.GetValue<string>() == "energy")!;
            Assert.That((energy["labelZh"]!.GetValue<string>(), energy["labelEn"]!.GetValue<string>(), energy["kind"]!.GetValue<string>()), Is.EqualTo(("能源", "Energy", "Industry")), user);
        }
    }

    [Test]
    public async Task CreateReferenceItem_WhenChineseLabelsAtTheColumnLimit_StoresTheCodeInLowerCase()
    {
        using var admin = await As("admin");
        var code = NewCode("NW-Region");
        var zh = new string('西', 100);
        var created = await SendAsync(admin, HttpMethod.Post, "/api/v1/reference-data/Region", Entry(code, zh, new string('n', 100)), idempotencyKey: code);
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var body = await Body(created);
        Assert.Multiple(() =>
        {
            Assert.That(body["code"]!.GetValue<string>(), Is.EqualTo(code.ToLowerInvariant()));
            Assert.That(body["labelZh"]!.GetValue<string>(), Is.EqualTo(zh));
            Assert.That(created.Headers.ETag, Is.Not.Null);
            Assert.That(created.Headers.Location!.ToString(), Does.EndWith($"/api/v1/reference-data/Region/{code.ToLowerInvariant()}"));
        });

        // A double submit returns the first answer; the same code in another case is the same entry (409 on code).
        var replay = await SendAsync(admin, HttpMethod.Post, "/api/v1/reference-data/Region", Entry(code, zh, new string('n', 100)), idempotencyKey: code);
        Assert.That((int)replay.StatusCode, Is.EqualTo(201));
        Assert.That((await Body(replay))["code"]!.GetValue<string>(), Is.EqualTo(code.ToLowerInvariant()));
        var again = await admin.PostAsJsonAsync("/api/v1/reference-data/Region", Entry(code.ToUpperInvariant()));
        var problem = await AssertProblem(again, 409, "code");
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("reference-code-taken"));

        var tooLong = await admin.PostAsJsonAsync("/api/v1/reference-data/Region", Entry(NewCode("x"), new string('西', 101)));
        var tooLongProblem = await AssertProblem(tooLong, 400, "labelZh");
        Assert.That(tooLongProblem["errors"]!["labelZh"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("too-long"));
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/reference-data/Region", Entry("east china")), 400, "code");
        await AssertProblem(await admin.PostAsJsonAsync("/api/v1/reference-data/Region", Entry("华东")), 400, "code");
    }

    [Test]
    public async Task AnAccount_TakesCodesInAnyCase_AndTheListFilterFindsIt()
    {
        using var admin = await As("admin");
        var code = NewCode("region");
        Assert.That((int)(await admin.PostAsJsonAsync("/api/v1/reference-data/Region", Entry(code, "青藏", "Qinghai-Tibet"))).StatusCode, Is.EqualTo(201));

        using var manager = await As("accountmanager");
        var created = await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(industry: "ENERGY", region: code.ToUpperInvariant(), segment: " OEM "));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var account = await Body(created);
        Assert.That((account["industry"]!.GetValue<string>(), account["region"]!.GetValue<string>(), account["segment"]!.GetValue<string>()), Is.EqualTo(("energy", code, "oem")));

        var found = await Body(await manager.GetAsync($"/api/v1/accounts?region={code.ToUpperInvariant()}&industry=Energy"));
        Assert.That(found["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { account["id"]!.GetValue<string>() }));
    }

    [Test]
    public async Task AnAccount_WithAnUnknownCodeOrAFreeTextLabel_Is400NamingTheField()
    {
        using var manager = await As("accountmanager");
        var unknown = await AssertProblem(await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(industry: "quantum-computing")), 400, "industry");
        Assert.That(unknown["errors"]!["industry"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("unknown-reference"));

        // A label is not a code: "East China" and "华东" were free text before the lists.
        await AssertProblem(await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(region: "East China")), 400, "region");
        await AssertProblem(await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(region: "华东")), 400, "region");
        await AssertProblem(await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(segment: "enterprise-" + new string('x', 95))), 400, "segment");
    }

    [Test]
    public async Task ADeactivatedEntry_StaysOnItsAccounts_ButCannotBeChosenAgain()
    {
        using var admin = await As("admin");
        var code = NewCode("seg");
        Assert.That((int)(await admin.PostAsJsonAsync("/api/v1/reference-data/Segment", Entry(code, "小微企业", "Small business"))).StatusCode, Is.EqualTo(201));
        using var manager = await As("accountmanager");
        var created = await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(segment: code));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var accountId = (await Body(created))["id"]!.GetValue<string>();

        var url = $"/api/v1/reference-data/Segment/{code}";
        var etag = await ETagOf(admin, url);
        var deactivated = await SendAsync(admin, HttpMethod.Put, url, new { labelZh = "小微企业（停用）", labelEn = "Small business (retired)", sortOrder = 900, isActive = false }, ifMatch: etag);
        Assert.That((int)deactivated.StatusCode, Is.EqualTo(200), await deactivated.Content.ReadAsStringAsync());
        await AssertProblem(await SendAsync(admin, HttpMethod.Put, url, new { labelZh = "小微", labelEn = "Small", sortOrder = 1, isActive = true }, ifMatch: etag), 412);

        var active = (await Body(await manager.GetAsync("/api/v1/reference-data?kind=Segment"))).AsArray();
        Assert.That(active.Select(i => i!["code"]!.GetValue<string>()), Does.Not.Contain(code));
        var all = (await Body(await manager.GetAsync("/api/v1/reference-data?kind=Segment&includeInactive=true"))).AsArray();
        Assert.That(all.Single(i => i!["code"]!.GetValue<string>() == code)!["isActive"]!.GetValue<bool>(), Is.False);

        var refused = await AssertProblem(await manager.PostAsJsonAsync("/api/v1/accounts", AccountWith(segment: code)), 400, "segment");
        Assert.That(refused["errors"]!["segment"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("inactive-reference"));

        // The account that has it is still edited (its other fields), keeping the value.
        var kept = await ChangeAsync(manager, HttpMethod.Put, $"/api/v1/accounts/{accountId}", AccountWith(industry: "energy", segment: code.ToUpperInvariant()), $"/api/v1/accounts/{accountId}");
        Assert.That((int)kept.StatusCode, Is.EqualTo(200), await kept.Content.ReadAsStringAsync());
        Assert.That((await Body(kept))["segment"]!.GetValue<string>(), Is.EqualTo(code));
    }

    [Test]
    public async Task ASurveyAudience_TakesCodes_AndNamesTheUnknownOne()
    {
        using var marketing = await As("marketing");
        var preview = await marketing.PostAsJsonAsync("/api/v1/surveys/campaigns/audience-preview", new { audience = new { industries = new[] { "Energy", "no-such-industry" } }, perAccountCap = 3 });
        await AssertProblem(preview, 400, "audience.industries[1]");
    }

    [Test]
    public async Task TheMigration_TurnsFreeTextIntoCodes_WithoutLosingAValue()
    {
        var database = $"refdata_{Guid.NewGuid():N}"[..24];
        await ExecuteSqlAsync($"CREATE DATABASE {database}");
        var connection = new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>()
                .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention()
                .Options;
            await using (var db = new AppDbContext(options))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_ReferenceData", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);

                // Free text as people typed it before the lists: English and Chinese labels, codes, other cases, and
                // values no list knows (ASCII and Chinese), one of them twice in different cases.
                var owner = User.Create("legacy@test.local", "x", new UserProfile("旧数据", Role.AccountManager, null, false, UserLanguages.ChineseSimplified), DateTimeOffset.UtcNow);
                db.Users.Add(owner);
                (string Industry, string Region, string Segment)[] rows =
                [
                    ("Energy", "East China", "Enterprise"),
                    ("能源", "华东", "大型企业"),
                    ("  energy ", "EAST CHINA", "OEM"),
                    ("Renewables", "西北五省", "SME"),
                    ("renewables", "西北五省", "Key Account / Tier-1"),
                    ("新材料", "Overseas", "sme"),
                ];
                var i = 0;
                foreach (var (industry, region, segment) in rows)
                {
                    db.Accounts.Add(Account.Create(new AccountProfile($"旧客户{i}", $"LEGACY-{i++}", industry, region, segment, AccountStatus.Active, null, null, null), owner.Id, DateTimeOffset.UtcNow));
                }

                await db.SaveChangesAsync();
                await db.GetService<IMigrator>().MigrateAsync();
            }

            await using var sql = new NpgsqlConnection(connection);
            await sql.OpenAsync();
            var accounts = new List<(string, string, string)>();
            await using (var read = new NpgsqlCommand("SELECT industry, region, segment FROM accounts ORDER BY registration_number", sql))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    accounts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            var items = new Dictionary<(string, string), (string Zh, string En)>();
            await using (var read = new NpgsqlCommand("SELECT kind, code, label_zh, label_en FROM reference_items", sql))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    items[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetString(3));
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(accounts[0], Is.EqualTo(("energy", "east-china", "enterprise")));
                Assert.That(accounts[1], Is.EqualTo(("energy", "east-china", "enterprise")));
                Assert.That(accounts[2], Is.EqualTo(("energy", "east-china", "oem")));
                Assert.That(accounts[3].Item1, Is.EqualTo("renewables"));
                Assert.That(accounts[4].Item1, Is.EqualTo("renewables"), "values differing only in case are one entry");
                Assert.That(accounts[3].Item2, Is.EqualTo(accounts[4].Item2).And.StartsWith("legacy-"));
                Assert.That(accounts[3].Item3, Is.EqualTo("sme"));
                Assert.That(accounts[5].Item3, Is.EqualTo("sme"));
                Assert.That(accounts[4].Item3, Is.EqualTo("key-account-tier-1"));
                Assert.That(accounts[5].Item1, Does.StartWith("legacy-"));
                Assert.That(items[("Region", accounts[3].Item2)], Is.EqualTo(("西北五省", "西北五省")), "the text becomes both labels");
                Assert.That(items[("Industry", accounts[5].Item1)], Is.EqualTo(("新材料", "新材料")));
                Assert.That(items[("Segment", "key-account-tier-1")], Is.EqualTo(("Key Account / Tier-1", "Key Account / Tier-1")));
                Assert.That(items[("Industry", "renewables")].En, Is.EqualTo("Renewables").Or.EqualTo("renewables"));
                Assert.That(items.Keys.Count(k => k.Item1 == "Industry"), Is.EqualTo(12), "10 shipped + renewables + 新材料");
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteSqlAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }
}
