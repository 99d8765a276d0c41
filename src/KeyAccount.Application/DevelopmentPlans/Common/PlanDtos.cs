using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.DevelopmentPlans.Common;

/// <summary>A row of the plans list.</summary>
public record PlanSummaryDto
{
    /// <summary>The plan version's id (each version of a plan has its own).</summary>
    public DevelopmentPlanId Id { get; init; }

    /// <summary>The account the plan is for.</summary>
    public AccountId AccountId { get; init; }

    /// <summary>The account's name.</summary>
    /// <example>华东精密制造有限公司</example>
    public required string AccountName { get; init; }

    /// <summary>The account's tier now.</summary>
    public Tier AccountTier { get; init; }

    /// <summary>What the plan is called.</summary>
    /// <example>2027–2029 华东精密发展计划</example>
    public required string Title { get; init; }

    /// <summary>The manager who leads the plan.</summary>
    public UserId OwnerId { get; init; }

    /// <summary>That manager's display name.</summary>
    /// <example>Zhang Min</example>
    public string? OwnerName { get; init; }

    /// <summary>Where the plan stands; a plan's <c>allowedActions</c> say what may happen next.</summary>
    public PlanStatus Status { get; init; }

    /// <summary>1 for the first version of the plan, + 1 for each revision.</summary>
    /// <example>1</example>
    public int PlanVersion { get; init; }

    /// <summary>The plan's first day.</summary>
    /// <example>2027-01-01</example>
    public DateOnly StartDate { get; init; }

    /// <summary>The plan's last day.</summary>
    /// <example>2028-12-31</example>
    public DateOnly EndDate { get; init; }

    /// <summary>Mean progress of the objectives, 0–100 with one decimal (an objective without an actual counts 0); null without objectives.</summary>
    /// <example>42.5</example>
    public decimal? Progress { get; init; }

    /// <summary>How many objectives the plan has.</summary>
    /// <example>5</example>
    public int ObjectivesCount { get; init; }

    /// <summary>How many initiatives the plan has.</summary>
    /// <example>10</example>
    public int InitiativesTotal { get; init; }

    /// <summary>How many of them are Done.</summary>
    /// <example>3</example>
    public int InitiativesDone { get; init; }

    /// <summary>Whether an initiative that is not Done is past its due date.</summary>
    public bool HasOverdueInitiatives { get; init; }

    /// <summary>When the next review is due (Active plans); null otherwise.</summary>
    /// <example>2027-04-01</example>
    public DateOnly? NextReviewDue { get; init; }

    /// <summary>Whether the next review is due today or earlier.</summary>
    public bool ReviewDue { get; init; }

