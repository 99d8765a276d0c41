using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
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
    InitiativeOverdue,
    PlanReviewDue,
    AccountNeedsPlan,
    SurveyFollowUpDue,
}

/// <summary>
/// What a reminder is about, as data (design §4: reminders are kind + arguments, rendered in the reader's language).
/// Each kind sets its own arguments:
/// <list type="bullet">
/// <item>OverdueContact: <see cref="Tier"/> and its <see cref="CadenceDays"/>.</item>
/// <item>ContactBirthday: <see cref="ContactName"/> (the birthday is the due date).</item>
/// <item>NextStepDue: <see cref="NextStep"/>, as the user wrote it (the due date is the step's).</item>
/// <item>TierChanged: <see cref="FromTier"/>, <see cref="ToTier"/> and the run's <see cref="Score"/>.</item>
/// <item>ComplaintAtRisk, ComplaintEscalated: <see cref="ComplaintReference"/>, <see cref="ComplaintSubject"/>,
/// the SLA <see cref="Clock"/> and the escalation <see cref="Level"/> (0 for the at-risk warning).</item>
/// <item>InitiativeOverdue: <see cref="PlanTitle"/>, <see cref="InitiativeTitle"/> and its <see cref="InitiativeDueDate"/>
/// (the reminder's due date is the day it was sent: one a week while the initiative stays overdue).</item>
/// <item>PlanReviewDue: <see cref="PlanTitle"/> (the due date is the plan's next review).</item>
/// <item>AccountNeedsPlan: <see cref="Tier"/> and the <see cref="PlanNeed"/> reason (the due date is the Monday of the week).</item>
/// <item>SurveyFollowUpDue: the <see cref="ContactName"/> who answered and the escalation <see cref="Level"/> (0 at
/// 80 % of the follow-up's target, 1 past its due time, 2 past twice its target).</item>
/// </list>
/// </summary>
public sealed record ReminderArgs
{
    public string? ComplaintReference { get; init; }

    public string? ComplaintSubject { get; init; }

    public SlaClockKind? Clock { get; init; }

    public int? Level { get; init; }

    public Tier? Tier { get; init; }

    public int? CadenceDays { get; init; }

    public string? ContactName { get; init; }

    public string? NextStep { get; init; }

    public Tier? FromTier { get; init; }

    public Tier? ToTier { get; init; }

    public decimal? Score { get; init; }

    public string? PlanTitle { get; init; }

    public string? InitiativeTitle { get; init; }

    public DateOnly? InitiativeDueDate { get; init; }

    /// <summary>The development plan an initiative reminder is about (its subject is the initiative).</summary>
    public Guid? PlanId { get; init; }

    public DevelopmentPlans.PlanNeedReason? PlanNeed { get; init; }
}

/// <summary>
/// Something a user should act on. One reminder per (user, kind, subject, arguments, due date):
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

    /// <summary>The account, contact, interaction or complaint the reminder is about.</summary>
    public Guid SubjectId { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The English rendering of the reminder, written with it (a fallback for clients without a translation).</summary>
    public string Message { get; private set; }

    /// <summary>The reminder's arguments (see <see cref="ReminderArgs"/> for what each kind sets).</summary>
    public ReminderArgs? Args { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    public void Dismiss(DateTimeOffset now) => DismissedAt ??= now;
}
