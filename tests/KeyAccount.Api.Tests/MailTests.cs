using System.Net.Http.Json;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Email;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using SmtpServer.Protocol;

namespace KeyAccount.Api.Tests;

/// <summary>The notification gateway: queued with the change, sent after commit through a real SMTP server on loopback.</summary>
public class MailTests : ApiTestBase
{
    [TearDown]
    public void AcceptMailAgain() => ApiFixture.Smtp.Refusal = null;

    [Test]
    public async Task Enqueue_WhenTheChangeCommits_IsSentInTheRecipientsLanguage_AndWhenItRollsBack_IsNeverSent()
    {
        var to = $"wang.{Guid.NewGuid():N}@customer.test";
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mail = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                mail.Enqueue(new MailRequest(to, "王芳", "zh-CN", MailKind.SetPassword, new Dictionary<string, string> { ["link"] = "https://kam.test.local/set-password?token=rolled-back", ["expiresAt"] = "2026-12-05T08:00:00Z" }));
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            mail.Enqueue(new MailRequest(to, "王芳", "zh-CN", MailKind.SetPassword, new Dictionary<string, string> { ["link"] = "https://kam.test.local/set-password?token=committed", ["expiresAt"] = "2026-12-05T08:00:00Z" }));
            mail.Enqueue(new MailRequest(to, "Fang <b>Wang</b>", "en", MailKind.SetPassword, new Dictionary<string, string> { ["link"] = "https://kam.test.local/set-password?token=english", ["expiresAt"] = "2026-12-05T08:00:00Z" }));
            await db.SaveChangesAsync();
        }

