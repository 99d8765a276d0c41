using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Infrastructure.Email;
using KeyAccount.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using SmtpServer.Protocol;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Survey invitations by email on PostgreSQL and a real SMTP server on loopback: the campaign job opens, closes and
/// queues; the gateway sends in the invitation's language with the token's link and the RFC 8058 headers, the token
/// never stored; the invitation follows its mail (Sent, Failed); one reminder after N days, not to a respondent, not
/// after the close. The job runs here at the instants the tests set (it is not triggered underneath the suite). The
/// clock is never set more than a few seconds ahead of the real time (the scheduler reads it too, and would
/// postpone every poll of the suite): a reminder's days are moved into the past in the data instead.
/// </summary>
public partial class SurveyMailTests : ApiTestBase
{
    private const string Base = "/api/v1/surveys/campaigns";
    private const string PublicBase = "https://kam.test.local";

    [TearDown]
    public void Restore()
    {
        ApiFixture.Smtp.Refusal = null;
        TestClock.Instance.Reset();
    }

    [GeneratedRegex(@"https://kam\.test\.local/s/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")]
    private static partial Regex SurveyLink();

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Now, in whole seconds (PostgreSQL keeps microseconds; the instants compared below are exact).</summary>
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static async Task RunJobAsync(DateTimeOffset? at = null)
    {
        if (at is { } instant)
        {
            TestClock.Instance.Set(instant);
        }

        var job = ActivatorUtilities.CreateInstance<SurveyCampaignJob>(ApiFixture.Factory.Services);
        await job.Execute(null!, CancellationToken.None);
    }

    /// <summary>
    /// Sends what is queued now, through the host's sender and SMTP transport (the tests move the clock, and the
    /// scheduler's own poll follows the clock too: they do not wait for it).
    /// </summary>
    private static Task<int> DeliverAsync() => ApiFixture.Factory.Services.GetRequiredService<MailSender>().RunAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

    /// <summary>Waits until the real time is past <paramref name="instant"/> (the clock is only ever set back to an instant that has come).</summary>
    private static async Task PassAsync(DateTimeOffset instant)
    {
        while (DateTimeOffset.UtcNow <= instant)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>An account with contacts (name, email) and its id with the contacts' ids.</summary>
    private static async Task<(string Account, List<string> Contacts)> AccountWithContactsAsync(HttpClient _, string name, params (string Name, string Email)[] contacts)
    {
        using var client = await As("director");
        var created = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(name: name));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var account = (await Body(created))["id"]!.GetValue<string>();
        var ids = new List<string>();
        foreach (var (contactName, email) in contacts)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/accounts/{account}/contacts", NewContact(contactName, "DecisionMaker", email: email));
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
            ids.Add((await Body(response))["id"]!.GetValue<string>());
        }

