using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Complaints;

/// <summary>A complaint was filed; its SLA clocks run from its receipt.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference, CMP-year-6 digits.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="Channel">How it reached us.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Severity">How bad it is for the customer.</param>
/// <param name="Tier">The account's tier at intake (with the severity it chose the SLA targets).</param>
/// <param name="ReceivedAt">When it was received (UTC): both SLA clocks count from here.</param>
/// <param name="FirstResponseDueAt">When the first response is due (UTC).</param>
/// <param name="ResolutionDueAt">When the resolution is due (UTC), if nothing pauses the clock.</param>
/// <param name="By">The user who filed it; null for an API client.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.filed", 1)]
public sealed record ComplaintFiled(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    Severity Severity,
    Tier Tier,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    UserId? By,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>A workflow step moved the complaint to another status.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status now.</param>
/// <param name="Action">The workflow step taken (Acknowledge, Assign, AwaitCustomer, Resume, Resolve, Close, Reopen).</param>
/// <param name="By">The user who took it; null for the automatic close.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.status_changed", 1)]
public sealed record ComplaintStatusChanged(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    ComplaintStatus From,
    ComplaintStatus To,
    ComplaintAction Action,
    UserId? By,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>The complaint was assigned (or reassigned) to a department and a person.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="AssigneeId">The responsible person.</param>
/// <param name="PreviousAssigneeId">Who had it before; null at the first assignment.</param>
/// <param name="By">The user who assigned it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.assigned", 1)]
public sealed record ComplaintAssigned(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    Department Department,
    UserId AssigneeId,
    UserId? PreviousAssigneeId,
    UserId By,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>Someone commented on the complaint (read the comment from its timeline: comments may hold customer data).</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="Sequence">The comment's position in the complaint's timeline.</param>
/// <param name="By">The user who wrote it.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.commented", 1)]
public sealed record ComplaintCommented(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    int Sequence,
    UserId By,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>One of the complaint's SLA clocks used 80 % of its target: the assignee is warned.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="Clock">The clock at risk: FirstResponse or Resolution.</param>
/// <param name="DueAt">When that target is due (UTC).</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.sla_at_risk", 1)]
public sealed record ComplaintSlaAtRisk(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    SlaClockKind Clock,
    DateTimeOffset? DueAt,
    DateTimeOffset OccurredOn) : IDomainEvent;

/// <summary>One of the complaint's SLA clocks passed its target (level 1: department head and quality managers) or twice its target (level 2: directors).</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its human reference.</param>
/// <param name="AccountId">The complaining account.</param>
/// <param name="Clock">The clock that escalated: FirstResponse or Resolution.</param>
/// <param name="Level">1 at the breach, 2 at twice the target.</param>
/// <param name="OccurredOn">When (UTC).</param>
[PublicEvent("complaint.escalated", 1)]
public sealed record ComplaintEscalated(
    ComplaintId ComplaintId,
    string Reference,
    AccountId AccountId,
    SlaClockKind Clock,
    int Level,
    DateTimeOffset OccurredOn) : IDomainEvent;
