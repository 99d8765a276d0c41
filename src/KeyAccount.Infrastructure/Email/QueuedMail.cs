using KeyAccount.Application.Common.Abstractions;

namespace KeyAccount.Infrastructure.Email;

/// <summary>A row of the mail queue (table <c>mail_queue</c>): written with the business change, sent by the mail delivery job.</summary>
public sealed class QueuedMail
{
    public long Id { get; set; }

    public string ToAddress { get; set; } = string.Empty;

    public string ToName { get; set; } = string.Empty;

    public string Language { get; set; } = "zh-CN";

    public MailKind Kind { get; set; }

    /// <summary>The template's arguments (jsonb).</summary>
    public Dictionary<string, string> Args { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next attempt is due; null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>A sender's claim on the row until this instant (another replica skips it meanwhile).</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed (the transport's error, without credentials).</summary>
    public string? LastError { get; set; }

    /// <summary>The RFC 5322 Message-ID the message was sent with (stable across retries, so a receiver can drop a duplicate).</summary>
    public string MessageId { get; set; } = string.Empty;

    /// <summary>A copy to render with <paramref name="args"/> instead of the stored arguments (never saved).</summary>
    public QueuedMail WithArgs(Dictionary<string, string> args) => new()
    {
        Id = Id, ToAddress = ToAddress, ToName = ToName, Language = Language, Kind = Kind, Args = args, CreatedAt = CreatedAt,
        NextAttemptAt = NextAttemptAt, LeasedUntil = LeasedUntil, Attempts = Attempts, SentAt = SentAt, LastError = LastError, MessageId = MessageId,
    };
}

/// <summary>Queues mail in the request's unit of work (the EF context): saved in the same transaction as the change.</summary>
internal sealed class MailOutbox(Persistence.AppDbContext db, TimeProvider clock) : IMailOutbox
{
    public void Enqueue(MailRequest mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var now = clock.GetUtcNow();
        db.Set<QueuedMail>().Add(new QueuedMail
        {
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Language = mail.Language == "en" ? "en" : "zh-CN",
            Kind = mail.Kind,
            Args = new Dictionary<string, string>(mail.Args, StringComparer.Ordinal),
            CreatedAt = now,
            NextAttemptAt = now,
            MessageId = $"{Guid.CreateVersion7():N}@keyaccount",
        });
    }
}
