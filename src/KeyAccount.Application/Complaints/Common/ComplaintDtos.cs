using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using Severity = KeyAccount.Domain.Complaints.Severity;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>A complaint as filed (ISO 10002: recorded with the remedy the customer asks for).</summary>
public sealed record ComplaintIntakeInput
{
    /// <summary>The complaining account.</summary>
    public required AccountId AccountId { get; init; }

    /// <summary>The contact who complained, if known (a contact of that account).</summary>
    public Guid? ContactId { get; init; }

    /// <summary>How it reached us.</summary>
    /// <example>Phone</example>
    public required ComplaintChannel Channel { get; init; }

    /// <summary>What it is about.</summary>
    /// <example>Delivery</example>
    public required ComplaintCategory Category { get; init; }

    /// <summary>How bad it is for the customer; with the account's tier it sets the SLA targets.</summary>
    /// <example>High</example>
    public required Severity Severity { get; init; }

    /// <summary>One line.</summary>
    /// <example>Three pallets missing from order SO-88121</example>
    [MaxLength(300)]
    public required string Subject { get; init; }

    /// <summary>What happened, in the customer's words.</summary>
    /// <example>Delivered 17 of 20 pallets; the line stops on Friday without them.</example>
    [MaxLength(8000)]
    public required string Description { get; init; }

    /// <summary>What the customer asks for.</summary>
    /// <example>Deliver the missing pallets by Thursday</example>
    [MaxLength(2000)]
    public string? RequestedRemedy { get; init; }

    /// <summary>When it was received, with its UTC offset (e.g. 2026-12-01T10:00:00+08:00; stored in UTC; defaults to now). SLA clocks count from here.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

public sealed class ComplaintIntakeInputValidator : AbstractValidator<ComplaintIntakeInput>
{
    private static readonly DateTimeOffset EarliestReceipt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ComplaintIntakeInputValidator()
    {
        RuleFor(x => x.AccountId).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("accountId is required.");
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Severity).IsInEnum();
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(8000);
        RuleFor(x => x.RequestedRemedy).MaximumLength(2000);
        RuleFor(x => x.ReceivedAt).GreaterThanOrEqualTo(EarliestReceipt).When(x => x.ReceivedAt is not null)
            .WithErrorCode(FieldErrorCodes.DateOutOfRange).WithMessage("A complaint cannot have been received before 2000.")
            .WithState(_ => new Dictionary<string, object?> { ["min"] = "2000-01-01" });
    }
}

/// <summary>The arguments of a timeline entry: each kind sets its own, the others are null (render the entry from its kind and these, in the reader's language).</summary>
/// <param name="FromStatus">The status before a workflow step.</param>
/// <param name="ToStatus">The status after a workflow step (New for Filed).</param>
/// <param name="AssigneeId">Assigned: the user the complaint was assigned to.</param>
/// <param name="AssigneeName" example="Zhang Min">That user's display name.</param>
/// <param name="Department">Assigned: the responsible department.</param>
/// <param name="RootCause">Resolved: the root-cause category.</param>
/// <param name="CorrectiveAction" example="Pallet count checked against the order at loading.">Resolved: the corrective action, as written.</param>
/// <param name="Channel">Filed: how the complaint reached us.</param>
/// <param name="Clock">AtRisk and Escalated: the SLA clock concerned (FirstResponse or Resolution).</param>
/// <param name="Level">Escalated: 1 (the target was breached) or 2 (twice the target passed).</param>
/// <param name="Automatic">Closed: true when the scan closed it 7 days after the resolution, false when a person did.</param>
/// <param name="InitiativeId">Resolved and InitiativeLinked: the development-plan initiative the corrective action is part of (InitiativeLinked without it: unlinked).</param>
/// <param name="PlanId">The plan of that initiative.</param>
public sealed record TimelineArgsDto(
    ComplaintStatus? FromStatus,
    ComplaintStatus? ToStatus,
    UserId? AssigneeId,
    string? AssigneeName,
    Department? Department,
    RootCause? RootCause,
    string? CorrectiveAction,
    ComplaintChannel? Channel,
    SlaClockKind? Clock,
    int? Level,
    bool? Automatic,
    PlanInitiativeId? InitiativeId,
    DevelopmentPlanId? PlanId);

