using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

public class PlatformTests : ApiTestBase
{
    [Test]
    public async Task Health_LiveAndReady_Answer200WithoutAToken()
    {
        using var client = ApiFixture.Anonymous();
        Assert.That((int)(await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task OpenApiDocument_DescribesEveryOperationWithSecurityAndProblems()
    {
        using var client = ApiFixture.Anonymous();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var paths = doc["paths"]!.AsObject();
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[] { "/api/v1/auth/login", "/api/v1/me", "/api/v1/accounts", "/api/v1/accounts/{id}", "/api/v1/accounts/{accountId}/contacts", "/api/v1/revenue/import" }));
        Assert.That(doc["components"]!["securitySchemes"]!["Bearer"], Is.Not.Null);
        Assert.Multiple(() =>
        {
            foreach (var (path, item) in paths)
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    Assert.That(operation!["operationId"], Is.Not.Null, $"{method} {path} operationId");
                    Assert.That(operation["summary"], Is.Not.Null, $"{method} {path} summary");
                    Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain("500"), $"{method} {path}");
                    // The anonymous operations: a set-password link's or a survey invitation's token is judged as a field
                    // (400) or not found (404), never as a session.
                    if (path is not "/api/v1/auth/login" and not "/api/v1/auth/set-password" && !path.StartsWith("/api/v1/public/", StringComparison.Ordinal))
                    {
                        Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain("401"), $"{method} {path}");
                    }
                }
            }
        });
        var account = doc["components"]!["schemas"]!["AccountDto"]!["properties"]!;
        Assert.That(account["registrationNumber"]!["example"], Is.Not.Null);
        Assert.That(doc["components"]!["schemas"]!["MoneyDto"]!["properties"]!["amount"]!["type"]!.ToString(), Does.Contain("string"));
    }

    [Test]
    public async Task ReminderJob_RecordsOverdueContactOnceForTheOwner()
    {
        var id = await CreateAccountAsync("accountmanager", "REM-1");
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A Strategic account created 40 days ago, never contacted: past its 30-day cadence.
            await db.Database.ExecuteSqlRawAsync("UPDATE accounts SET tier = 'Strategic', created_at = now() - interval '40 days' WHERE registration_number = 'REM-1'");
            var writer = scope.ServiceProvider.GetRequiredService<IReminderWriter>();
            var first = await writer.RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            var second = await writer.RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.That((first, second), Is.EqualTo((1, 0)));
        }

        using var client = await As("accountmanager");
        var reminders = (await Body(await client.GetAsync("/api/v1/me/reminders"))).AsArray();
        Assert.That(reminders, Has.Count.EqualTo(1));
        Assert.That(reminders[0]!["kind"]!.GetValue<string>(), Is.EqualTo("OverdueContact"));
        Assert.That(reminders[0]!["accountId"]!.GetValue<string>(), Is.EqualTo(id));

        Assert.That((int)(await client.PostAsync($"/api/v1/me/reminders/{reminders[0]!["id"]}/dismiss", null)).StatusCode, Is.EqualTo(204));
        Assert.That((await Body(await client.GetAsync("/api/v1/me/reminders"))).AsArray(), Is.Empty);
    }

    [Test]
    public async Task ReminderJob_EveryKindCarriesItsArguments_AndARenamedContactIsRemindedOnce()
    {
        var id = await CreateAccountAsync("accountmanager", "REM-ARGS");
        using var client = await As("accountmanager");
        var contact = await Body(await client.PostAsJsonAsync($"/api/v1/accounts/{id}/contacts", NewContact("王丽")));
        var interaction = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/interactions", new
        {
            type = "Visit",
            occurredAt = DateTimeOffset.UtcNow.AddDays(-40),
            summary = "季度业务回顾",
            nextStep = "发送季度业务回顾材料",
            nextStepDue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)),
        });
        Assert.That((int)interaction.StatusCode, Is.EqualTo(201), await interaction.Content.ReadAsStringAsync());
        var birthday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A Strategic account (30-day cadence) last contacted 40 days ago; a contact whose birthday is in three days.
            await db.Database.ExecuteSqlRawAsync("UPDATE accounts SET tier = 'Strategic', created_at = now() - interval '60 days' WHERE registration_number = 'REM-ARGS'");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE contacts SET birthday = {birthday.AddYears(-35)} WHERE id = {Guid.Parse(contact["id"]!.GetValue<string>())}");
            var writer = scope.ServiceProvider.GetRequiredService<IReminderWriter>();
            Assert.That(await writer.RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None), Is.EqualTo(3));
            // The contact is renamed: the birthday is the same one, so no second reminder (the name is an argument).
            await db.Database.ExecuteSqlRawAsync("UPDATE contacts SET name = '王丽（华东区）' WHERE name = '王丽'");
            Assert.That(await writer.RecordDueRemindersAsync(DateTimeOffset.UtcNow, CancellationToken.None), Is.Zero);
        }

        var reminders = (await Body(await client.GetAsync("/api/v1/me/reminders"))).AsArray().ToDictionary(r => r!["kind"]!.GetValue<string>(), r => r!["args"]!);
        Assert.Multiple(() =>
        {
            Assert.That(reminders.Keys, Is.EquivalentTo(new[] { "OverdueContact", "ContactBirthday", "NextStepDue" }));
            Assert.That(reminders["OverdueContact"]["tier"]!.GetValue<string>(), Is.EqualTo("Strategic"));
            Assert.That(reminders["OverdueContact"]["cadenceDays"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(reminders["ContactBirthday"]["contactName"]!.GetValue<string>(), Is.EqualTo("王丽"));
            Assert.That(reminders["NextStepDue"]["nextStep"]!.GetValue<string>(), Is.EqualTo("发送季度业务回顾材料"));
            Assert.That(reminders.Values.Select(a => a["complaintReference"]), Is.All.Null);
        });
    }

    [Test]
    public async Task Quartz_StoresTheReminderJobInThePostgresJobStore()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var jobs = await db.Database.SqlQueryRaw<string>("SELECT job_name AS \"Value\" FROM qrtz_job_details").ToListAsync();
        var schedulers = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync();
        Assert.That(jobs, Does.Contain("contact-cadence-reminders"));
        Assert.That(schedulers, Is.GreaterThanOrEqualTo(1), "the clustered scheduler checks in");
    }

    [Test]
    public async Task ProfileChanges_RaiseAccountUpdatedWithTheChangedFields_AndAStatusChange()
    {
        var id = await CreateAccountAsync("accountmanager", "EVT-1");
        using var client = await As("accountmanager");
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewAccount("EVT-1")))!;
        body["name"] = "华东精密（集团）";
        body["status"] = "Dormant";
        var update = await SendAsync(client, HttpMethod.Put, $"/api/v1/accounts/{id}", body, await ETagOf(client, $"/api/v1/accounts/{id}"));
        Assert.That((int)update.StatusCode, Is.EqualTo(200), await update.Content.ReadAsStringAsync());

        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var messages = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
        Assert.That(messages.Select(m => (m.Type, m.Version)), Is.EqualTo(new[] { ("account.created", 1), ("account.updated", 1), ("account.status_changed", 1) }));
        var updated = System.Text.Json.JsonSerializer.Deserialize<Domain.Accounts.AccountUpdated>(messages[1].Payload, Application.Common.Serialization.PublicJson.Options)!;
        Assert.That(updated.Fields, Is.EqualTo(new[] { "name" }));
        Assert.That(messages[2].Payload, Does.Contain("\"from\": \"Active\"").Or.Contain("\"from\":\"Active\""));
    }

    [Test]
    public async Task DomainEvents_AreWrittenToTheOutboxWithTheChange()
    {
        await CreateAccountAsync("accountmanager", "OUT-1");
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var types = await db.OutboxMessages.Select(m => m.Type).ToListAsync();
        Assert.That(types, Does.Contain("account.created"));
    }
}
