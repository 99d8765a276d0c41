using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Tiering;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The demo of deploy/run.sh, seeded as it is there (the API's startup with KeyAccount:SeedDemo) into databases of
/// its own, on a fixed day: every page has something in every state, relative to the seeding day, and two seeds give
/// the same data.
/// </summary>
[NonParallelizable]
public class DemoDataTests
{
    private const string Password = "Demo-Password!1";

    /// <summary>The seeding instant of both databases (now: the sign-in tokens are checked against the system clock).</summary>
    private static readonly DateTimeOffset SeededAt = DateTimeOffset.UtcNow;

    [Test]
    public async Task Seed_GivesEveryPageLivingData_AndIsDeterministic()
    {
        await using var first = await DemoHost.StartAsync("a");
        await using var second = await DemoHost.StartAsync("b");
        TestContext.Progress.WriteLine($"Demo seed (migrations included): {first.Elapsed.TotalSeconds:F1} s and {second.Elapsed.TotalSeconds:F1} s");

        var counts = await first.CountsAsync();
        TestContext.Progress.WriteLine(string.Join("\n", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.Multiple(() =>
        {
            foreach (var status in new[] { "New", "Acknowledged", "InProgress", "AwaitingCustomer", "Resolved", "Closed", "Reopened" })
            {
                Assert.That(counts.GetValueOrDefault($"complaints.{status}"), Is.GreaterThan(0), $"complaints {status}");
            }

            Assert.That(counts.GetValueOrDefault("complaints.open.AtRisk"), Is.GreaterThan(0), "complaints at risk");
            Assert.That(counts.GetValueOrDefault("complaints.open.Breached"), Is.GreaterThan(0), "complaints breached");
            Assert.That(counts.GetValueOrDefault("timeline.Escalated"), Is.GreaterThan(0), "escalation steps");
            Assert.That(counts.GetValueOrDefault("timeline.AtRisk"), Is.GreaterThan(0), "at-risk steps");
            foreach (var status in new[] { "Draft", "Submitted", "Approved", "Active", "Completed", "Cancelled" })
            {
                Assert.That(counts.GetValueOrDefault($"plans.{status}"), Is.GreaterThan(0), $"plans {status}");
            }

            Assert.That(counts.GetValueOrDefault("plans.rejected"), Is.GreaterThan(0), "a plan sent back");
            Assert.That(counts.GetValueOrDefault("initiatives.overdue"), Is.GreaterThan(0), "overdue initiatives");
            foreach (var group in new[] { "Promoter", "Passive", "Detractor" })
            {
                Assert.That(counts.GetValueOrDefault($"responses.{group}"), Is.GreaterThan(0), $"responses {group}");
            }

            Assert.That(counts.GetValueOrDefault("answers.chinese"), Is.GreaterThan(0), "Chinese comments");
            Assert.That(counts.GetValueOrDefault("texts.without-chinese"), Is.Zero, "the demo is Chinese-first: no English-only summaries, next steps, complaints or comments");
            Assert.That(counts.GetValueOrDefault("followups.open.demo-am"), Is.GreaterThan(0), "an open follow-up on the demo account manager's account");
            Assert.That(counts.GetValueOrDefault("runs"), Is.EqualTo(2), "two tiering runs");
            Assert.That(counts.GetValueOrDefault("run1.changed"), Is.InRange(1, 20), "the first run moves a few");
            Assert.That(counts.GetValueOrDefault("run2.changed"), Is.InRange(0, 20), "the second run moves a few");
            Assert.That(counts.GetValueOrDefault("runs.completed-on-their-day"), Is.EqualTo(2), "each run completed minutes after it started (last month's run last month)");
            Assert.That(counts.GetValueOrDefault("history.Promoted"), Is.GreaterThan(0), "promotions in the history");
            Assert.That(counts.GetValueOrDefault("history.Demoted"), Is.GreaterThan(0), "demotions in the history");
            Assert.That(counts.GetValueOrDefault("tiers.Strategic"), Is.GreaterThan(3), "a few Strategic accounts");
            Assert.That(counts.GetValueOrDefault("tiers.Key"), Is.GreaterThan(counts.GetValueOrDefault("tiers.Strategic")), "more Key than Strategic");
        });

        // My day of the demo account manager: next steps this week and overdue, overdue contacts, complaints, initiatives, a follow-up.
        var day = await first.MyDayAsync("accountmanager");
        var steps = day["nextSteps"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(steps.Count(s => (string?)s!["status"] == "Overdue"), Is.InRange(2, 3), "two or three overdue next steps");
            Assert.That(steps.Count(s => (string?)s!["status"] is "DueToday" or "DueThisWeek"), Is.InRange(3, 8), "a few next steps this week");
            Assert.That((int)day["overdueContactsTotal"]!, Is.InRange(2, 15), "a handful of accounts overdue for contact");
            Assert.That(day["complaints"]!.AsArray(), Is.Not.Empty, "complaints on my accounts");
            Assert.That(day["followUps"]!.AsArray(), Is.Not.Empty, "survey follow-ups");
        });

        // A tiering run right after seeding keeps the tier mix.
        var changed = await first.RunTieringAsync();
        Assert.That(changed, Is.LessThanOrEqualTo(5), "a run right after seeding moves at most a few accounts");

        // Deterministic: the second database has the same data.
        Assert.That(await second.CountsAsync(), Is.EqualTo(counts));
        Assert.That(first.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "seeding (with migrations) is fast enough for every e2e run");
    }

    private sealed class DemoHost : IAsyncDisposable
    {
        private readonly WebApplicationFactory<Program> _factory;

        private DemoHost(WebApplicationFactory<Program> factory, string connectionString, TimeSpan elapsed)
        {
            _factory = factory;
            ConnectionString = connectionString;
            Elapsed = elapsed;
        }

        public string ConnectionString { get; }

        public TimeSpan Elapsed { get; }

        public static async Task<DemoHost> StartAsync(string suffix)
        {
            var name = $"keyaccount_demo_{suffix}_{Environment.ProcessId}";
            var admin = new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { Database = "postgres" }.ConnectionString;
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { Database = name }.ConnectionString;
            var mail = Directory.CreateTempSubdirectory("keyaccount-demo-mail").FullName;
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseEnvironment("Production");
                web.UseSetting("ConnectionStrings:KeyAccount", connectionString);
                web.UseSetting("Auth:SigningKey", "integration-tests-signing-key-0123456789abcdef");
                web.UseSetting("KeyAccount:MigrateOnStartup", "true");
                web.UseSetting("KeyAccount:SeedDemo", "true");
                web.UseSetting("KeyAccount:DemoPassword", Password);
                web.UseSetting("Jobs:Enabled", "false");
                web.UseSetting("Mail:PickupDirectory", mail);
                web.UseSetting("App:PublicBaseUrl", "https://kam.test.local");
                web.UseSetting("Logging:LogLevel:Default", "Warning");
                web.UseSetting("Logging:LogLevel:KeyAccount.Infrastructure.Seeding", "Information");
                web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(SeededAt)));
            });
            var started = Stopwatch.StartNew();
            _ = factory.Server;
            return new DemoHost(factory, connectionString, started.Elapsed);
        }

        public async Task<SortedDictionary<string, long>> CountsAsync()
        {
            const string sql = """
                SELECT 'complaints.' || status, count(*) FROM complaints GROUP BY status
                UNION ALL SELECT 'complaints.open.' || sla_state, count(*) FROM complaints WHERE NOT is_stopped GROUP BY sla_state
                UNION ALL SELECT 'timeline.' || kind, count(*) FROM complaint_timeline GROUP BY kind
                UNION ALL SELECT 'plans.' || status, count(*) FROM development_plans GROUP BY status
                UNION ALL SELECT 'plans.rejected', count(*) FROM development_plans WHERE rejection_comment IS NOT NULL
                UNION ALL SELECT 'initiatives.overdue', count(*) FROM plan_initiatives WHERE status NOT IN ('Done', 'Cancelled') AND due_date < (now() AT TIME ZONE 'Asia/Shanghai')::date
                UNION ALL SELECT 'responses.' || nps_group, count(*) FROM survey_responses GROUP BY nps_group
                UNION ALL SELECT 'answers.chinese', count(*) FROM survey_answers WHERE text ~ '[一-龥]'
                UNION ALL SELECT 'texts.without-chinese', count(*) FROM (
                    SELECT summary AS text FROM interactions UNION ALL SELECT next_step FROM interactions WHERE next_step IS NOT NULL
                    UNION ALL SELECT subject FROM complaints UNION ALL SELECT description FROM complaints UNION ALL SELECT text FROM survey_answers WHERE text IS NOT NULL) t
                    WHERE text !~ '[一-龥]'
                UNION ALL SELECT 'followups.' || lower(f.status), count(*) FROM survey_followups f GROUP BY f.status
                UNION ALL SELECT 'followups.open.demo-am', count(*) FROM survey_followups f JOIN accounts a ON a.id = f.account_id JOIN users u ON u.id = a.owner_id
                    WHERE f.status = 'Open' AND u.email = 'accountmanager@demo.keyaccount.local'
                UNION ALL SELECT 'runs', count(*) FROM tiering_runs
                UNION ALL SELECT 'run' || row_number() OVER (ORDER BY started_at) || '.changed', changed_count FROM tiering_runs
                UNION ALL SELECT 'runs.completed-on-their-day', count(*) FROM tiering_runs WHERE completed_at BETWEEN started_at AND started_at + interval '5 minutes'
                UNION ALL SELECT 'history.' || reason, count(*) FROM tier_assignments GROUP BY reason
                UNION ALL SELECT 'tiers.' || tier, count(*) FROM accounts GROUP BY tier
                UNION ALL SELECT 'interactions', count(*) FROM interactions
                UNION ALL SELECT 'next-steps.open', count(*) FROM interactions WHERE next_step_due IS NOT NULL AND next_step_done_at IS NULL
                UNION ALL SELECT 'reminders', count(*) FROM reminders
                UNION ALL SELECT 'invitations.' || status, count(*) FROM survey_invitations GROUP BY status
                """;
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }

        public async Task<JsonNode> MyDayAsync(string user)
        {
            using var client = _factory.CreateClient();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{user}@{DemoDataSeeder.Domain}", password = Password });
            login.EnsureSuccessStatusCode();
            var token = (string)(await login.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!;
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var response = await client.GetAsync(new Uri("/api/v1/workspace/today", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, body);
            return JsonNode.Parse(body)!;
        }

        /// <summary>The published policy run over the seeded portfolio on the seeding day, as the next run would; the number of accounts it moves.</summary>
        public async Task<int> RunTieringAsync()
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var policy = await db.TierPolicies.AsNoTracking().FirstAsync(p => p.Status == PolicyStatus.Published);
            var outcome = await scope.ServiceProvider.GetRequiredService<ITieringEngine>().RunAsync(policy, TieringRun.Start(policy, RunTrigger.Manual, null, SeededAt.AddHours(1)), CancellationToken.None);
            return outcome.Changed;
        }

        public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