/// <summary>One immutable line of the timeline: what happened as a kind with arguments, and the words a person gave with it.</summary>
/// <param name="Sequence">Position in the complaint's timeline, from 1, oldest first.</param>
/// <param name="Kind">What happened: Filed, a workflow step (Acknowledged, Assigned, AwaitingCustomer, Resumed, Resolved, Closed, Reopened), a Comment, or a step of the SLA scan (AtRisk, Escalated).</param>
/// <param name="Args">The arguments of the entry's kind (statuses, assignee, department, root cause, channel, clock, level).</param>
/// <param name="By">The user who did it; null for what the system did (an escalation step, the automatic close).</param>
/// <param name="ByName" example="Zhang Min">That user's display name; null when By is null.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Note" example="Called the customer: the missing pallets ship by express today.">What the person wrote with it, as written: the comment, the first response, a note, the reason to reopen, the resolution; null when nothing was written.</param>
/// <param name="Text" example="First response: Called the customer: the missing pallets ship by express today.">An English rendering of the entry (kind, arguments and note), for clients without a translation; never parse it.</param>
public sealed record ComplaintTimelineEntryDto(int Sequence, TimelineKind Kind, TimelineArgsDto Args, UserId? By, string? ByName, DateTimeOffset At, string? Note, string Text)
{
    public static ComplaintTimelineEntryDto From(ComplaintTimelineEntry e, IReadOnlyDictionary<UserId, string> names)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(names);
        string? Name(UserId? id) => id is { } u && names.TryGetValue(u, out var n) ? n : null;
        var a = e.Args;
        var args = new TimelineArgsDto(a.FromStatus, a.ToStatus, a.AssigneeId, Name(a.AssigneeId), a.Department, a.RootCause, a.CorrectiveAction, a.Channel, a.Clock, a.Level, a.Automatic, a.InitiativeId, a.PlanId);
        return new ComplaintTimelineEntryDto(e.Sequence, e.Kind, args, e.By, Name(e.By), e.At, e.Note, ComplaintTexts.Timeline(e.Kind, args, e.Note));
    }
}

/// <summary>The state of one SLA clock, as the server keeps it (show it as it is; count down to <c>dueAt</c>).</summary>
/// <param name="DueAt">When the target is due while the clock runs (UTC); null once it stopped (answered, resolved) or while it is paused.</param>
/// <param name="AtRisk">Whether the clock reached 80 % of its target (the assignee was warned).</param>
/// <param name="Breached">Whether the target was missed; once true it stays true, whatever happens later (a reopen included).</param>
/// <param name="EscalationLevel">0 none, 1 department head / quality manager (at the breach), 2 director (at twice the target).</param>
public sealed record SlaClockDto(DateTimeOffset? DueAt, bool AtRisk, bool Breached, int EscalationLevel)
{
    public static SlaClockDto From(SlaClockState clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new SlaClockDto(clock.DueAt, clock.AtRisk, clock.Breached, clock.EscalationLevel);
    }
}

/// <summary>A complaint with its SLA clocks and timeline.</summary>
public sealed record ComplaintDto
{
    /// <summary>The complaint's id.</summary>
    public ComplaintId Id { get; init; }

    /// <summary>Human reference, CMP-year-6 digits, unique and never reused: quote it to the customer.</summary>
    /// <example>CMP-2026-000123</example>
    public required string Reference { get; init; }

    /// <summary>The complaining account.</summary>
    public AccountId AccountId { get; init; }

    /// <summary>The account's name; null if the account is no longer there.</summary>
    /// <example>华东精密制造有限公司</example>
    public string? AccountName { get; init; }

