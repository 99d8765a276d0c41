using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Xml.Linq;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Exports;
using KeyAccount.Infrastructure.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The list exports (accounts, complaints queue, tier history) against the real database: the file's bytes, the list's
/// filters and the caller's access, revenue only with revenue:read, typed xlsx cells read back from the package, and
/// the refusals (unknown format or language, too many rows).
/// </summary>
public class ExportsTests : ApiTestBase
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Test]
    public async Task ExportAccounts_Csv_HasBomChineseQuotingAndNeutralisedFormulas()
    {
        string[] names = ["华东精密制造有限公司", "=1+2", "@SUM(A1)", "-cmd", "+41 phone", "Comma, \"quoted\"\nand a new line"];
        for (var i = 0; i < names.Length; i++)
        {
            await CreateAccountAsync("director", $"EXP-{i}", names[i]);
        }

        using var director = await As("director");
        var response = await director.GetAsync("/api/v1/accounts/export?format=csv");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.That(disposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(disposition?.FileName?.Trim('"'), Does.Match(@"^accounts-\d{8}\.csv$"));
        Assert.That(disposition?.FileNameStar, Does.Match(@"^accounts-\d{8}\.csv$"));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte-order mark first");
        var text = new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        Assert.That(text, Does.EndWith("\r\n"));
        var rows = ParseCsv(text);
        Assert.That(rows[0][0], Is.EqualTo("客户名称"), "headers in Chinese by default");
        var exported = rows.Skip(1).Select(r => r[0]).ToList();
        Assert.That(exported, Is.EquivalentTo(new[] { "华东精密制造有限公司", "'=1+2", "'@SUM(A1)", "'-cmd", "'+41 phone", "Comma, \"quoted\"\nand a new line" }));
        Assert.That(text, Does.Contain("\"Comma, \"\"quoted\"\"\nand a new line\""), "RFC 4180: quoted, inner quotes doubled");
        Assert.That(rows.All(r => r.Count == rows[0].Count), Is.True, "every row has every column");

        // Numbers stay numbers: the strategic fit is a bare 4, the amount keeps its decimals with a point.
        var fit = rows[0].IndexOf("战略匹配度");
        var potential = rows[0].IndexOf("潜在年收入");
        Assert.That(rows[1][fit], Is.EqualTo("4"));
        Assert.That(rows[1][potential], Is.EqualTo("1200000.50"));
        Assert.That(text, Does.Contain(",4,1200000.50,"), "numeric cells are not quoted");
    }

    [TestCase(CellKind.Text, "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"")]
    [TestCase(CellKind.Text, "\tx", "\"'\tx\"")]
    [TestCase(CellKind.Text, "\rx", "\"'\rx\"")]
    [TestCase(CellKind.Text, "a-b", "\"a-b\"")]
    [TestCase(CellKind.Text, "-12.5", "\"'-12.5\"")]
    public void CsvCell_NeutralisesTextThatStartsAFormula(CellKind kind, string value, string expected)
    {
        Assert.That(CsvExportWriter.Cell(kind, value), Is.EqualTo(expected));
    }

    [Test]
    public void CsvCell_LeavesNegativeNumbersAndDatesAlone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CsvExportWriter.Cell(CellKind.Number, -12.5m), Is.EqualTo("-12.5"));
            Assert.That(CsvExportWriter.Cell(CellKind.WholeNumber, -3), Is.EqualTo("-3"));
            Assert.That(CsvExportWriter.Cell(CellKind.Date, new DateOnly(2026, 12, 2)), Is.EqualTo("2026-12-02"));
            Assert.That(CsvExportWriter.Cell(CellKind.DateTime, new DateTimeOffset(2026, 12, 2, 16, 30, 0, TimeSpan.FromHours(8))), Is.EqualTo("2026-12-02 08:30:00"));
            Assert.That(CsvExportWriter.Cell(CellKind.Text, null), Is.Empty);
        });
    }

    [Test]
    public async Task ExportAccounts_AppliesTheListsFiltersAndSort()
    {
        using var director = await As("director");
        foreach (var (registration, name, industry) in new[] { ("F-1", "Beta retail", "Retail"), ("F-2", "Alpha retail", "Retail"), ("F-3", "Gamma steel", "Manufacturing") })
        {
            var body = new Dictionary<string, object?>
            {
                ["name"] = name, ["registrationNumber"] = registration, ["industry"] = industry, ["region"] = "east-china", ["segment"] = "enterprise", ["status"] = "Active",
            };
            var created = await director.PostAsJsonAsync("/api/v1/accounts", body);
            Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        }

        var retail = await CsvAsync(director, "/api/v1/accounts/export?industry=Retail&sort=-name&lang=en");
        Assert.That(retail[0][0], Is.EqualTo("Name"));
        Assert.That(retail.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "Beta retail", "Alpha retail" }));

        var search = await CsvAsync(director, "/api/v1/accounts/export?q=gamma&lang=en");
        Assert.That(search.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "Gamma steel" }));

        var none = await CsvAsync(director, "/api/v1/accounts/export?tier=Strategic");
        Assert.That(none, Has.Count.EqualTo(1), "a header and no rows");
    }

    [Test]
    public async Task ExportAccounts_AsAccountManager_HoldsOnlyTheirAccounts()
    {
        await CreateAccountAsync("accountmanager", "MINE-1", "我的客户");
        await CreateAccountAsync("accountmanager2", "THEIRS-1", "别人的客户");
        using var manager = await As("accountmanager");
        var rows = await CsvAsync(manager, "/api/v1/accounts/export");
        Assert.That(rows.Skip(1).Select(r => r[0]), Is.EqualTo(new[] { "我的客户" }));
    }

    [Test]
    public async Task ExportAccounts_WithoutRevenueRead_HasNoRevenueColumn()
    {
        await CreateAccountAsync("director", "REV-1");
        using var agent = await As("serviceagent");
        var agents = await CsvAsync(agent, "/api/v1/accounts/export?lang=en");
        Assert.That(agents[0], Has.None.Contains("revenue").IgnoreCase.And.None.EqualTo("Currency"));
        Assert.That(string.Join(",", agents[1]), Does.Not.Contain("1200000"));

        using var director = await As("director");
        var directors = await CsvAsync(director, "/api/v1/accounts/export?lang=en");
        Assert.That(directors[0], Does.Contain("Potential annual revenue").And.Contain("Currency"));

        using var agentXlsx = await agent.GetAsync("/api/v1/accounts/export?format=xlsx&lang=en");
        var sheet = await ReadXlsxAsync(agentXlsx);
        Assert.That(sheet[0].Select(c => c.Text), Has.None.Contains("revenue").IgnoreCase);
    }

    [Test]
    public async Task ExportAccounts_Xlsx_OpensWithTypedCells()
    {
        await CreateAccountAsync("director", "XLSX-1", "华东精密制造有限公司");
        using var director = await As("director");
        using var response = await director.GetAsync("/api/v1/accounts/export?format=xlsx");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Does.Match(@"^accounts-\d{8}\.xlsx$"));

        var rows = await ReadXlsxAsync(response);
        Assert.That(rows, Has.Count.EqualTo(2));
        var header = rows[0].Select(c => c.Text).ToList();
        Assert.That(header[0], Is.EqualTo("客户名称"));
        var row = rows[1];
        Assert.Multiple(() =>
        {
            Assert.That(row[0].Text, Is.EqualTo("华东精密制造有限公司"));
            Assert.That(row[0].IsNumber, Is.False);
            var fit = row[header.IndexOf("战略匹配度")];
            Assert.That(fit.IsNumber && fit.Text == "4", Is.True, $"strategic fit is the number 4 ({fit})");
            var potential = row[header.IndexOf("潜在年收入")];
            Assert.That(potential.IsNumber && decimal.Parse(potential.Text, System.Globalization.CultureInfo.InvariantCulture) == 1200000.50m, Is.True, potential.ToString());
            // Dates are serial numbers with a date format style (so Excel sorts and filters them as dates).
            var since = row[header.IndexOf("首次签约日期")];
            Assert.That(since.IsNumber && since.Style is not null, Is.True, since.ToString());
            Assert.That(DateTime.FromOADate(double.Parse(since.Text, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new DateTime(2019, 4, 1)));
            var created = row[header.IndexOf("创建时间 (UTC)")];
            Assert.That(created.IsNumber && created.Style is not null, Is.True, created.ToString());
        });
    }

    [Test]
    public async Task ExportAccounts_AcceptLanguageEnglish_WritesEnglishHeadersAndCodes()
    {
        await CreateAccountAsync("director", "LANG-1");
        using var director = await As("director");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts/export");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9,zh-CN;q=0.5");
        using var response = await director.SendAsync(request);
        var rows = ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.That(rows[0][0], Is.EqualTo("Name"));
        Assert.That(rows[1][rows[0].IndexOf("Tier")], Is.EqualTo("Standard"));

        var chinese = await CsvAsync(director, "/api/v1/accounts/export?lang=zh-CN");
        Assert.That(chinese[1][chinese[0].IndexOf("等级")], Is.EqualTo("普通客户"));
    }

    [TestCase("format=pdf", "format")]
    [TestCase("lang=fr", "lang")]
    [TestCase("sort=revenue", "sort")]
    [TestCase("tier=Platinum", "tier")]
    public async Task ExportAccounts_WhenQueryInvalid_Returns400NamingTheParameter(string query, string field)
    {
        using var director = await As("director");
        await AssertProblem(await director.GetAsync($"/api/v1/accounts/export?{query}"), 400, field);
    }

    [Test]
    public async Task Exports_WhenMoreRowsThanTheLimit_Return400OnFiltersBeforeStreaming()
    {
        await CreateAccountAsync("director", "MAX-1");
        await CreateAccountAsync("director", "MAX-2");
        await CreateAccountAsync("director", "MAX-3");
        var options = ApiFixture.Factory.Services.GetRequiredService<ExportOptions>();
        var before = options.MaxRows;
        options.MaxRows = 2;
        try
        {
            using var director = await As("director");
            var problem = await AssertProblem(await director.GetAsync("/api/v1/accounts/export?format=xlsx"), 400, "filters");
            var error = problem["errors"]!["filters"]![0]!;
            Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("too-many-items"));
            Assert.That(error["args"]!["max"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(error["args"]!["count"]!.GetValue<long>(), Is.EqualTo(3));

            var narrowed = await CsvAsync(director, "/api/v1/accounts/export?q=MAX-1");
            Assert.That(narrowed, Has.Count.EqualTo(2), "narrower filters export");
        }
        finally
        {
            options.MaxRows = before;
        }
    }

    [Test]
    public async Task ExportComplaints_AppliesFiltersAndTheCallersAccess()
    {
        var mine = await CreateAccountAsync("accountmanager", "CMP-MINE", "我的客户");
        var theirs = await CreateAccountAsync("accountmanager2", "CMP-THEIRS", "别人的客户");
        using var agent = await As("serviceagent");
        foreach (var (account, severity) in new[] { (mine, "High"), (mine, "Low"), (theirs, "High") })
        {
            var filed = await agent.PostAsJsonAsync("/api/v1/complaints", ComplaintsTests.Intake(account, severity));
            Assert.That((int)filed.StatusCode, Is.EqualTo(201), await filed.Content.ReadAsStringAsync());
        }

        var all = await CsvAsync(agent, "/api/v1/complaints/export?lang=en");
        Assert.That(all[0].Take(3), Is.EqualTo(new[] { "Reference", "Account", "Tier at intake" }));
        Assert.That(all, Has.Count.EqualTo(4));
        Assert.That(all.Skip(1).Select(r => r[0]), Has.All.Match("^CMP-\\d{4}-\\d{6}$"));

        var high = await CsvAsync(agent, "/api/v1/complaints/export?severity=High&lang=en");
        Assert.That(high.Skip(1).Select(r => r[high[0].IndexOf("Severity")]), Is.EqualTo(new[] { "High", "High" }));

        using var manager = await As("accountmanager");
        var managers = await CsvAsync(manager, "/api/v1/complaints/export");
        Assert.That(managers.Skip(1).Select(r => r[1]).Distinct(), Is.EqualTo(new[] { "我的客户" }));
        Assert.That(managers, Has.Count.EqualTo(3));
        Assert.That(managers[1][managers[0].IndexOf("状态")], Is.EqualTo("新建"));

        using var xlsx = await manager.GetAsync("/api/v1/complaints/export?format=xlsx");
        var sheet = await ReadXlsxAsync(xlsx);
        Assert.That(sheet, Has.Count.EqualTo(3));
        var received = sheet[1][sheet[0].FindIndex(c => c.Text == "受理时间 (UTC)")];
        Assert.That(received.IsNumber && received.Style is not null, Is.True, received.ToString());

        await AssertProblem(await manager.GetAsync("/api/v1/complaints/export?severity=Apocalyptic"), 400, "severity");
    }

    [Test]
    public async Task ExportTierHistory_HoldsEachAccountsResult_WithFiltersAndAccess()
    {
        using var director = await As("director");
        var created = await director.PostAsJsonAsync("/api/v1/tiering/policies", TieringTests.PolicyBody());
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var policy = (await Body(created))["id"]!.GetValue<string>();
        var published = await SendAsync(director, HttpMethod.Post, $"/api/v1/tiering/policies/{policy}/publish?acknowledgeShift=true", null, created.Headers.ETag!.Tag);
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        var mine = await CreateAccountAsync("accountmanager", "TH-MINE", "我的客户");
        await CreateAccountAsync("accountmanager2", "TH-THEIRS", "别人的客户");
        var run = await director.PostAsync("/api/v1/tiering/runs", null);
        Assert.That((int)run.StatusCode, Is.EqualTo(201), await run.Content.ReadAsStringAsync());
        var runId = (await Body(run))["id"]!.GetValue<string>();

        var all = await CsvAsync(director, "/api/v1/tiering/history/export?lang=en");
        Assert.That(all[0], Is.EqualTo(new[] { "Run date", "Account", "Registration number", "Owner", "Policy version", "Score", "Previous tier", "New tier", "Reason" }));
        Assert.That(all.Skip(1).Select(r => r[1]), Is.EquivalentTo(new[] { "我的客户", "别人的客户" }));
        Assert.That(all.Skip(1).Select(r => r[8]), Has.All.EqualTo("Initial"));
        Assert.That(all.Skip(1).Select(r => r[0]), Has.All.Match(@"^\d{4}-\d{2}-\d{2}$"));

        var changed = await CsvAsync(director, $"/api/v1/tiering/history/export?changedOnly=true&runId={runId}&accountId={mine}");
        Assert.That(changed.Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "我的客户" }));
        Assert.That(changed[1][8], Is.EqualTo("首次评级"));

        using var manager = await As("accountmanager");
        var managers = await CsvAsync(manager, "/api/v1/tiering/history/export");
        Assert.That(managers.Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "我的客户" }));

        using var xlsx = await manager.GetAsync("/api/v1/tiering/history/export?format=xlsx");
        var sheet = await ReadXlsxAsync(xlsx);
        Assert.That(sheet[1][4].IsNumber && sheet[1][5].IsNumber, Is.True, "policy version and score are numbers");

        await AssertProblem(await director.GetAsync("/api/v1/tiering/history/export?from=2026-05-01&to=2026-04-01"), 400, "to");
    }

    private static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), Encoding.UTF8.GetString(bytes));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.That(field.Length == 0 && row.Count == 0, Is.True, "the file ends with a complete record");
        return rows;
    }

    private sealed record XlsxCell(string Text, bool IsNumber, string? Style);

    /// <summary>The first worksheet's rows, read from the package with the framework's zip and XML readers.</summary>
    private static async Task<List<List<XlsxCell>>> ReadXlsxAsync(HttpResponseMessage response)
    {
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.That(zip.GetEntry("[Content_Types].xml"), Is.Not.Null);
        var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        await using var stream = await entry.OpenAsync();
        var document = await XDocument.LoadAsync(stream, LoadOptions.None, CancellationToken.None);
        var result = new List<List<XlsxCell>>();
        foreach (var row in document.Descendants(Sheet + "row"))
        {
            var cells = new List<XlsxCell>();
            foreach (var cell in row.Elements(Sheet + "c"))
            {
                var column = ColumnIndex((string)cell.Attribute("r")!);
                while (cells.Count < column)
                {
                    cells.Add(new XlsxCell(string.Empty, false, null));
                }

                var type = (string?)cell.Attribute("t");
                var text = type == "inlineStr" ? string.Concat(cell.Descendants(Sheet + "t").Select(t => t.Value)) : (string?)cell.Element(Sheet + "v") ?? string.Empty;
                cells.Add(new XlsxCell(text, type is null or "n" && text.Length > 0, (string?)cell.Attribute("s")));
            }

            result.Add(cells);
        }

        return result;
    }

    /// <summary>0-based column of a cell reference (B7 → 1).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