    /// <summary>When the plan last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>An objective with its measure, its actual value and progress, against the expected progress and the approved baseline.</summary>
/// <param name="Id">The objective (of this plan version).</param>
/// <param name="Title" example="汽车零部件年收入达到 1,500 万元">What is to be achieved.</param>
/// <param name="Unit">What the measure counts in.</param>
/// <param name="Direction">Whether more or less is better.</param>
/// <param name="Baseline" example="9000000">Where the measure stood at the start.</param>
/// <param name="Target" example="15000000">Where it should stand by the due date.</param>
/// <param name="Currency" example="CNY">ISO 4217 currency of a Currency measure; null otherwise.</param>
/// <param name="Source">Manual (typed in) or the metric KeyAccount computes it from.</param>
/// <param name="DueDate" example="2028-12-31">When the target is due.</param>
/// <param name="Actual" example="9800000">The measure's current value; null until known.</param>
/// <param name="ActualAt">When the actual value was recorded or computed (UTC); null without one.</param>
/// <param name="Progress" example="13.3">Progress from baseline towards target, 0–100 with one decimal, direction-aware and capped; null without an actual.</param>
/// <param name="ExpectedProgress" example="25.0">The progress expected today: linear in time from the plan's start (0) to the objective's due date (100).</param>
/// <param name="BaselineTarget" example="15000000">The target the approved baseline holds for this objective; null when the plan has no approved baseline or the objective is new since.</param>
public sealed record PlanObjectiveDto(
    PlanObjectiveId Id,
    string Title,
    MeasureUnit Unit,
    MeasureDirection Direction,
    decimal Baseline,
    decimal Target,
    string? Currency,
    MeasureSource Source,
    DateOnly DueDate,
    decimal? Actual,
    DateTimeOffset? ActualAt,
    decimal? Progress,
    decimal ExpectedProgress,
    decimal? BaselineTarget);

/// <summary>A complaint whose corrective action is part of an initiative.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Reference" example="CMP-2026-000123">Its human reference.</param>
/// <param name="Subject" example="Three pallets missing from order SO-88121">Its subject.</param>
/// <param name="Status">Where it is in its workflow.</param>
public sealed record PlanComplaintDto(ComplaintId Id, string Reference, string Subject, ComplaintStatus Status);

/// <summary>An initiative with its owner, resources and status.</summary>
/// <param name="Id">The initiative (of this plan version).</param>
/// <param name="Title" example="建立联合研发实验室">What is done.</param>
/// <param name="OwnerId">Who is responsible.</param>
/// <param name="OwnerName" example="Zhang Min">That user's display name.</param>
/// <param name="Department">The department that carries it.</param>
/// <param name="DueDate" example="2027-06-30">When it is due.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ObjectiveId">The objective it serves; null when none.</param>
/// <param name="Budget">The money it may spend; null when none was set.</param>
/// <param name="PersonDays" example="40">The effort it takes in person-days; null when not estimated.</param>
/// <param name="CompletedOn">The day it was marked Done; null while it is not.</param>
/// <param name="Overdue">Not Done and past its due date.</param>
/// <param name="Complaints">Complaints whose corrective action is part of this initiative.</param>
public sealed record PlanInitiativeDto(
    PlanInitiativeId Id,
    string Title,
    UserId OwnerId,
    string? OwnerName,
    Department Department,
    DateOnly DueDate,
    InitiativeStatus Status,
    PlanObjectiveId? ObjectiveId,
    MoneyDto? Budget,
    decimal? PersonDays,
    DateOnly? CompletedOn,
    bool Overdue,
    IReadOnlyList<PlanComplaintDto> Complaints);

/// <summary>A milestone.</summary>
/// <param name="Title" example="联合实验室揭牌">What is reached.</param>
/// <param name="DueDate" example="2027-09-30">When it is due.</param>
/// <param name="ReachedOn">When it was reached; null while it is not.</param>
public sealed record PlanMilestoneDto(string Title, DateOnly DueDate, DateOnly? ReachedOn);

/// <summary>A key stakeholder with the contact's current name, title and buying role.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Name" example="王芳">The contact's name; null if the contact was deleted since.</param>
/// <param name="Title" example="采购总监">The contact's job title.</param>
/// <param name="BuyingRole">The contact's role in the buying decision; null if the contact was deleted since.</param>
/// <param name="Note" example="决定研发预算">Why they matter to the plan.</param>
public sealed record PlanStakeholderDto(ContactId ContactId, string? Name, string? Title, BuyingRole? BuyingRole, string? Note);

/// <summary>The evidence a SWOT item cites.</summary>
/// <param name="Kind">What kind of record it is.</param>
/// <param name="Reference" example="CMP-2026-000123">Which record.</param>
public sealed record PlanEvidenceDto(EvidenceKind Kind, string Reference);

/// <summary>A SWOT item.</summary>
/// <param name="Quadrant">Strength, Weakness, Opportunity or Threat.</param>
/// <param name="Text" example="客户新建新能源产线，需要本地供应商">The item.</param>
/// <param name="Evidence">What it rests on; null when it cites nothing.</param>
public sealed record PlanSwotItemDto(SwotQuadrant Quadrant, string Text, PlanEvidenceDto? Evidence);

/// <summary>The approved baseline this plan version carries.</summary>
/// <param name="PlanVersion" example="1">The version that was approved.</param>
/// <param name="ApprovedAt">When (UTC).</param>
/// <param name="ApprovedBy">By which Director.</param>
public sealed record PlanBaselineDto(int PlanVersion, DateTimeOffset ApprovedAt, UserId ApprovedBy);

/// <summary>The Director's rejection, kept on the draft for its author.</summary>
/// <param name="Comment" example="请补充新能源产线的收入目标。">What to change.</param>
/// <param name="By">The Director who rejected it.</param>
/// <param name="At">When (UTC).</param>
public sealed record PlanRejectionDto(string Comment, UserId? By, DateTimeOffset? At);

/// <summary>A development plan version with its whole content, progress and workflow state.</summary>
public sealed record PlanDto : PlanSummaryDto
{
    /// <summary>Why the customer buys from us and what we promise them.</summary>
    /// <example>以稳定交付和联合研发帮助客户缩短新品上市周期。</example>
    public required string ValueProposition { get; init; }