    /// <summary>The contact who complained; null when not known.</summary>
    public Guid? ContactId { get; init; }

    /// <summary>How the complaint reached us.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>What it is about.</summary>
    public ComplaintCategory Category { get; init; }

    /// <summary>How bad it is for the customer; with the tier it set the SLA targets.</summary>
    public Severity Severity { get; init; }

    /// <summary>The account's tier when the complaint was received: it chose the SLA targets.</summary>
    public Tier Tier { get; init; }

    /// <summary>One line.</summary>
    /// <example>Three pallets missing from order SO-88121</example>
    public required string Subject { get; init; }

    /// <summary>What happened, in the customer's words.</summary>
    /// <example>Delivered 17 of 20 pallets; the line stops on Friday without them.</example>
    public required string Description { get; init; }

    /// <summary>What the customer asks for; null when not recorded.</summary>
    /// <example>Deliver the missing pallets by Thursday</example>
    public string? RequestedRemedy { get; init; }

    /// <summary>When it was received (UTC): both SLA clocks count from here.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Where it is in the workflow; <c>allowedActions</c> says what may happen next.</summary>
    public ComplaintStatus Status { get; init; }

    /// <summary>The department it is assigned to; null until assigned.</summary>
    public Department? Department { get; init; }

    /// <summary>The user it is assigned to; null until assigned.</summary>
    public UserId? AssigneeId { get; init; }

    /// <summary>That user's display name; null until assigned.</summary>
    /// <example>Zhang Min</example>
    public string? AssigneeName { get; init; }

    /// <summary>When the first response was recorded (UTC); null before.</summary>
    public DateTimeOffset? FirstRespondedAt { get; init; }

    /// <summary>When it was last resolved (UTC); null if never resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When it was closed (UTC); null unless closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How it was resolved; null until resolved.</summary>
    /// <example>Missing pallets delivered by express on Thursday morning.</example>
    public string? Resolution { get; init; }

    /// <summary>The root-cause category found when resolving; null until resolved.</summary>
    public RootCause? RootCause { get; init; }

    /// <summary>What was changed so that it does not happen again; null until resolved.</summary>
    /// <example>Pallet count checked against the order at loading.</example>
    public string? CorrectiveAction { get; init; }

    /// <summary>The development-plan initiative the corrective action is part of (set when resolving or with PUT …/initiative); null when none.</summary>
    public PlanInitiativeId? InitiativeId { get; init; }

    /// <summary>The plan of <c>initiativeId</c>; null when no initiative is linked.</summary>
    public DevelopmentPlanId? PlanId { get; init; }

    /// <summary>First-response target in hours of the calendar's working time.</summary>
    public double FirstResponseTargetHours { get; init; }

    /// <summary>Resolution target in hours of the calendar's working time.</summary>
    public double ResolutionTargetHours { get; init; }

    /// <summary>
    /// The complaint's SLA state: Breached when either target was breached (for good), else AtRisk when a clock that
    /// has not stopped reached 80 % of its target, else OnTime. Kept by the server as the clocks run (the escalation
    /// scan, every minute); the queue's <c>slaState</c> filter reads the same value.
    /// </summary>
    public SlaState SlaState { get; init; }

    /// <summary>When the clock that runs now is due (UTC): the first response until it is given, then the resolution; null while paused, resolved or closed. Count down to it.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Resolved or closed: both clocks stand still (the complaint is not open).</summary>
    public bool Stopped { get; init; }

    /// <summary>The first-response clock: from receipt until the first response.</summary>
    public required SlaClockDto FirstResponseClock { get; init; }

    /// <summary>The resolution clock: from receipt until the resolution, paused while awaiting the customer; a reopen runs it again.</summary>
    public required SlaClockDto ResolutionClock { get; init; }

    /// <summary>The actions the complaint's status allows next.</summary>
    public required IReadOnlyList<ComplaintAction> AllowedActions { get; init; }

