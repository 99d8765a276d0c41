using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
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

/// <summary>One immutable line of the timeline.</summary>
/// <param name="Sequence">Position in the complaint's timeline, from 1, oldest first.</param>
/// <param name="Kind">What happened: Filed, a workflow step (Acknowledged, Assigned, AwaitingCustomer, Resumed, Resolved, Closed, Reopened), a Comment, or an Escalated step of the SLA scan.</param>
/// <param name="By">The user who did it; null for what the system did (an escalation, the automatic close).</param>
/// <param name="ByName" example="Zhang Min">That user's display name; null when By is null.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Text" example="Called the customer: the missing pallets ship by express today.">The comment, the response or note given with the step, or the system's English description of it.</param>
/// <param name="FromStatus">The status before a workflow step; null for Filed, comments and escalations.</param>
/// <param name="ToStatus">The status after a workflow step (New for Filed); null for comments and escalations.</param>
/// <param name="AssigneeId">The user assigned by an Assigned entry; null for other entries.</param>
public sealed record ComplaintTimelineEntryDto(int Sequence, TimelineKind Kind, UserId? By, string? ByName, DateTimeOffset At, string Text, ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, UserId? AssigneeId);

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

    /// <summary>First-response target in hours of the calendar's working time.</summary>
    public double FirstResponseTargetHours { get; init; }

    /// <summary>Resolution target in hours of the calendar's working time.</summary>
    public double ResolutionTargetHours { get; init; }

    /// <summary>When the first response is due (null once given, or while the clock is paused).</summary>
    public DateTimeOffset? FirstResponseDueAt { get; init; }

    /// <summary>When the resolution is due (null once resolved, or while the clock is paused).</summary>
    public DateTimeOffset? ResolutionDueAt { get; init; }

    /// <summary>State of the running clock now.</summary>
    public SlaState SlaState { get; init; }

    /// <summary>Whether the first-response target was missed; once true it stays true, whatever happens later.</summary>
    public bool FirstResponseBreached { get; init; }

    /// <summary>Whether the resolution target was missed; once true it stays true, even after a reopen.</summary>
    public bool ResolutionBreached { get; init; }

    /// <summary>0 none, 1 department head / quality manager, 2 director.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>The actions the complaint's status allows next.</summary>
    public required IReadOnlyList<ComplaintAction> AllowedActions { get; init; }

    /// <summary>Every change and comment, oldest first; entries are never changed.</summary>
    public required IReadOnlyList<ComplaintTimelineEntryDto> Timeline { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    public static ComplaintDto From(Complaint c, string? accountName, IReadOnlyDictionary<UserId, string> names, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
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
            FirstRespondedAt = c.FirstRespondedAt,
            ResolvedAt = c.ResolvedAt,
            ClosedAt = c.ClosedAt,
            Resolution = c.Resolution,
            RootCause = c.RootCause,
            CorrectiveAction = c.CorrectiveAction,
            FirstResponseTargetHours = c.Targets.FirstResponse.TotalHours,
            ResolutionTargetHours = c.Targets.Resolution.TotalHours,
            FirstResponseDueAt = c.FirstResponseDueAt,
            ResolutionDueAt = c.ResolutionDueAt,
            SlaState = c.SlaStateAt(now),
            FirstResponseBreached = c.FirstResponseBreached,
            ResolutionBreached = c.ResolutionBreached,
            EscalationLevel = c.EscalationLevel,
            AllowedActions = ComplaintActions.AllowedFrom(c.Status),
            Timeline = [.. c.Timeline.OrderBy(e => e.Sequence).Select(e => new ComplaintTimelineEntryDto(
                e.Sequence, e.Kind, e.By, e.By is { } by && names.TryGetValue(by, out var n) ? n : null, e.At, e.Text, e.FromStatus, e.ToStatus, e.AssigneeId))],
            Version = c.Version,
        };
    }
}

/// <summary>The transitions of the complaint workflow, one endpoint each.</summary>
public enum ComplaintAction
{
    Acknowledge,
    Assign,
    AwaitCustomer,
    Resume,
    Resolve,
    Close,
    Reopen,
}

public static class ComplaintActions
{
    public static IReadOnlyList<ComplaintAction> AllowedFrom(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => [ComplaintAction.Acknowledge],
        ComplaintStatus.Acknowledged => [ComplaintAction.Assign],
        ComplaintStatus.InProgress => [ComplaintAction.Assign, ComplaintAction.AwaitCustomer, ComplaintAction.Resolve],
        ComplaintStatus.AwaitingCustomer => [ComplaintAction.Resume],
        ComplaintStatus.Resolved => [ComplaintAction.Close, ComplaintAction.Reopen],
        ComplaintStatus.Closed => [ComplaintAction.Reopen],
        ComplaintStatus.Reopened => [ComplaintAction.Assign],
        _ => [],
    };
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
/// <param name="DueAt">When the running target (first response, then resolution) is due (UTC); null when no clock runs (paused, resolved or closed).</param>
/// <param name="SlaState">State of the running clock now: OnTime, AtRisk (80 % of the target used) or Breached.</param>
/// <param name="EscalationLevel">0 none, 1 department head / quality manager (at the breach), 2 director (at twice the target).</param>
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
    int EscalationLevel);
