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
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();

        // A MIME header: it belongs to the body entity (RFC 3282).
        message.Body.Headers.Add("Content-Language", english ? "en" : "zh-CN");
        return message;
    }

    /// <summary>Arguments that are codes (kind + arguments, never stored prose) become words in the reader's language.</summary>
    private static string Localize(string key, string value, bool english) => (key, value) switch
    {
        ("reason", "Gone") => english ? "the receiver answered 410 Gone" : "接收方返回 410 Gone",
        ("reason", "FailingTooLong") => english ? "every delivery failed for 5 days" : "连续 5 天投递失败",
        ("reason", "Manual") => english ? "disabled by an administrator" : "由管理员停用",
        _ => value,
    };

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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind of mail."),
    };
}