    /// <summary>Every change and comment, oldest first; entries are never changed.</summary>
    public required IReadOnlyList<ComplaintTimelineEntryDto> Timeline { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    public static ComplaintDto From(Complaint c, string? accountName, IReadOnlyList<ComplaintTimelineEntry> timeline, IReadOnlyDictionary<UserId, string> names)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(names);
        return new ComplaintDto
        {
            Id = c.Id,
            Reference = c.Reference,
            AccountId = c.AccountId,
            AccountName = accountName,
            ContactId = c.ContactId,
            Channel = c.Channel,
            Category = c.Category,
            Severity = c.Severity,
            Tier = c.TierAtIntake,
            Subject = c.Subject,
            Description = c.Description,
            RequestedRemedy = c.RequestedRemedy,
            ReceivedAt = c.ReceivedAt,
            Status = c.Status,
            Department = c.Department,
            AssigneeId = c.AssigneeId,
            AssigneeName = c.AssigneeId is { } assignee && names.TryGetValue(assignee, out var assigneeName) ? assigneeName : null,
            FirstRespondedAt = c.FirstRespondedAt,
            ResolvedAt = c.ResolvedAt,
            ClosedAt = c.ClosedAt,
            Resolution = c.Resolution,
            RootCause = c.RootCause,
            CorrectiveAction = c.CorrectiveAction,
            InitiativeId = c.InitiativeId,
            PlanId = c.PlanId,
            FirstResponseTargetHours = c.Targets.FirstResponse.TotalHours,
            ResolutionTargetHours = c.Targets.Resolution.TotalHours,
            SlaState = c.SlaState,
            DueAt = c.DueAt,
            Stopped = c.IsStopped,
            FirstResponseClock = SlaClockDto.From(c.FirstResponseClock),
            ResolutionClock = SlaClockDto.From(c.ResolutionClock),
            AllowedActions = ComplaintWorkflow.AllowedActions(c.Status),
            Timeline = [.. timeline.OrderBy(e => e.Sequence).Select(e => ComplaintTimelineEntryDto.From(e, names))],
            Version = c.Version,
        };
    }
}

/// <summary>A row of the complaints queue.</summary>
/// <param name="Id">The complaint's id.</param>
/// <param name="Reference" example="CMP-2026-000123">Human reference, CMP-year-6 digits.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">The account's name.</param>
/// <param name="Tier">The account's tier when the complaint was received (it chose the SLA targets).</param>
/// <param name="Severity">How bad it is for the customer.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Subject" example="Three pallets missing from order SO-88121">One line.</param>
/// <param name="Status">Where it is in the workflow.</param>
/// <param name="AssigneeId">The user it is assigned to; null until assigned.</param>
/// <param name="AssigneeName" example="Zhang Min">That user's display name; null until assigned.</param>
/// <param name="ReceivedAt">When it was received (UTC).</param>
/// <param name="DueAt">When the clock that runs now is due (UTC): the first response until it is given, then the resolution; null while paused, resolved or closed. Count down to it.</param>
/// <param name="SlaState">The complaint's SLA state as the server keeps it (the same value as the detail's and the slaState filter's): Breached when either target was breached, else AtRisk when a running clock reached 80 %, else OnTime.</param>
/// <param name="Stopped">Resolved or closed: both clocks stand still.</param>
/// <param name="FirstResponseClock">The first-response clock.</param>
/// <param name="ResolutionClock">The resolution clock.</param>
public sealed record ComplaintSummaryDto(
    ComplaintId Id,
    string Reference,
    AccountId AccountId,
    string AccountName,
    Tier Tier,
    Severity Severity,
    ComplaintCategory Category,
    string Subject,
    ComplaintStatus Status,
    UserId? AssigneeId,
    string? AssigneeName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    SlaState SlaState,
    bool Stopped,
    SlaClockDto FirstResponseClock,
    SlaClockDto ResolutionClock);
