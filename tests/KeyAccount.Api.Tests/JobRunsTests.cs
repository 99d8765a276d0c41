using System.Net;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The jobs an operator can trust, on the host's clustered scheduler and real PostgreSQL: every run recorded by one
/// listener, failures retried with backoff and each attempt recorded, a missed monthly occurrence run once, manual
/// starts, and triggers written only when their schedule changes.
/// </summary>
public class JobRunsTests : ApiTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Test]
    public async Task StartJobRun_AsAdmin_RecordsAManualRunWithItsCounts()
    {
        var admin = await As("admin");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/jobs/contact-cadence-reminders/runs");
        request.Headers.Add("Idempotency-Key", "run-reminders-" + Guid.NewGuid());
        var response = await admin.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var queued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(queued["trigger"]!.GetValue<string>(), Is.EqualTo("Manual"));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/admin/jobs/contact-cadence-reminders/runs/{queued["id"]}"));

        // A double submit (the same key) answers the first run again and starts nothing more.
        var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/jobs/contact-cadence-reminders/runs");
        again.Headers.Add("Idempotency-Key", request.Headers.GetValues("Idempotency-Key").Single());
        var replay = await admin.SendAsync(again);
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["id"]!.GetValue<string>(), Is.EqualTo(queued["id"]!.GetValue<string>()));

        var run = await UntilAsync(admin, response.Headers.Location!.ToString(), r => r["outcome"] is not null);
        Assert.Multiple(() =>
        {
            Assert.That(run["outcome"]!.GetValue<string>(), Is.EqualTo("Succeeded"));
            Assert.That(run["trigger"]!.GetValue<string>(), Is.EqualTo("Manual"));
            Assert.That(run["attempt"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(run["startedAt"], Is.Not.Null);
            Assert.That(run["endedAt"], Is.Not.Null);
            Assert.That(run["node"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(run["requestedBy"]!.GetValue<string>(), Is.EqualTo(ApiFixture.Users["admin"].Id.Value.ToString()));
            Assert.That(run["counts"]!["remindersRecorded"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(run["error"], Is.Null);
        });

        var runs = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/jobs/contact-cadence-reminders/runs"))!;
        Assert.That(runs["items"]!.AsArray().Count(r => r!["trigger"]!.GetValue<string>() == "Manual"), Is.EqualTo(1));

        var jobs = JsonNode.Parse(await admin.GetStringAsync("/api/v1/admin/jobs"))!.AsArray();
        var reminders = jobs.Single(j => j!["key"]!.GetValue<string>() == "contact-cadence-reminders")!;
        Assert.Multiple(() =>
        {
            Assert.That(reminders["schedules"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "cron 0 0 6 * * ? (UTC)" }));
            Assert.That(reminders["nextFireAt"], Is.Not.Null);
            Assert.That(reminders["paused"]!.GetValue<bool>(), Is.False);
            Assert.That(reminders["lastRun"]!["id"]!.GetValue<string>(), Is.EqualTo(queued["id"]!.GetValue<string>()));
            Assert.That(jobs.Select(j => j!["key"]!.GetValue<string>()), Is.SupersetOf(new[] { "tiering-run", "complaint-escalation", "mail-delivery", "webhook-delivery", "account-health" }));
        });
    }

    [Test]
    public async Task ARunWhoseEndWasNeverRecorded_EndsAsInterrupted_WhenTheJobRunsNext()
    {
        // A run that started an hour ago and whose end was never written (the database went away as it ended).
        var lost = Guid.NewGuid();
        await ExecuteSqlAsync($"INSERT INTO job_runs (id, job_key, trigger, attempt, queued_at, started_at, node, counts) VALUES ('{lost}', 'contact-cadence-reminders', 'Scheduled', 1, now() - interval '1 hour', now() - interval '1 hour', 'a-node', '{{}}'::jsonb)");

        var admin = await As("admin");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/jobs/contact-cadence-reminders/runs");
        request.Headers.Add("Idempotency-Key", "run-after-lost-" + Guid.NewGuid());
        var response = await admin.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var next = await UntilAsync(admin, response.Headers.Location!.ToString(), r => r["outcome"] is not null);
        Assert.That(next["outcome"]!.GetValue<string>(), Is.EqualTo("Succeeded"));

        var old = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/admin/jobs/contact-cadence-reminders/runs/{lost}"))!;
        Assert.Multiple(() =>
        {
            Assert.That(old["outcome"]?.GetValue<string>(), Is.EqualTo("Interrupted"), "no run shows as in progress for ever");
            Assert.That(old["endedAt"], Is.Not.Null);
            Assert.That(old["error"]!.GetValue<string>(), Does.Contain("never recorded"));
        });
    }

    [Test]
    public async Task JobRuns_OfAnUnknownJob_Answer404AndPagingIsValidated()
    {
        var admin = await As("admin");
        Assert.That((int)(await admin.GetAsync("/api/v1/admin/jobs/no-such-job/runs")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await admin.PostAsync("/api/v1/admin/jobs/no-such-job/runs", null)).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await admin.GetAsync($"/api/v1/admin/jobs/tiering-run/runs/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await admin.GetAsync("/api/v1/admin/jobs/tiering-run/runs?pageSize=201")).StatusCode, Is.EqualTo(400));
        Assert.That((int)(await admin.GetAsync("/api/v1/admin/jobs/" + new string('任', 101) + "/runs")).StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task AJobThatThrows_IsRetriedWithBackoff_AndEachAttemptIsRecorded()
    {
        var scheduler = await Scheduler();
        var key = new JobKey("failing-test", "tests");
        await scheduler.AddJob(JobBuilder.Create<FailingTestJob>().WithIdentity(key).StoreDurably().Build(), new AddJobOptions { Replace = true });
        try
        {
            await scheduler.TriggerJob(key);
            var runs = await UntilRunsAsync("failing-test", rows => rows.Count >= 3 && rows.All(r => r.Outcome is not null));
            Assert.Multiple(() =>
            {
                Assert.That(runs.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
                Assert.That(runs.Select(r => r.Trigger), Is.EqualTo(new[] { "Scheduled", "Retry", "Retry" }));
                Assert.That(runs.Select(r => r.Outcome), Is.All.EqualTo("Failed"));
                Assert.That(runs[0].Error, Is.EqualTo("InvalidOperationException: 数据库连接中断 (test)"));
                // The backoff: 1 s, then 2 s (the job's own policy, short for the test; the default is 1, 2, 4, 8 minutes).
                Assert.That(runs[1].StartedAt - runs[0].EndedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)));
                Assert.That(runs[2].StartedAt - runs[1].EndedAt, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1900)));
            });

            // At most the policy's attempts: nothing more comes.
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.That(await RunsAsync("failing-test"), Has.Count.EqualTo(3));
        }
        finally
        {
            await scheduler.DeleteJob(key);
        }
    }

    [Test]
    public async Task AMissedMonthlyOccurrence_RunsOnceAsACatchUp()
    {
        var scheduler = await Scheduler();
        var key = new JobKey("monthly-test", "tests");
        await scheduler.AddJob(JobBuilder.Create<CountingTestJob>().WithIdentity(key).StoreDurably().Build(), new AddJobOptions { Replace = true });
        try
        {
            // The monthly trigger as the scheduler stored it; then its occurrence is moved 10 days into the past, as if
            // every node had been down since: the misfire instruction of the monthly jobs (fire once now) runs it, once.
            var trigger = TriggerBuilder.Create().ForJob(key).WithIdentity("monthly-test", "tests")
                .WithCronSchedule("0 0 2 1 * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions));
            var due = DateTimeOffset.UtcNow.AddDays(-10);
            await using (var connection = new NpgsqlConnection(ApiFixture.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("UPDATE qrtz_triggers SET next_fire_time = @due WHERE trigger_name = 'monthly-test' AND trigger_group = 'tests'", connection);
                command.Parameters.AddWithValue("due", due.UtcTicks);
                Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
            }

            var runs = await UntilRunsAsync("monthly-test", rows => rows.Count >= 1 && rows.All(r => r.Outcome is not null));
            await Task.Delay(TimeSpan.FromSeconds(3));
            runs = await RunsAsync("monthly-test");
            Assert.That(runs.Select(r => (r.Trigger, r.Outcome)), Is.EqualTo(new[] { ("CatchUp", (string?)"Succeeded") }));
            var next = (await scheduler.GetTrigger(trigger.Key))!.NextFireTimeUtc;
            Assert.That(next, Is.GreaterThan(DateTimeOffset.UtcNow), "the schedule goes on from now");
        }
        finally
        {
            await scheduler.DeleteJob(key);
        }
    }

    [Test]
    public async Task SyncingTheSameSchedules_LeavesTheTriggerRowsAlone_AndAChangedCronReplacesIt()
    {
        var scheduler = await Scheduler();
        var configuration = ApiFixture.Factory.Services.GetRequiredService<IConfiguration>();
        var before = await TriggerRowAsync("complaint-escalation-every-minute");

        // A second replica starting with the same configuration writes nothing.
        Assert.That(await JobSchedules.SyncAsync(scheduler, JobSchedules.From(configuration), CancellationToken.None), Is.Empty);
        Assert.That(await JobSchedules.SyncAsync(scheduler, JobSchedules.From(configuration), CancellationToken.None), Is.Empty);
        var after = await TriggerRowAsync("complaint-escalation-every-minute");
        Assert.That(after.StartTime, Is.EqualTo(before.StartTime), "the trigger's start time is untouched");
        Assert.That(after.Cron, Is.EqualTo("0 * * * * ?"));

        // A changed cron replaces the trigger; the old one comes back the same way.
        var changed = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:ComplaintEscalation:Cron"] = "30 * * * * ?" }).Build();
        try
        {
            Assert.That(await JobSchedules.SyncAsync(scheduler, JobSchedules.From(changed), CancellationToken.None), Is.EqualTo(new[] { "~complaint-escalation-every-minute" }));
            Assert.That((await TriggerRowAsync("complaint-escalation-every-minute")).Cron, Is.EqualTo("30 * * * * ?"));
        }
        finally
        {
            Assert.That(await JobSchedules.SyncAsync(scheduler, JobSchedules.From(configuration), CancellationToken.None), Is.EqualTo(new[] { "~complaint-escalation-every-minute" }));
        }

        Assert.That((await TriggerRowAsync("complaint-escalation-every-minute")).Cron, Is.EqualTo("0 * * * * ?"));
    }

    private static Task<IScheduler> Scheduler() =>
        ApiFixture.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    private static async Task<(long StartTime, string Cron)> TriggerRowAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT t.start_time, c.cron_expression FROM qrtz_triggers t JOIN qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group) WHERE t.trigger_name = @name",
            connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, $"trigger {name} is stored");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private sealed record Run(int Attempt, string Trigger, string? Outcome, string? Error, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

    private static async Task<List<Run>> RunsAsync(string job)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT attempt, trigger, outcome, error, started_at, ended_at FROM job_runs WHERE job_key = @job ORDER BY queued_at, attempt", connection);
        command.Parameters.AddWithValue("job", job);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<Run>();
        while (await reader.ReadAsync())
        {
            runs.Add(new Run(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return runs;
    }

    private static async Task<List<Run>> UntilRunsAsync(string job, Func<List<Run>, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var runs = await RunsAsync(job);
            if (done(runs) || DateTime.UtcNow > until)
            {
                return runs;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<JsonNode> UntilAsync(HttpClient client, string url, Func<JsonNode, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var body = JsonNode.Parse(await client.GetStringAsync(url))!;
            if (done(body) || DateTime.UtcNow > until)
            {
                return body;
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>A job that always fails, retried after 1 s and 2 s (its own short policy).</summary>
[RetryPolicy(2, "00:00:01", 2)]
public sealed class FailingTestJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("数据库连接中断 (test)");
}

/// <summary>A job that does nothing, once per firing.</summary>
public sealed class CountingTestJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        JobCounts.Report(context, ("ran", 1));
        return ValueTask.CompletedTask;
    }
}