    /// <summary>The priorities the plan pursues, in order.</summary>
    public required IReadOnlyList<string> StrategicPriorities { get; init; }

    /// <summary>Months between reviews.</summary>
    /// <example>3</example>
    public int ReviewCadenceMonths { get; init; }

    /// <summary>Who wrote this version; null when an API client created it.</summary>
    public UserId? AuthorId { get; init; }

    /// <summary>That user's display name.</summary>
    /// <example>Zhang Min</example>
    public string? AuthorName { get; init; }

    /// <summary>The version this one revises; null for the first.</summary>
    public DevelopmentPlanId? PreviousVersionId { get; init; }

    /// <summary>The version that revises this one (a new version in the works, or the one that superseded it); null when none exists.</summary>
    public DevelopmentPlanId? RevisionId { get; init; }

    /// <summary>When it was last submitted (UTC); null before.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Who last submitted it.</summary>
    public UserId? SubmittedBy { get; init; }

    /// <summary>When it was approved (UTC); null before.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The Director who approved it.</summary>
    public UserId? ApprovedBy { get; init; }

    /// <summary>The last rejection; null when it was never rejected.</summary>
    public PlanRejectionDto? Rejection { get; init; }

    /// <summary>Why it was cancelled; null unless Cancelled.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>
    /// What may be done with it now, as the path segment of its POST: the workflow steps its status allows (submit,
    /// approve, reject, activate, complete, cancel), and <c>revise</c> when a new version may be made of it (it is
    /// Approved or Active and no revision of it exists yet; see <c>revisionId</c>). Permissions are the caller's own.
    /// </summary>
    /// <example>["activate", "cancel", "revise"]</example>
    public required IReadOnlyList<string> AllowedActions { get; init; }

    /// <summary>Whether its content may be edited with PUT (only a Draft).</summary>
    public bool CanEdit { get; init; }

    /// <summary>The objectives, in order.</summary>
    public required IReadOnlyList<PlanObjectiveDto> Objectives { get; init; }

    /// <summary>The initiatives, in order.</summary>
    public required IReadOnlyList<PlanInitiativeDto> Initiatives { get; init; }

    /// <summary>The milestones.</summary>
    public required IReadOnlyList<PlanMilestoneDto> Milestones { get; init; }

    /// <summary>The key stakeholders.</summary>
    public required IReadOnlyList<PlanStakeholderDto> Stakeholders { get; init; }

    /// <summary>The SWOT items.</summary>
    public required IReadOnlyList<PlanSwotItemDto> Swot { get; init; }

    /// <summary>The approved baseline of this version; null until it is approved.</summary>
    public PlanBaselineDto? Baseline { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}

/// <summary>A review of an active plan: each objective's progress against what was expected then, with a variance comment, and the decisions.</summary>
/// <param name="Id">The review.</param>
/// <param name="HeldOn" example="2027-04-02">The day it was held.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="ByName" example="Zhang Min">That user's display name.</param>
/// <param name="Progress" example="31.4">The plan's progress then.</param>
/// <param name="Objectives">Each objective as it stood then.</param>
/// <param name="Decisions" example="加派两名应用工程师支持新品试产。">The decisions taken.</param>
/// <param name="CreatedAt">When it was recorded (UTC).</param>
public sealed record PlanReviewDto(PlanReviewId Id, DateOnly HeldOn, UserId By, string? ByName, decimal? Progress, IReadOnlyList<PlanReviewObjectiveDto> Objectives, string Decisions, DateTimeOffset CreatedAt);

/// <summary>An objective's line in a review.</summary>
/// <param name="ObjectiveId">The objective.</param>
/// <param name="Title" example="汽车零部件年收入达到 1,500 万元">Its title then.</param>
/// <param name="Progress" example="20.0">Its progress then; null without an actual.</param>
/// <param name="Actual" example="10200000">Its actual value then.</param>
/// <param name="ExpectedProgress" example="25.0">The progress expected by the review day.</param>
/// <param name="Comment" example="新产线投产推迟一个季度。">Why it differs (the variance comment).</param>
public sealed record PlanReviewObjectiveDto(PlanObjectiveId ObjectiveId, string Title, decimal? Progress, decimal? Actual, decimal ExpectedProgress, string? Comment);
