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
    public required string Subject { get; init; }

    /// <summary>What happened, in the customer's words.</summary>
    /// <example>Delivered 17 of 20 pallets; the line stops on Friday without them.</example>
    public required string Description { get; init; }

    /// <summary>What the customer asks for.</summary>
    /// <example>Deliver the missing pallets by Thursday</example>
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
            .WithErrorCode(FieldErrorCodes.DateOutOfRange).WithMessage("A complaint cannot have been received before 2000.");
    }
}

/// <summary>One immutable line of the timeline.</summary>
public sealed record ComplaintTimelineEntryDto(int Sequence, TimelineKind Kind, UserId? By, string? ByName, DateTimeOffset At, string Text, ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, UserId? AssigneeId);

/// <summary>A complaint with its SLA clocks and timeline.</summary>
public sealed record ComplaintDto
{
    public ComplaintId Id { get; init; }

    /// <example>CMP-2026-000123</example>
    public required string Reference { get; init; }

    public AccountId AccountId { get; init; }

    public string? AccountName { get; init; }

    public Guid? ContactId { get; init; }

    public ComplaintChannel Channel { get; init; }

    public ComplaintCategory Category { get; init; }

    public Severity Severity { get; init; }

    /// <summary>The account's tier when the complaint was received: it chose the SLA targets.</summary>
    public Tier Tier { get; init; }

    public required string Subject { get; init; }

    public required string Description { get; init; }

    public string? RequestedRemedy { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public ComplaintStatus Status { get; init; }

    public Department? Department { get; init; }

    public UserId? AssigneeId { get; init; }

    public DateTimeOffset? FirstRespondedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? Resolution { get; init; }

    public RootCause? RootCause { get; init; }

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

    public bool FirstResponseBreached { get; init; }

    public bool ResolutionBreached { get; init; }

    /// <summary>0 none, 1 department head / quality manager, 2 director.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>The actions the complaint's status allows next.</summary>
    public required IReadOnlyList<ComplaintAction> AllowedActions { get; init; }

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
