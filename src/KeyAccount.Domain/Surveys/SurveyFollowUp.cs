using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Surveys;

/// <summary>Why a response opened a follow-up: an NPS answer of 0–6, or a rating of 1–2 (<see cref="SurveyScores.NeedsFollowUp"/>).</summary>
public enum FollowUpReason
{
    Detractor,
    LowRating,
}

public enum FollowUpStatus
{
    Open,
    Closed,
}

/// <summary>
/// The closed loop of a survey (design §1.4): a detractor's or a low rating's response opens a task for the account
/// owner, due within a target (48 hours by default) counted on the complaints' clock machinery — the same calendar
/// arithmetic (<see cref="SlaClock"/>), the same clock state with its 80 % warning and two escalation levels
/// (<see cref="SlaClockState"/>), taken by the same kind of scan through <see cref="Escalate"/>. It is closed with a
/// note saying what was done; while it is open it counts against the account's health.
/// </summary>
public sealed class SurveyFollowUp : AggregateRoot
{
    /// <summary>The design's default target: 48 hours.</summary>
    public static readonly TimeSpan DefaultTarget = TimeSpan.FromHours(48);

    public const int NoteMaxLength = 2000;

    private SurveyFollowUp()
    {
        Calendar = BusinessCalendar.TwentyFourSeven;
        Clock = SlaClockState.Initial;
    }

    public SurveyFollowUpId Id { get; private set; }

    public SurveyResponseId ResponseId { get; private set; }

    public SurveyCampaignId CampaignId { get; private set; }

    public AccountId AccountId { get; private set; }

    public ContactId ContactId { get; private set; }

    /// <summary>The account owner when the response came in: the one who follows up.</summary>
    public UserId OwnerId { get; private set; }

    public FollowUpReason Reason { get; private set; }

    /// <summary>The NPS answer (0–10) when the response had one.</summary>
    public int? NpsAnswer { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public TimeSpan Target { get; private set; }

    public BusinessCalendar Calendar { get; private set; }

    public SlaClockState Clock { get; private set; }

    /// <summary>On time, at risk or breached, from <see cref="Clock"/> (stored for lists and the health score).</summary>
    public SlaState SlaState { get; private set; }

    /// <summary>When it is due while open; null once closed.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When the escalation scan must next look at it; null once every step was taken or it is closed.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public UserId? ClosedBy { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Opens the follow-up of a response at <paramref name="now"/>, due <paramref name="target"/> of <paramref name="calendar"/>'s working time later.</summary>
    public static SurveyFollowUp Open(
        SurveyResponseId response,
        SurveyCampaignId campaign,
        AccountId account,
        ContactId contact,
        UserId owner,
        FollowUpReason reason,
        int? npsAnswer,
        TimeSpan target,
        BusinessCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero);
        var followUp = new SurveyFollowUp
        {
            Id = SurveyFollowUpId.New(),
            ResponseId = response,
            CampaignId = campaign,
            AccountId = account,
            ContactId = contact,
            OwnerId = owner,
            Reason = reason,
            NpsAnswer = npsAnswer,
            Status = FollowUpStatus.Open,
            OpenedAt = now,
            Target = target,
            Calendar = calendar,
        };
        followUp.Reschedule(now);
        return followUp;
    }

    /// <summary>
    /// The escalation steps due at <paramref name="now"/>, each once: the warning at 80 % (the owner), level 1 at the
    /// due time (the owner's director), level 2 at twice the target. Nothing once closed.
    /// </summary>
    public IReadOnlyList<EscalationStep> Escalate(DateTimeOffset now)
    {
        var steps = new List<EscalationStep>();
        if (Status == FollowUpStatus.Closed)
        {
            return steps;
        }

        Clock = Clock.Advance(SlaClockKind.Resolution, SlaClock.Elapsed(Calendar, OpenedAt, [], now), Target, steps);
        Reschedule(now);
        foreach (var step in steps)
        {
            Raise(new SurveyFollowUpEscalated(Id, AccountId, OwnerId, step.Level, DueAt ?? now, now));
        }

        return steps;
    }

    /// <summary>Closes the follow-up with what was done; a late close is recorded as a breach.</summary>
    public void Close(UserId by, string? note, DateTimeOffset now)
    {
        CheckRule(new FollowUpMustBeOpen(Status));
        CheckRule(new TextIsRequired(note, "note"));
        Status = FollowUpStatus.Closed;
        ClosedAt = now;
        ClosedBy = by;
        Note = note!.Trim();
        Reschedule(now);
        Raise(new SurveyFollowUpClosed(Id, ResponseId, CampaignId, AccountId, Reason, SlaState == SlaState.Breached, by, now));
    }

    private void Reschedule(DateTimeOffset now)
    {
        UpdatedAt = now;
        var open = Status == FollowUpStatus.Open;
        Clock = Clock.Settle(open ? SlaClock.DueAt(Calendar, OpenedAt, [], Target) : null, SlaClock.Elapsed(Calendar, OpenedAt, [], ClosedAt ?? now) >= Target);
        DueAt = Clock.DueAt;
        SlaState = Clock.StateWhile(running: open);
        NextEscalationAt = open && Clock.NextStepShare is { } share ? SlaClock.DueAt(Calendar, OpenedAt, [], Target, share) : null;
    }
}

[RuleCode("survey-followup-closed")]
public sealed class FollowUpMustBeOpen(FollowUpStatus status) : IBusinessRule
{
    public bool IsBroken() => status != FollowUpStatus.Open;

    public string Message => "The follow-up is already closed.";
}

/// <summary>A survey follow-up was closed with a note saying what was done.</summary>
/// <param name="FollowUpId">The follow-up.</param>
/// <param name="ResponseId">The response that opened it.</param>
/// <param name="CampaignId">The campaign of that response.</param>
/// <param name="AccountId">The account.</param>
/// <param name="Reason">Detractor or LowRating.</param>
/// <param name="Late">Whether it was closed after its due time.</param>
/// <param name="By">The user who closed it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("survey.followup_closed", 1)]
public sealed record SurveyFollowUpClosed(
    SurveyFollowUpId FollowUpId,
    SurveyResponseId ResponseId,
    SurveyCampaignId CampaignId,
    AccountId AccountId,
    FollowUpReason Reason,
    bool Late,
    UserId By,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A survey follow-up reached a step of its clock: the 80 % warning (level 0), its due time (1) or twice its target (2).</summary>
/// <param name="FollowUpId">The follow-up.</param>
/// <param name="AccountId">The account.</param>
/// <param name="OwnerId">The account owner who follows up.</param>
/// <param name="Level">0 warning, 1 due time passed, 2 twice the target passed.</param>
/// <param name="DueAt">When it was due (UTC).</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("survey.followup_escalated", 1)]
public sealed record SurveyFollowUpEscalated(
    SurveyFollowUpId FollowUpId,
    AccountId AccountId,
    UserId OwnerId,
    int Level,
    DateTimeOffset DueAt,
    DateTimeOffset OccurredOn) : IDomainEvent;
