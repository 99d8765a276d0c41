using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>A milestone on the plan's timetable; <see cref="ReachedOn"/> once it was reached.</summary>
public sealed record Milestone(string Title, DateOnly DueDate, DateOnly? ReachedOn);

/// <summary>A key stakeholder: a contact of the account, with why they matter to the plan.</summary>
public sealed record Stakeholder(Guid ContactId, string? Note);

/// <summary>What a SWOT item cites: a complaint, a survey response or a revenue trend, by a reference the reader can follow.</summary>
public sealed record Evidence(EvidenceKind Kind, string Reference);

/// <summary>One item of the SWOT analysis.</summary>
public sealed record SwotItem(SwotQuadrant Quadrant, string Text, Evidence? Evidence);

/// <summary>An objective as the editor sends it: <see cref="Id"/> of an objective of this version to keep its identity, null for a new one.</summary>
public sealed record ObjectiveInput(PlanObjectiveId? Id, string Title, Measure Measure, DateOnly DueDate, decimal? Actual);

/// <summary>
/// An initiative as the editor sends it: <see cref="Id"/> of an initiative of this version to keep it, null for a new
/// one; <see cref="ObjectiveIndex"/> is the position, in the same request, of the objective it serves.
/// </summary>
public sealed record InitiativeInput(
    PlanInitiativeId? Id,
    string Title,
    UserId OwnerId,
    Department Department,
    DateOnly DueDate,
    InitiativeStatus Status,
    int? ObjectiveIndex,
    Money? Budget,
    decimal? PersonDays);

/// <summary>The whole editable content of a plan (the create and the editor's save).</summary>
public sealed record PlanContent(
    string Title,
    UserId OwnerId,
    DateOnly StartDate,
    DateOnly EndDate,
    string ValueProposition,
    IReadOnlyList<string> StrategicPriorities,
    int ReviewCadenceMonths,
    IReadOnlyList<ObjectiveInput> Objectives,
    IReadOnlyList<InitiativeInput> Initiatives,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Stakeholder> Stakeholders,
    IReadOnlyList<SwotItem> Swot);

/// <summary>An objective as approved: what plan-vs-actual compares with.</summary>
public sealed record BaselineObjective(Guid Key, string Title, Measure Measure, DateOnly DueDate);

/// <summary>An initiative as approved.</summary>
public sealed record BaselineInitiative(Guid Key, string Title, UserId OwnerId, Department Department, DateOnly DueDate, Guid? ObjectiveKey, Money? Budget, decimal? PersonDays);

/// <summary>
/// The baseline frozen at approval (design §1.3): the objectives with their measures and targets and the initiatives
/// with their owners, dates and resources, as the Director approved them. It never changes afterwards; a change is a
/// new version with a baseline of its own.
/// </summary>
public sealed record PlanBaseline(
    int PlanVersion,
    DateTimeOffset ApprovedAt,
    UserId ApprovedBy,
    DateOnly StartDate,
    DateOnly EndDate,
    string ValueProposition,
    IReadOnlyList<string> StrategicPriorities,
    IReadOnlyList<BaselineObjective> Objectives,
    IReadOnlyList<BaselineInitiative> Initiatives);

/// <summary>An objective's line in a review: where it stood, where it should have stood, and why it differs.</summary>
public sealed record ReviewedObjective(PlanObjectiveId ObjectiveId, string Title, decimal? Actual, decimal? Progress, decimal ExpectedProgress, string? Comment);