        var chinese = await ApiFixture.Smtp.WaitForAsync(m => m.TextBody?.Contains("token=committed", StringComparison.Ordinal) == true);
        var english = await ApiFixture.Smtp.WaitForAsync(m => m.TextBody?.Contains("token=english", StringComparison.Ordinal) == true);
        Assert.Multiple(() =>
        {
            Assert.That(chinese.Subject, Is.EqualTo("设置您的 KeyAccount 密码"));
            Assert.That(chinese.TextBody, Does.StartWith("王芳，您好："));
            Assert.That(chinese.Body!.Headers["Content-Language"], Is.EqualTo("zh-CN"));
            Assert.That(chinese.Headers["Auto-Submitted"], Is.EqualTo("auto-generated"));
            Assert.That(chinese.HtmlBody, Does.Contain("href=\"https://kam.test.local/set-password?token=committed\""));
            Assert.That(english.Subject, Is.EqualTo("Set your KeyAccount password"));
            // The name is the recipient's text, not markup: escaped in the HTML part.
            Assert.That(english.HtmlBody, Does.Contain("Fang &lt;b&gt;Wang&lt;/b&gt;").And.Not.Contain("<b>Wang"));
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(ApiFixture.Smtp.To(to).Where(m => (m.TextBody ?? string.Empty).Contains("rolled-back", StringComparison.Ordinal)), Is.Empty, "mail of a rolled-back change was sent");
        Assert.That(ApiFixture.Smtp.To(to), Has.Count.EqualTo(2), "each committed message is sent once");
    }

    [Test]
    public async Task Send_WhenTheServerSaysTryLater_IsRetriedLater_AndArrivesOnceWithTheSameMessageId()
    {
        ApiFixture.Smtp.Refusal = new SmtpResponse((SmtpReplyCode)451, "4.3.2 try again later");
        var to = $"retry.{Guid.NewGuid():N}@customer.test";
        var id = await QueueAsync(to);
        var row = await WaitForRowAsync(id, r => r.Attempts >= 1);
        Assert.Multiple(() =>
        {
            Assert.That(row.SentAt, Is.Null);
            Assert.That(row.LastError, Does.Contain("SMTP 451"));
            // The queue's own backoff (1 min) after the transport's quick retries.
            Assert.That(row.NextAttemptAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(30)));
        });

        ApiFixture.Smtp.Refusal = null;
        await ExecuteSqlAsync($"UPDATE mail_queue SET next_attempt_at = now() WHERE id = {id}");
        var received = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == to));
        var sent = await WaitForRowAsync(id, r => r.SentAt is not null);
        Assert.Multiple(() =>
        {
            Assert.That(received.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(sent.NextAttemptAt, Is.Null);
            Assert.That(sent.Attempts, Is.EqualTo(2));
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.That(ApiFixture.Smtp.To(to), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_WhenTheServerRefusesForGood_IsGivenUpAtOnceWithTheReason()
    {
        ApiFixture.Smtp.Refusal = new SmtpResponse((SmtpReplyCode)550, "5.1.1 no such user");
        var id = await QueueAsync($"nobody.{Guid.NewGuid():N}@customer.test");
        var row = await WaitForRowAsync(id, r => r.Attempts >= 1);
        Assert.Multiple(() =>
        {
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.NextAttemptAt, Is.Null, "a permanent refusal is not retried");
            Assert.That(row.SentAt, Is.Null);
            Assert.That(row.LastError, Does.Contain("550"));
        });
    }

    [Test]
    public async Task Reminders_ReachTheirUsersAsOneDigestEach_InTheirLanguage_Once()
    {
        using var director = await As("director");
        var created = await director.PostAsJsonAsync("/api/v1/accounts", NewAccount(name: "华东精密制造有限公司"));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var accountId = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        var manager = ApiFixture.Users["accountmanager"];
        var english = ApiFixture.Users["accountmanager2"];
        try
        {
            await ExecuteSqlAsync($"UPDATE users SET language = 'en' WHERE id = '{english.Id.Value}'");
            await ExecuteSqlAsync($$"""
                INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, args, created_at) VALUES
                ('{{manager.Id.Value}}', '{{accountId}}', 'ComplaintEscalated', gen_random_uuid(), current_date, 'x',
                 '{"complaintReference":"C-2026-000042","complaintSubject":"交货延迟","clock":"Resolution","level":1}', now()),
                ('{{manager.Id.Value}}', '{{accountId}}', 'NextStepDue', gen_random_uuid(), current_date, 'x', '{"nextStep":"拜访采购总监"}', now()),
                ('{{english.Id.Value}}', '{{accountId}}', 'TierChanged', gen_random_uuid(), current_date, 'x', '{"fromTier":"Growth","toTier":"Key","score":81.5}', now()),
                ('{{english.Id.Value}}', '{{accountId}}', 'NextStepDue', gen_random_uuid(), current_date - 3, 'x', '{"nextStep":"old news"}', now() - interval '3 days')
                """);

            var chinese = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == manager.Email));
            var englishDigest = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == english.Email));
            Assert.Multiple(() =>
            {
                Assert.That(chinese.Subject, Is.EqualTo("KeyAccount 提醒：2 条新提醒"));
                Assert.That(chinese.TextBody, Does.Contain("华东精密制造有限公司：投诉 C-2026-000042“交货延迟”已升级至第 1 级（解决超时）"));
                Assert.That(chinese.TextBody, Does.Contain("下一步“拜访采购总监”"));
                Assert.That(chinese.TextBody, Does.Contain("https://kam.test.local/reminders"));
                Assert.That(englishDigest.Subject, Is.EqualTo("KeyAccount: 1 new reminder(s)"));
                Assert.That(englishDigest.TextBody, Does.Contain("tier Growth → Key (score 81.5)"));
                // A reminder older than two days when the gateway first sees it is stale news: marked, not mailed.
                Assert.That(englishDigest.TextBody, Does.Not.Contain("old news"));
            });

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.That(ApiFixture.Smtp.To(manager.Email), Has.Count.EqualTo(1), "each reminder is mailed once");
        }
        finally
        {
            await ExecuteSqlAsync($"UPDATE users SET language = 'zh-CN' WHERE id = '{english.Id.Value}'");
        }
    }

    [Test]
    public async Task PickupFolder_WithoutSmtp_WritesAnEmlFileAMailClientOpens()
    {
        var folder = Path.Combine(Path.GetTempPath(), "keyaccount-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            var transport = new PickupDirectoryTransport(folder);
            var mail = new QueuedMail
            {
                Id = 1, ToAddress = "li.lei@customer.test", ToName = "李雷", Language = "zh-CN", Kind = MailKind.WebhookEndpointDisabled,
                Args = new() { ["url"] = "https://erp.example.com/hooks", ["reason"] = "Gone", ["endpointId"] = Guid.NewGuid().ToString() },
                CreatedAt = DateTimeOffset.UtcNow, MessageId = "abc123@keyaccount",
            };
            await transport.SendAsync(MailTemplates.Render(mail, "KeyAccount <no-reply@keyaccount.local>"), CancellationToken.None);
            var file = Directory.GetFiles(folder).Single();
            Assert.That(file, Does.EndWith(".eml"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Multiple(() =>
            {
                Assert.That(message.Subject, Is.EqualTo("Webhook 端点已停用：https://erp.example.com/hooks"));
                Assert.That(message.TextBody, Does.Contain("接收方返回 410 Gone"));
                Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo("李雷"));
                Assert.That(message.MessageId, Is.EqualTo("abc123@keyaccount"));
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<long> QueueAsync(string to)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(new MailRequest(to, "Test", "en", MailKind.Reminders, new Dictionary<string, string> { ["count"] = "1", ["items"] = "- a reminder" }));
        await db.SaveChangesAsync();
        return await db.Set<QueuedMail>().Where(m => m.ToAddress == to).Select(m => m.Id).SingleAsync();
    }

    private static async Task<QueuedMail> WaitForRowAsync(long id, Func<QueuedMail, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
            {
                var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<QueuedMail>().AsNoTracking().SingleAsync(m => m.Id == id);
                if (done(row))
                {
                    return row;
                }
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail("the mail row did not reach the expected state in time");
            }

            await Task.Delay(200);
        }
    }
}
