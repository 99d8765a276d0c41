using System.Globalization;
using System.Net;
using System.Text;
using KeyAccount.Application.Common.Abstractions;
using MimeKit;

namespace KeyAccount.Infrastructure.Email;

/// <summary>
/// The text of each <see cref="MailKind"/> in zh-CN and en: a subject, paragraphs, an optional link. Each message goes
/// out as plain text with an HTML alternative built from the same paragraphs (arguments are escaped there).
/// </summary>
public static class MailTemplates
{
    /// <summary>The argument holding a survey mail's one-click unsubscribe address (added when it is sent, never stored).</summary>
    public const string UnsubscribeUrlArg = "unsubscribeUrl";

    /// <summary>The argument holding a message's link.</summary>
    public const string LinkArg = "link";

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    private sealed record Template(string Subject, string[] Paragraphs, string? LinkArg = null, string? LinkLabel = null);

    public static MimeMessage Render(QueuedMail mail, string from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var english = mail.Language == "en";
        var template = For(mail.Kind, english);
        string Fill(string text)
        {
            foreach (var (key, value) in mail.Args)
            {
                text = text.Replace("{" + key + "}", Localize(key, value, english), StringComparison.Ordinal);
            }

            return text;
        }

        var subject = Fill(template.Subject);
        var paragraphs = template.Paragraphs.Select(Fill).ToList();
        var link = template.LinkArg is { } arg && mail.Args.TryGetValue(arg, out var url) ? url : null;

        var text = new StringBuilder();
        text.AppendLine(string.Format(CultureInfo.InvariantCulture, english ? "Hello {0}," : "{0}，您好：", mail.ToName)).AppendLine();
        foreach (var p in paragraphs)
        {
            text.AppendLine(p).AppendLine();
        }

        if (link is not null)
        {
            text.AppendLine(link).AppendLine();
        }

        text.AppendLine("— KeyAccount");

        var html = new StringBuilder("<!doctype html><html lang=\"").Append(english ? "en" : "zh-CN").Append("\"><body style=\"font-family:sans-serif;line-height:1.5\">");
        html.Append("<p>").Append(WebUtility.HtmlEncode(string.Format(CultureInfo.InvariantCulture, english ? "Hello {0}," : "{0}，您好：", mail.ToName))).Append("</p>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(uri.AbsoluteUri)).Append("\">")
                .Append(WebUtility.HtmlEncode(template.LinkLabel ?? link)).Append("</a></p>");
        }

        html.Append("<p>— KeyAccount</p></body></html>");

        var message = new MimeMessage { Subject = subject, MessageId = mail.MessageId, Date = mail.CreatedAt };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));

        // Automated mail: no out-of-office answers (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // Mail to customers can be stopped by their mail client in one click (RFC 8058: an HTTPS POST, no page to visit).
        if (mail.Kind is MailKind.SurveyInvitation or MailKind.SurveyReminder && mail.Args.TryGetValue(UnsubscribeUrlArg, out var unsubscribe))
        {
            message.Headers.Add("List-Unsubscribe", "<" + unsubscribe + ">");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();

        // A MIME header: it belongs to the body entity (RFC 3282).
        message.Body.Headers.Add("Content-Language", english ? "en" : "zh-CN");
        return message;
    }

    /// <summary>Arguments that are codes (kind + arguments, never stored prose) become words in the reader's language.</summary>
    private static string Localize(string key, string value, bool english) => (key, value) switch
    {
        ("closesAt", _) => Instant(value, english),
        ("reason", "Gone") => english ? "the receiver answered 410 Gone" : "接收方返回 410 Gone",
        ("reason", "FailingTooLong") => english ? "every delivery failed for 5 days" : "连续 5 天投递失败",
        ("reason", "Manual") => english ? "disabled by an administrator" : "由管理员停用",
        _ => value,
    };

    /// <summary>An instant (ISO 8601) for the reader: Beijing time in Chinese, UTC in English.</summary>
    private static string Instant(string value, bool english)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return value;
        }

        return english
            ? at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTime(at, Beijing).ToString("yyyy年M月d日 HH:mm（北京时间）", CultureInfo.InvariantCulture);
    }

    private static Template For(MailKind kind, bool english) => (kind, english) switch
    {
        (MailKind.SetPassword, false) => new(
            "设置您的 KeyAccount 密码",
            ["管理员为您创建或重置了 KeyAccount 账号。请在 {expiresAt}（UTC）之前打开下面的链接设置密码；链接只能使用一次。", "如果这不是您本人要求的，请忽略此邮件。"],
            "link", "设置密码"),
        (MailKind.SetPassword, true) => new(
            "Set your KeyAccount password",
            ["An administrator created or reset your KeyAccount account. Open the link below before {expiresAt} (UTC) to set your password; it works once.", "If you did not expect this, ignore this message."],
            "link", "Set password"),
        (MailKind.Reminders, false) => new(
            "KeyAccount 提醒：{count} 条新提醒",
            ["您有 {count} 条新提醒：", "{items}", "请登录 KeyAccount 查看和处理。"],
            "link", "打开提醒"),
        (MailKind.Reminders, true) => new(
            "KeyAccount: {count} new reminder(s)",
            ["You have {count} new reminder(s):", "{items}", "Sign in to KeyAccount to see and handle them."],
            "link", "Open reminders"),
        (MailKind.WebhookEndpointDisabled, false) => new(
            "Webhook 端点已停用：{url}",
            ["Webhook 端点 {url} 已被停用，原因：{reason}。", "在它重新启用之前，不会再向它投递事件；重新启用后，可以从投递日志中恢复停用期间失败的投递。"],
            "link", "查看端点"),
        (MailKind.WebhookEndpointDisabled, true) => new(
            "Webhook endpoint disabled: {url}",
            ["The webhook endpoint {url} was disabled: {reason}.", "No events are delivered to it until it is enabled again; after that, recover the deliveries that failed meanwhile from its delivery log."],
            "link", "Open the endpoint"),
        (MailKind.SurveyInvitation, false) => new(
            "邀请您参与{campaignName}",
            ["感谢您一直以来对我们的支持。我们正在进行“{campaignName}”，诚邀您花几分钟时间告诉我们您的看法，您的意见将直接用于改进我们的产品和服务。", "调查将于 {closesAt}截止。请打开下面的链接作答（无需登录）；如不希望再收到问卷邀请，可在问卷页面退订。"],
            "link", "开始作答"),
        (MailKind.SurveyInvitation, true) => new(
            "Your opinion, please: {campaignName}",
            ["Thank you for working with us. We are running \"{campaignName}\" and would value a few minutes of your time: your answers go straight into improving our products and service.", "The survey closes on {closesAt}. Open the link below to answer (no sign-in needed); to stop receiving survey invitations, unsubscribe on the survey page."],
            "link", "Start the survey"),
        (MailKind.SurveyReminder, false) => new(
            "提醒：{campaignName}即将截止",
            ["我们尚未收到您对“{campaignName}”的回复。如果您已抽空作答，请忽略此邮件。", "调查将于 {closesAt}截止，只需几分钟。请打开下面的链接作答；如不希望再收到问卷邀请，可在问卷页面退订。"],
            "link", "开始作答"),
        (MailKind.SurveyReminder, true) => new(
            "Reminder: {campaignName}",
            ["We have not yet received your answers to \"{campaignName}\". If you have just answered, please ignore this message.", "The survey closes on {closesAt} and takes only a few minutes. Open the link below to answer; to stop receiving survey invitations, unsubscribe on the survey page."],
            "link", "Start the survey"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind of mail."),
    };
}
