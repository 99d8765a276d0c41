using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Complaints.EscalateComplaints;
using KeyAccount.Domain.Complaints;
using KeyAccount.Infrastructure.Jobs;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The readers of a complaint's SLA state agree, whatever happens to it: random sequences (fixed seed) of workflow
/// steps, comments, moves of the clock and escalation scans, on real PostgreSQL through the API. After every step the
/// queue row, the detail, the metrics and the account_service view (the health seam) show the same state and
/// breaches, the state is the domain's definition of the stored clocks, and the queue's SLA filters return exactly the
/// complaints in that state. After every scan, each clock's flags are also checked against the time it counted,
/// reconstructed independently from the timeline (24×7 calendar: receipt to now, minus the pauses).
/// </summary>
[NonParallelizable]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class ComplaintSlaAgreementTests : ApiTestBase
{
    private const int Steps = 140;
    private const int MaxComplaints = 12;

    private static readonly string[] Severities = ["Low", "Medium", "High", "Critical"];
    private static readonly string[] Departments = ["Logistics", "Quality", "Service"];

    private readonly List<string> _log = [];
    private readonly Dictionary<string, int> _seen = [];
    private readonly List<string> _ids = [];
    private readonly Dictionary<string, string> _accountOf = [];
    private IServiceProvider _services = null!;
    private DateTimeOffset _start;
    private DateTimeOffset _now;

    /// <param name="seed">The fixed seed of the sequence.</param>
    /// <param name="timeScale">How far the clock moves per step: short moves see at-risk states, long ones second levels, automatic closes and breaches after a reopen.</param>
    [TestCase(20261202, 1.0)]
    [TestCase(4242, 3.0)]
    public async Task RandomSteps_QueueDetailMetricsAndHealthView_AgreeOnTheSlaState(int seed, double timeScale)
    {
        var random = new Random(seed);
        var accounts = new[] { await CreateAccountAsync("accountmanager", "SLA-PROP-1"), await CreateAccountAsync("accountmanager", "SLA-PROP-2") };
        // Some two thousand requests a minute from one user: a host of its own with a per-user budget to match (the
        // shared host keeps the production limit, which other tests exercise).
        await using var host = ApiFixture.Factory.WithWebHostBuilder(web => web.UseSetting("RateLimits:RequestsPerMinutePerUser", "100000000"));
        _services = host.Services;
        // Signed in before the clock moves: tokens are issued on the API's clock.
        using var agent = await ClientAsync(host, "serviceagent");
        using var quality = await ClientAsync(host, "qualitymanager");
        var assignees = new[] { await MeAsync(agent), await MeAsync(quality) };

        // A virtual two months ago, in whole seconds (timestamps round-trip through PostgreSQL exactly).
        _start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-60).ToUnixTimeSeconds());
        _now = _start;
        var scheduler = await PauseEscalationJobAsync();
        TestClock.Instance.Set(_now);
        var passed = false;
        try
        {
            for (var step = 1; step <= Steps; step++)
            {
                var roll = random.NextDouble();
                if (_ids.Count == 0 || (roll < 0.12 && _ids.Count < MaxComplaints))
                {
                    await FileAsync(agent, accounts[random.Next(accounts.Length)], random);
                }
                else if (roll < 0.30)
                {
                    var minutes = random.NextDouble() switch
                    {
                        < 0.5 => random.Next(1, 60),
                        < 0.85 => random.Next(60, 8 * 60),
                        _ => random.Next(8 * 60, 36 * 60),
                    };
                    Advance(TimeSpan.FromMinutes(Math.Round(minutes * timeScale)));
                    // Mostly the scan follows (as the every-minute job would); sometimes the readers are asked before it.
                    if (random.NextDouble() < 0.8)
                    {
                        await ScanAsync();
                        await CheckAgreementAsync(agent, $"step {step}");
                        await CheckClocksAgainstCountedTimeAsync(agent, $"step {step} (after the scan)");
                        continue;
                    }
                }
                else
                {
                    await ActAsync(agent, _ids[random.Next(_ids.Count)], random, assignees);
                }

                await CheckAgreementAsync(agent, $"step {step}");
            }

            passed = true;
        }
        finally
        {
            TestClock.Instance.Reset();
            if (scheduler is not null)
            {
                await scheduler.ResumeJob(ComplaintEscalationJob.Key);
            }

            if (!passed)
            {
                TestContext.Progress.WriteLine($"Seed {seed}, time scale {timeScale}; the steps up to the failure:\n  " + string.Join("\n  ", _log));
            }
        }

        TestContext.Progress.WriteLine($"SLA agreement (seed {seed}, time scale {timeScale}): {Steps} steps, {_ids.Count} complaints, {_log.Count(l => l.StartsWith("scan", StringComparison.Ordinal))} scans; "
            + "complaints seen after the steps: " + string.Join(", ", _seen.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} ×{x.Value}")));
    }

    private void Tally(string what) => _seen[what] = _seen.GetValueOrDefault(what) + 1;

    /// <summary>A client of <paramref name="host"/> signed in as the test user (its token from the shared host: same signing key), whose responses are checked against the OpenAPI document.</summary>
    private static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> host, string user)
    {
        using var signedIn = await As(user);
        var client = host.CreateDefaultClient(new Uri("http://localhost"), new ContractValidatingHandler());
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private void Advance(TimeSpan by)
    {
        _now += by;
        TestClock.Instance.Set(_now);
        _log.Add($"advance {by.TotalMinutes:0} min → {_now:u}");
    }

    private async Task<IScheduler?> PauseEscalationJobAsync()
    {
        // The every-minute job would scan on the test's clock in the middle of a step: the test runs the scans itself.
        // The job store is shared (clustered), so pausing it here pauses it for both hosts.
        if (_services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return null;
        }

        var scheduler = await factory.GetScheduler();
        await scheduler.PauseJob(ComplaintEscalationJob.Key);
        // A scan that fired just before the pause (on the real clock, with nothing of this test's to do) ends within
        // milliseconds; let it end before the complaints exist.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        return scheduler;
    }

    private static async Task<string> MeAsync(HttpClient client) => (await Body(await client.GetAsync("/api/v1/me")))["id"]!.GetValue<string>();

    private async Task FileAsync(HttpClient agent, string account, Random random)
    {
        var severity = Severities[random.Next(Severities.Length)];
        var receivedAt = _now.AddMinutes(-random.Next(0, 600));
        var response = await agent.PostAsJsonAsync("/api/v1/complaints", new
        {
            accountId = account, channel = "Email", category = "Delivery", severity, subject = "Pallets missing", description = "17 of 20 delivered.", receivedAt,
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var id = (await Body(response))["id"]!.GetValue<string>();
        _ids.Add(id);
        _accountOf[id] = account;
        _log.Add($"file #{_ids.Count} {severity}, received {receivedAt:u} → 201");
    }

    private async Task ScanAsync()
    {
        int first, second;
        await using (var scope = _services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            first = await mediator.Send(new EscalateComplaintsCommand(_now));
            second = await mediator.Send(new EscalateComplaintsCommand(_now));
        }

        _log.Add($"scan at {_now:u}: {first} steps");
        Assert.That(second, Is.Zero, $"a second scan at the same instant takes no step ({_now:u})");
    }

    /// <summary>One workflow step allowed from the complaint's status, or a comment.</summary>
    private async Task ActAsync(HttpClient agent, string id, Random random, string[] assignees)
    {
        var detail = await Body(await agent.GetAsync($"/api/v1/complaints/{id}"));
        var allowed = detail["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        if (detail["status"]!.GetValue<string>() != "Closed")
        {
            allowed.Add("Comment");
        }

        var action = allowed[random.Next(allowed.Count)];
        var n = _ids.IndexOf(id) + 1;
        if (action == "Comment")
        {
            var comment = await agent.PostAsJsonAsync($"/api/v1/complaints/{id}/comments", new { text = $"Update {random.Next(1000)}" });
            _log.Add($"#{n} comment → {(int)comment.StatusCode}");
            Assert.That((int)comment.StatusCode, Is.EqualTo(201), await comment.Content.ReadAsStringAsync());
            return;
        }

        (string path, object body) = action switch
        {
            "Acknowledge" => ("acknowledge", (object)new { response = "We are on it" }),
            "Assign" => ("assign", new { department = Departments[random.Next(Departments.Length)], assigneeId = assignees[random.Next(assignees.Length)] }),
            "AwaitCustomer" => ("await-customer", new { note = "Asked for photos" }),
            "Resume" => ("resume", new { note = (string?)null }),
            "Resolve" => ("resolve", new { resolution = "Re-shipped", rootCause = "Logistics", correctiveAction = "Loading check" }),
            "Close" => ("close", new { note = (string?)null }),
            "Reopen" => ("reopen", new { reason = "It came back" }),
            _ => throw new InvalidOperationException(action),
        };
        var response = await ChangeAsync(agent, HttpMethod.Post, $"/api/v1/complaints/{id}/{path}", body, $"/api/v1/complaints/{id}");
        _log.Add($"#{n} {path} at {_now:u} → {(int)response.StatusCode}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private async Task CheckAgreementAsync(HttpClient client, string when)
    {
        var ctx = $"{when}, {_now:u}, last: {_log[^1]}";
        var queue = await Body(await client.GetAsync("/api/v1/complaints?pageSize=200"));
        var rows = queue["items"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.That(rows.Keys, Is.EquivalentTo(_ids), ctx);

        var details = new Dictionary<string, JsonNode>();
        foreach (var id in _ids)
        {
            var detail = await Body(await client.GetAsync($"/api/v1/complaints/{id}"));
            details[id] = detail;
            var row = rows[id];
            var c = $"{ctx}; complaint #{_ids.IndexOf(id) + 1}";
            foreach (var field in new[] { "status", "slaState", "dueAt", "stopped", "firstResponseClock", "resolutionClock" })
            {
                Assert.That(JsonNode.DeepEquals(row[field], detail[field]), Is.True, $"{c}: the queue row's {field} {row[field]?.ToJsonString()} vs the detail's {detail[field]?.ToJsonString()}");
            }

            Tally($"state {detail["slaState"]}");
            Tally($"status {detail["status"]}");
            foreach (var clock in new[] { "firstResponseClock", "resolutionClock" })
            {
                Tally($"{clock} level {detail[clock]!["escalationLevel"]}{(detail[clock]!["breached"]!.GetValue<bool>() ? " breached" : string.Empty)}");
            }

            // The stored state is the domain's one definition over the stored clocks.
            var status = Enum.Parse<ComplaintStatus>(detail["status"]!.GetValue<string>());
            Assert.That(detail["slaState"]!.GetValue<string>(), Is.EqualTo(ComplaintSla.StateOf(status, Clock(detail["firstResponseClock"]!), Clock(detail["resolutionClock"]!)).ToString()), c);
            Assert.That(detail["stopped"]!.GetValue<bool>(), Is.EqualTo(ComplaintSla.IsStopped(status)), c);
        }

        // The queue's filters return exactly the complaints whose stored state matches.
        foreach (var state in new[] { "OnTime", "AtRisk", "Breached" })
        {
            Assert.That(await IdsAsync(client, $"slaState={state}"), Is.EquivalentTo(_ids.Where(id => rows[id]["slaState"]!.GetValue<string>() == state)), $"{ctx}: slaState={state}");
        }

        Assert.That(await IdsAsync(client, "openOnly=true"), Is.EquivalentTo(_ids.Where(id => !rows[id]["stopped"]!.GetValue<bool>())), $"{ctx}: openOnly");
        Assert.That(await IdsAsync(client, "overdue=true"),
            Is.EquivalentTo(_ids.Where(id => !rows[id]["stopped"]!.GetValue<bool>() && rows[id]["dueAt"] is { } due && due.GetValue<DateTimeOffset>() < _now)), $"{ctx}: overdue");

        await CheckMetricsAsync(client, details, ctx);
        await CheckHealthViewAsync(details, ctx);
    }

    private async Task CheckMetricsAsync(HttpClient client, Dictionary<string, JsonNode> details, string ctx)
    {
        static string Q(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture));
        var metrics = await Body(await client.GetAsync($"/api/v1/complaints/metrics?from={Q(_start.AddDays(-1))}&to={Q(_now.AddMinutes(1))}"));
        var overall = metrics["overall"]!;
        var all = details.Values.ToList();
        bool Fr(JsonNode d) => d["firstResponseClock"]!["breached"]!.GetValue<bool>();
        bool Res(JsonNode d) => d["resolutionClock"]!["breached"]!.GetValue<bool>();
        bool Stopped(JsonNode d) => d["stopped"]!.GetValue<bool>();
        bool Answered(JsonNode d) => d["firstRespondedAt"] is not null;
        static decimal? Percent(int met, int outcome) => outcome == 0 ? null : Math.Round(100m * met / outcome, 1, MidpointRounding.AwayFromZero);
        Assert.Multiple(() =>
        {
            Assert.That(overall["complaints"]!.GetValue<int>(), Is.EqualTo(all.Count), ctx);
            Assert.That(overall["firstResponseBreaches"]!.GetValue<int>(), Is.EqualTo(all.Count(Fr)), $"{ctx}: metrics firstResponseBreaches");
            Assert.That(overall["resolutionBreaches"]!.GetValue<int>(), Is.EqualTo(all.Count(Res)), $"{ctx}: metrics resolutionBreaches");
            Assert.That(overall["atRisk"]!.GetValue<int>(), Is.EqualTo(all.Count(d => d["slaState"]!.GetValue<string>() == "AtRisk")), $"{ctx}: metrics atRisk");
            Assert.That(overall["breached"]!.GetValue<int>(), Is.EqualTo(all.Count(d => d["slaState"]!.GetValue<string>() == "Breached")), $"{ctx}: metrics breached");
            Assert.That(overall["firstResponseCompliance"]?.GetValue<decimal>(),
                Is.EqualTo(Percent(all.Count(d => Answered(d) && !Fr(d)), all.Count(d => Answered(d) || Fr(d)))), $"{ctx}: metrics firstResponseCompliance");
            Assert.That(overall["resolutionCompliance"]?.GetValue<decimal>(),
                Is.EqualTo(Percent(all.Count(d => Stopped(d) && !Res(d)), all.Count(d => Stopped(d) || Res(d)))), $"{ctx}: metrics resolutionCompliance");
        });
    }

    /// <summary>account_service feeds the account's health: its open complaints and SLA breaches of the last 90 days.</summary>
    private async Task CheckHealthViewAsync(Dictionary<string, JsonNode> details, string ctx)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT account_id, open_complaints, sla_breaches_90d FROM account_service", connection);
        var view = new Dictionary<string, (int Open, int Breaches)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                view[reader.GetGuid(0).ToString()] = (reader.GetInt32(1), reader.GetInt32(2));
            }
        }

        foreach (var account in _accountOf.Values.Distinct())
        {
            var mine = details.Where(d => _accountOf[d.Key] == account).Select(d => d.Value).ToList();
            var expected = (mine.Count(d => !d["stopped"]!.GetValue<bool>()),
                mine.Count(d => d["firstResponseClock"]!["breached"]!.GetValue<bool>() || d["resolutionClock"]!["breached"]!.GetValue<bool>()));
            Assert.That(view.GetValueOrDefault(account), Is.EqualTo(expected), $"{ctx}: account_service (open, breaches) of {account}");
        }
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string filter) =>
        [.. (await Body(await client.GetAsync($"/api/v1/complaints?pageSize=200&{filter}")))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];

    private static SlaClockState Clock(JsonNode clock) => new()
    {
        DueAt = clock["dueAt"]?.GetValue<DateTimeOffset>(),
        AtRisk = clock["atRisk"]!.GetValue<bool>(),
        Breached = clock["breached"]!.GetValue<bool>(),
        EscalationLevel = clock["escalationLevel"]!.GetValue<int>(),
    };

    /// <summary>
    /// Right after a scan, a clock's flags follow from the time it counted: breached from 100 % (a stopped clock
    /// counted up to its stop), and for a clock still running, at risk from 80 %, level 1 from 100 %, level 2 from
    /// 200 %. The counted time is rebuilt from the timeline: receipt to now, minus the spells awaiting the customer
    /// and between a resolution and a reopen; the first response counts up to the acknowledgement.
    /// </summary>
    private async Task CheckClocksAgainstCountedTimeAsync(HttpClient client, string when)
    {
        foreach (var id in _ids)
        {
            var d = await Body(await client.GetAsync($"/api/v1/complaints/{id}"));
            var c = $"{when}, {_now:u}; complaint #{_ids.IndexOf(id) + 1}: {d["status"]} {d["firstResponseClock"]!.ToJsonString()} {d["resolutionClock"]!.ToJsonString()}";
            var received = d["receivedAt"]!.GetValue<DateTimeOffset>();
            var timeline = d["timeline"]!.AsArray().Select(e => (Kind: e!["kind"]!.GetValue<string>(), At: e["at"]!.GetValue<DateTimeOffset>())).ToList();
            var acknowledged = timeline.Where(e => e.Kind == "Acknowledged").Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
            var paused = TimeSpan.Zero;
            DateTimeOffset? pauseFrom = null;
            foreach (var (kind, at) in timeline)
            {
                if (kind is "AwaitingCustomer" or "Resolved")
                {
                    pauseFrom = at;
                }
                else if (kind is "Resumed" or "Reopened" && pauseFrom is { } from)
                {
                    paused += at - from;
                    pauseFrom = null;
                }
            }

            var resolutionCounted = (pauseFrom ?? _now) - received - paused;
            var firstResponseCounted = (acknowledged ?? _now) - received;
            var status = d["status"]!.GetValue<string>();
            Expect(d["firstResponseClock"]!, firstResponseCounted, TimeSpan.FromHours(d["firstResponseTargetHours"]!.GetValue<double>()), running: status == "New", $"{c}: first response");
            Expect(d["resolutionClock"]!, resolutionCounted, TimeSpan.FromHours(d["resolutionTargetHours"]!.GetValue<double>()),
                running: status is not ("Resolved" or "Closed" or "AwaitingCustomer"), $"{c}: resolution");
        }

        static void Expect(JsonNode clock, TimeSpan counted, TimeSpan target, bool running, string c)
        {
            Assert.That(clock["breached"]!.GetValue<bool>(), Is.EqualTo(counted >= target), $"{c}: breached after {counted}");
            if (running)
            {
                Assert.That(clock["atRisk"]!.GetValue<bool>(), Is.EqualTo(counted.Ticks >= target.Ticks * 0.8m), $"{c}: at risk after {counted}");
                Assert.That(clock["escalationLevel"]!.GetValue<int>(), Is.EqualTo(counted >= 2 * target ? 2 : counted >= target ? 1 : 0), $"{c}: level after {counted}");
            }
        }
    }
}
