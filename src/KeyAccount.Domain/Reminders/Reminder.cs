using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Reminders;

public enum ReminderKind
{
    OverdueContact,
    ContactBirthday,
    NextStepDue,
    TierChanged,
    ComplaintAtRisk,
    ComplaintEscalated,
}

/// <summary>
/// Something a user should act on. One reminder per (user, kind, subject, due date):
/// the reminder job can run any number of times and records each reminder once.
/// </summary>
public sealed class Reminder
{
    private Reminder()
    {
        Message = string.Empty;
    }

    public Guid Id { get; private set; }

    public UserId UserId { get; private set; }

    public AccountId AccountId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The account, contact or interaction the reminder is about.</summary>
    public Guid SubjectId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public string Message { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    public void Dismiss(DateTimeOffset now) => DismissedAt ??= now;
}
