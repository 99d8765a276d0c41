using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Persistence;

namespace KeyAccount.Infrastructure.Email;

/// <summary>
/// A kind of mail whose message depends on state read when it is sent (a secret that is never stored, whether it is
/// still wanted) and whose outcome is recorded back on its subject. <see cref="MailSender"/> asks the handler of a
/// queued message's kind, if any, before rendering it and after the attempt.
/// </summary>
public interface IMailKindHandler
{
    bool IsFor(MailKind kind);

    /// <summary>
    /// The message as it is to be rendered (its arguments completed in memory only), or a reason not to send it at all.
    /// An exception counts as a failed attempt (retried).
    /// </summary>
    Task<MailPreparation> PrepareAsync(AppDbContext db, QueuedMail mail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the attempt's outcome on the subject, inside the transaction that records it on the queued row.</summary>
    Task RecordAsync(AppDbContext db, QueuedMail mail, MailOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>What to render (<paramref name="Mail"/>) or why not to send (<paramref name="DroppedBecause"/>).</summary>
public sealed record MailPreparation(QueuedMail? Mail, string? DroppedBecause)
{
    public static MailPreparation Send(QueuedMail mail) => new(mail, null);

    public static MailPreparation Drop(string reason) => new(null, reason);
}

/// <summary>One attempt's outcome: sent (no <paramref name="Error"/>), failed and retried later, or failed and given up.</summary>
public sealed record MailOutcome(DateTimeOffset At, string? Error, bool GivenUp)
{
    public bool Sent => Error is null;
}
