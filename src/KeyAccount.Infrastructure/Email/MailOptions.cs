namespace KeyAccount.Infrastructure.Email;

/// <summary>
/// The notification gateway's settings (section <c>Mail</c>). With no <see cref="SmtpOptions.Host"/>, mail is written as
/// <c>.eml</c> files into <see cref="PickupDirectory"/> instead of being sent (what deploy/run.sh does).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The From header, e.g. <c>KeyAccount &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "KeyAccount <no-reply@keyaccount.local>";

    /// <summary>Where messages go without SMTP settings (default: <c>$KEYACCOUNT_DATA/mail</c>, else <c>./mail</c>).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for queued mail.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Attempts before a message is given up (each later one waits longer: 1 min, 5 min, 30 min, 2 h, 6 h…).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The browser address of the installation, for links in mail that no request carries (reminders, a disabled
    /// endpoint): the one setting <c>App:PublicBaseUrl</c>, also used for set-password links.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>Auto</c> (TLS on port 465, STARTTLS when offered), <c>StartTls</c> (required), <c>SslOnConnect</c>, or <c>None</c>
    /// (only for a relay on the same machine).
    /// </summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Time allowed for one connection or one message.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