        return (account, ids);
    }

    private static async Task<string> CreateCampaignAsync(HttpClient client, string account, DateTimeOffset opensAt, DateTimeOffset closesAt, string language = "zh-CN", int? reminderAfterDays = 5, string recurrence = "None", string name = "2027 上半年客户满意度调查")
    {
        var response = await client.PostAsJsonAsync(Base, new
        {
            name,
            templateId = TestSurveyTemplates.Publish(),
            audience = new { accountIds = new[] { account } },
            perAccountCap = 10,
            opensAt = Iso(opensAt),
            closesAt = Iso(closesAt),
            reminderAfterDays,
            recurrence,
            defaultLanguage = language,
        });
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await Body(response))["id"]!.GetValue<string>();
    }

    private static async Task StepAsync(HttpClient client, string campaign, string step)
    {
        var response = await ChangeAsync(client, HttpMethod.Post, $"{Base}/{campaign}/{step}", null, $"{Base}/{campaign}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task<long> CountAsync(string sql) => Convert.ToInt64((await RowsAsync(sql))[0][0], CultureInfo.InvariantCulture);

    /// <summary>contact id → invitation status.</summary>
    private static async Task<Dictionary<string, string>> StatusesAsync(string campaign) =>
        (await RowsAsync($"SELECT contact_id::text, status FROM survey_invitations WHERE campaign_id = '{campaign}'"))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(40);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"{what} did not happen in time");
            }

            await Task.Delay(200);
        }
    }

    private static string TokenIn(MimeMessage message)
    {
        var match = SurveyLink().Match(message.TextBody ?? string.Empty);
        Assert.That(match.Success, Is.True, message.TextBody);
        return match.Groups[1].Value;
    }

    [Test]
    public async Task OpenedCampaign_MailsArriveInBothLanguages_WithTheTokensLinkAndOneClickUnsubscribe_AndNoTokenIsStored()
    {
        using var marketing = await As("marketing");
        var chinese = $"wang.{Guid.NewGuid():N}@customer.test";
        var english = $"smith.{Guid.NewGuid():N}@customer.test";
        var (zhAccount, zhContacts) = await AccountWithContactsAsync(marketing, "华东精密制造有限公司", ("王芳", chinese));
        var (enAccount, enContacts) = await AccountWithContactsAsync(marketing, "Pacific Instruments Ltd", ("John Smith", english));
        var now = Now();
        // 18:00 in Beijing on the tenth day: 10:00 UTC.
        var closes = new DateTimeOffset(now.UtcDateTime.Date.AddDays(10).AddHours(10), TimeSpan.Zero);
        var zh = await CreateCampaignAsync(marketing, zhAccount, now.AddHours(1), closes, "zh-CN", name: "2027 上半年客户满意度调查");
        var en = await CreateCampaignAsync(marketing, enAccount, now.AddHours(1), closes, "en", name: "Customer satisfaction H1 2027");
        await StepAsync(marketing, zh, "open");
        await StepAsync(marketing, en, "open");
        Assert.That(await CountAsync("SELECT count(*) FROM mail_queue"), Is.Zero, "opening writes invitations; the job queues their mail");

        await RunJobAsync();
        await DeliverAsync();
        var zhMail = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == chinese));
        var enMail = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == english));
        var zhToken = TokenIn(zhMail);
        var enToken = TokenIn(enMail);
        var beijing = closes.ToOffset(TimeSpan.FromHours(8));
        Assert.Multiple(() =>
        {
            Assert.That(zhMail.Subject, Is.EqualTo("邀请您参与2027 上半年客户满意度调查"));
            Assert.That(zhMail.TextBody, Does.StartWith("王芳，您好："));
            Assert.That(zhMail.TextBody, Does.Contain($"调查将于 {beijing.Year}年{beijing.Month}月{beijing.Day}日 18:00（北京时间）截止。"));
            Assert.That(zhMail.Body!.Headers["Content-Language"], Is.EqualTo("zh-CN"));
            Assert.That(zhMail.HtmlBody, Does.Contain($"href=\"{PublicBase}/s/{zhToken}\""));
            Assert.That(zhMail.Headers["List-Unsubscribe"], Is.EqualTo($"<{PublicBase}/api/v1/public/surveys/{zhToken}/unsubscribe>"));
            Assert.That(zhMail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(enMail.Subject, Is.EqualTo("Your opinion, please: Customer satisfaction H1 2027"));
            Assert.That(enMail.TextBody, Does.StartWith("Hello John Smith,"));
            Assert.That(enMail.TextBody, Does.Contain($"The survey closes on {closes.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, 10:00 UTC."));
            Assert.That(enMail.Headers["List-Unsubscribe"], Is.EqualTo($"<{PublicBase}/api/v1/public/surveys/{enToken}/unsubscribe>"));
            Assert.That(enMail.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(zhToken, Is.Not.EqualTo(enToken));
        });

        // The link's token is the invitation's: its SHA-256 is the stored hash.
        foreach (var (contact, token) in new[] { (zhContacts[0], zhToken), (enContacts[0], enToken) })
        {
            var hash = (byte[])(await RowsAsync($"SELECT token_hash FROM survey_invitations WHERE contact_id = '{contact}'"))[0][0]!;
            Assert.That(hash, Is.EqualTo(SHA256.HashData(Encoding.ASCII.GetBytes(token))));
        }

        // The invitations follow their mail; the queue holds their ids, never a token.
        await WaitUntilAsync(async () => await CountAsync($"SELECT count(*) FROM survey_invitations WHERE campaign_id IN ('{zh}', '{en}') AND status = 'Sent'") == 2, "both invitations Sent");
        var invitations = await RowsAsync($"SELECT id::text, attempts, sent_at, reminder_due_at, mail_queued_at FROM survey_invitations WHERE campaign_id IN ('{zh}', '{en}')");
        var queue = await RowsAsync("SELECT kind, args::text, sent_at FROM mail_queue ORDER BY id");
        Assert.Multiple(() =>
        {
            Assert.That(invitations.Select(i => (int)i[1]!), Is.All.EqualTo(1));
            Assert.That(invitations.Select(i => ((DateTime)i[3]! - (DateTime)i[2]!).TotalDays), Is.All.EqualTo(5), "the reminder falls due ReminderAfterDays after sending");
            Assert.That(queue.Select(q => (string)q[0]!), Is.All.EqualTo("SurveyInvitation"));
            Assert.That(queue.Select(q => (string)q[1]!), Has.None.Contain(zhToken).And.None.Contain(enToken).And.None.Contain("/s/"));
            Assert.That(queue.Select(q => (string)q[1]!), Has.Some.Contain((string)invitations[0][0]!));
        });

        // A second run queues nothing more: each invitation is mailed once.
        await RunJobAsync();
        await DeliverAsync();
        Assert.That(await CountAsync("SELECT count(*) FROM mail_queue"), Is.EqualTo(2));
        Assert.That(ApiFixture.Smtp.To(chinese), Has.Count.EqualTo(1));

        // The campaign's counts show them sent.
        var read = await Body(await marketing.GetAsync($"{Base}/{zh}"));
        Assert.That(read["invitations"]!["sent"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_WhenTheServerRefusesForGood_TheInvitationIsFailedWithTheReason()
    {
        using var marketing = await As("marketing");
        var address = $"nobody.{Guid.NewGuid():N}@customer.test";
        var (account, contacts) = await AccountWithContactsAsync(marketing, "华南电子有限公司", ("李雷", address));
        var now = Now();
        var campaign = await CreateCampaignAsync(marketing, account, now.AddHours(1), now.AddDays(10));
        await StepAsync(marketing, campaign, "open");

        ApiFixture.Smtp.Refusal = new SmtpResponse((SmtpReplyCode)550, "5.1.1 no such user");
        await RunJobAsync();
        await DeliverAsync();
        await WaitUntilAsync(async () => (await StatusesAsync(campaign))[contacts[0]] == "Failed", "the invitation Failed");
        var row = (await RowsAsync($"SELECT attempts, last_error, sent_at FROM survey_invitations WHERE campaign_id = '{campaign}'"))[0];
        Assert.Multiple(() =>
        {
            Assert.That(row[0], Is.EqualTo(1));
            Assert.That((string)row[1]!, Does.Contain("550"));
            Assert.That(row[2], Is.Null);
        });
        var read = await Body(await marketing.GetAsync($"{Base}/{campaign}"));
        Assert.That(read["invitations"]!["failed"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Job_OpensAScheduledCampaignAtItsTime_AndClosesAPastOne_ExpiringTheUnanswered_AndSchedulingItsSuccessor()
    {
        using var marketing = await As("marketing");
        var (scheduledAccount, _) = await AccountWithContactsAsync(marketing, "华北重工集团", ("赵强", $"zhao.{Guid.NewGuid():N}@customer.test"));
        var (openAccount, contacts) = await AccountWithContactsAsync(marketing, "西部能源股份有限公司",
            ("陈静", $"chen.{Guid.NewGuid():N}@customer.test"), ("刘洋", $"liu.{Guid.NewGuid():N}@customer.test"), ("周敏", $"zhou.{Guid.NewGuid():N}@customer.test"));
        var now = Now();
        var opensAt = now.AddSeconds(6);
        var scheduled = await CreateCampaignAsync(marketing, scheduledAccount, opensAt, now.AddDays(30));
        await StepAsync(marketing, scheduled, "schedule");
        var closesAt = now.AddSeconds(9);
        var open = await CreateCampaignAsync(marketing, openAccount, now.AddSeconds(1), closesAt, recurrence: "TwiceYearly");
        await StepAsync(marketing, open, "open");
        // One invitation still Pending, one Sent, one answered.
        await ExecuteSqlAsync($"""
            UPDATE survey_invitations SET status = 'Sent', sent_at = now(), mail_queued_at = now(), reminder_due_at = now() + interval '5 days' WHERE contact_id = '{contacts[1]}';
            UPDATE survey_invitations SET status = 'Responded', responded_at = now(), mail_queued_at = now() WHERE contact_id = '{contacts[2]}';
            UPDATE survey_invitations SET mail_queued_at = now() WHERE contact_id = '{contacts[0]}'
            """);

        await RunJobAsync(opensAt.AddSeconds(-1));
        Assert.That((await Body(await ReadAsync(marketing, scheduled)))["status"]!.GetValue<string>(), Is.EqualTo("Scheduled"), "a second before its time");
        await PassAsync(opensAt);
        await RunJobAsync(opensAt);
        var opened = await Body(await ReadAsync(marketing, scheduled));
        Assert.Multiple(() =>
        {
            Assert.That(opened["status"]!.GetValue<string>(), Is.EqualTo("Open"));
            Assert.That(DateTimeOffset.Parse(opened["openedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture), Is.EqualTo(opensAt));
            Assert.That(opened["invitedCount"]!.GetValue<int>(), Is.EqualTo(1));
        });

        await RunJobAsync(closesAt.AddSeconds(-1));
        Assert.That((await Body(await ReadAsync(marketing, open)))["status"]!.GetValue<string>(), Is.EqualTo("Open"), "a second before its close");
        await PassAsync(closesAt);
        await RunJobAsync(closesAt);
        var closed = await Body(await ReadAsync(marketing, open));
        var statuses = await StatusesAsync(open);
        var successor = await RowsAsync($"SELECT status, opens_at, closes_at, name FROM survey_campaigns WHERE previous_campaign_id = '{open}'");
        Assert.Multiple(() =>
        {
            Assert.That(closed["status"]!.GetValue<string>(), Is.EqualTo("Closed"));
            Assert.That(DateTimeOffset.Parse(closed["closedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture), Is.EqualTo(closesAt), "closed at the close instant");
            Assert.That(statuses[contacts[0]], Is.EqualTo("Expired"));
            Assert.That(statuses[contacts[1]], Is.EqualTo("Expired"));
            Assert.That(statuses[contacts[2]], Is.EqualTo("Responded"));
            Assert.That(successor, Has.Count.EqualTo(1));
            Assert.That(successor[0][0], Is.EqualTo("Scheduled"));
            Assert.That(new DateTimeOffset((DateTime)successor[0][2]!, TimeSpan.Zero), Is.EqualTo(closesAt.AddMonths(6)));
        });
        Assert.That(await CountAsync($"SELECT count(*) FROM survey_invitations WHERE campaign_id = '{open}' AND reminder_due_at IS NOT NULL"), Is.Zero);

        // A second run changes nothing (the successor opens six months later).
        await PassAsync(closesAt.AddSeconds(1));
        await RunJobAsync(closesAt.AddSeconds(1));
        Assert.That(await CountAsync("SELECT count(*) FROM survey_campaigns"), Is.EqualTo(3));
    }

    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, string campaign)
    {
        // The API checks the bearer token at the real time: read it back with the clock released.
        TestClock.Instance.Reset();
        return await client.GetAsync($"{Base}/{campaign}");
    }

    [Test]
    public async Task Reminder_AfterNDays_GoesOnce_NotToARespondent_AndNotAfterTheClose()
    {
        using var marketing = await As("marketing");
        var first = $"sun.{Guid.NewGuid():N}@customer.test";
        var answered = $"he.{Guid.NewGuid():N}@customer.test";
        var late = $"ma.{Guid.NewGuid():N}@customer.test";
        var (account, contacts) = await AccountWithContactsAsync(marketing, "华中机械有限公司", ("孙丽", first), ("何军", answered));
        var (shortAccount, _) = await AccountWithContactsAsync(marketing, "东北化工有限公司", ("马超", late));
        var now = Now();
        var campaign = await CreateCampaignAsync(marketing, account, now.AddHours(1), now.AddDays(10), reminderAfterDays: 1);
        // Closes before its reminder falls due.
        var shortCloses = now.AddSeconds(8);
        var shortCampaign = await CreateCampaignAsync(marketing, shortAccount, now.AddSeconds(1), shortCloses, reminderAfterDays: 1, name: "短期调查");
        await StepAsync(marketing, campaign, "open");
        await StepAsync(marketing, shortCampaign, "open");
        await RunJobAsync();
        await DeliverAsync();
        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM survey_invitations WHERE status = 'Sent'") == 3, "three invitations Sent");
        var firstInvitation = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == first));
        await ExecuteSqlAsync($"UPDATE survey_invitations SET status = 'Responded', responded_at = now() WHERE contact_id = '{contacts[1]}'");
        // As if sent two days ago (the reminder a day after, a day ago); the short campaign's a day ago (due about now).
        await ExecuteSqlAsync($"""
            UPDATE survey_invitations SET sent_at = sent_at - interval '2 days', reminder_due_at = reminder_due_at - interval '2 days' WHERE campaign_id = '{campaign}';
            UPDATE survey_invitations SET sent_at = sent_at - interval '1 day', reminder_due_at = reminder_due_at - interval '1 day' WHERE campaign_id = '{shortCampaign}'
            """);
        var sent = (await RowsAsync($"SELECT min(sent_at), max(sent_at), max(reminder_due_at) FROM survey_invitations WHERE campaign_id = '{campaign}'"))[0];
        var firstDue = new DateTimeOffset((DateTime)sent[0]!, TimeSpan.Zero).AddDays(1);
        var due = new DateTimeOffset((DateTime)sent[1]!, TimeSpan.Zero).AddDays(1);
        Assert.That(new DateTimeOffset((DateTime)sent[2]!, TimeSpan.Zero), Is.EqualTo(due), "the respondent's was due as well");

        await RunJobAsync(firstDue.AddTicks(-10));
        Assert.That(await CountAsync("SELECT count(*) FROM mail_queue WHERE kind = 'SurveyReminder'"), Is.Zero, "not before the day has passed");

        await RunJobAsync(due);
        await DeliverAsync();
        var reminder = await ApiFixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == first) && m.Subject?.StartsWith("提醒", StringComparison.Ordinal) == true);
        Assert.Multiple(() =>
        {
            Assert.That(reminder.Subject, Is.EqualTo("提醒：2027 上半年客户满意度调查即将截止"));
            Assert.That(TokenIn(reminder), Is.EqualTo(TokenIn(firstInvitation)), "the same link: the token is recomputed, not new");
            Assert.That(reminder.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        });
        var reminded = await RowsAsync($"SELECT contact_id::text, reminded_at FROM survey_invitations WHERE reminded_at IS NOT NULL");
        Assert.That(reminded.Select(r => (string)r[0]!), Is.EqualTo(new[] { contacts[0] }), "not the respondent, not yet the short campaign's");

        // Now, past the short campaign's close: the job closes it before reminding, and reminds nobody twice.
        await PassAsync(shortCloses);
        TestClock.Instance.Reset();
        await RunJobAsync();
        await DeliverAsync();
        var shortStatuses = await StatusesAsync(shortCampaign);
        var reminders = await CountAsync("SELECT count(*) FROM mail_queue WHERE kind = 'SurveyReminder'");
        Assert.Multiple(() =>
        {
            Assert.That(shortStatuses.Values, Is.All.EqualTo("Expired"), "the short campaign closed before its reminder");
            Assert.That(reminders, Is.EqualTo(1));
            Assert.That(ApiFixture.Smtp.To(first).Count(m => m.Subject?.StartsWith("提醒", StringComparison.Ordinal) == true), Is.EqualTo(1), "once");
            Assert.That(ApiFixture.Smtp.To(answered), Has.Count.EqualTo(1), "the respondent got the invitation only");
            Assert.That(ApiFixture.Smtp.To(late), Has.Count.EqualTo(1), "none after the close");
        });
    }

    [Test]
    public async Task QueuedReminder_WhenTheContactAnswersBeforeItIsSent_IsNotSent()
    {
        using var marketing = await As("marketing");
        var address = $"gao.{Guid.NewGuid():N}@customer.test";
        var (account, contacts) = await AccountWithContactsAsync(marketing, "华东物流有限公司", ("高峰", address));
        var now = Now();
        var campaign = await CreateCampaignAsync(marketing, account, now.AddHours(1), now.AddDays(10), reminderAfterDays: 1);
        await StepAsync(marketing, campaign, "open");
        await RunJobAsync();
        await DeliverAsync();
        await WaitUntilAsync(async () => (await StatusesAsync(campaign))[contacts[0]] == "Sent", "the invitation Sent");
        await ExecuteSqlAsync($"UPDATE survey_invitations SET sent_at = sent_at - interval '1 day', reminder_due_at = reminder_due_at - interval '1 day' WHERE campaign_id = '{campaign}'");

        // Refused for a while so the reminder stays queued; meanwhile the contact answers.
        ApiFixture.Smtp.Refusal = new SmtpResponse((SmtpReplyCode)451, "4.3.2 try again later");
        await RunJobAsync();
        await DeliverAsync();
        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM mail_queue WHERE kind = 'SurveyReminder' AND attempts >= 1") == 1, "a refused reminder attempt");
        await ExecuteSqlAsync($"UPDATE survey_invitations SET status = 'Responded', responded_at = now() WHERE contact_id = '{contacts[0]}'");
        ApiFixture.Smtp.Refusal = null;
        await ExecuteSqlAsync("UPDATE mail_queue SET next_attempt_at = now() - interval '1 day' WHERE kind = 'SurveyReminder'");
        await DeliverAsync();
        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM mail_queue WHERE kind = 'SurveyReminder' AND next_attempt_at IS NULL") == 1, "the reminder closed");
        var row = (await RowsAsync("SELECT sent_at, last_error FROM mail_queue WHERE kind = 'SurveyReminder'"))[0];
        Assert.Multiple(() =>
        {
            Assert.That(row[0], Is.Null);
            Assert.That((string)row[1]!, Does.StartWith("Not sent: the invitation is Responded"));
            Assert.That(ApiFixture.Smtp.To(address), Has.Count.EqualTo(1));
        });
    }
}
