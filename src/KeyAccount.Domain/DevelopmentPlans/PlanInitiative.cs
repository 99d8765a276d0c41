using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// A key initiative of the plan: who carries it, in which department, by when, with what budget and effort, towards
/// which objective. <see cref="Key"/> stays the same across the plan's versions.
/// </summary>
public sealed class PlanInitiative
{
    private PlanInitiative()
    {
    }

    internal PlanInitiative(DevelopmentPlanId planId, Guid key, InitiativeInput input, int position, PlanObjectiveId? objectiveId, DateOnly today)
    {
        Id = PlanInitiativeId.New();
        PlanId = planId;
        Key = key;
        Apply(input, position, objectiveId, today);
    }

    public PlanInitiativeId Id { get; private set; }

    public DevelopmentPlanId PlanId { get; private set; }

    /// <summary>The initiative's identity across the plan's versions.</summary>
    public Guid Key { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public UserId OwnerId { get; private set; }

    public Department Department { get; private set; }

    public DateOnly DueDate { get; private set; }

    public InitiativeStatus Status { get; private set; }

    public PlanObjectiveId? ObjectiveId { get; private set; }

    public Money? Budget { get; private set; }

    public decimal? PersonDays { get; private set; }

    /// <summary>The day it was marked Done; null while it is not.</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The day the overdue reminder last went out (the weekly job's marker: once per initiative per week).</summary>
    public DateOnly? OverdueNotifiedOn { get; private set; }

    /// <summary>Overdue: not done, and its due date has passed (<paramref name="today"/> in the business's calendar).</summary>
    public bool IsOverdue(DateOnly today) => Status != InitiativeStatus.Done && DueDate < today;

    internal void Apply(InitiativeInput input, int position, PlanObjectiveId? objectiveId, DateOnly today)
    {
        Position = position;
        Title = input.Title.Trim();
        OwnerId = input.OwnerId;
        Department = input.Department;
        DueDate = input.DueDate;
        ObjectiveId = objectiveId;
        Budget = input.Budget;
        PersonDays = input.PersonDays;
        SetStatus(input.Status, today);
    }

    /// <summary>Moves the initiative; becoming Done records the day, leaving Done forgets it.</summary>
    internal void SetStatus(InitiativeStatus status, DateOnly today)
    {
        if (status == InitiativeStatus.Done)
        {
            CompletedOn ??= today;
        }
        else
        {
            CompletedOn = null;
        }

        Status = status;
    }

    internal void MarkOverdueNotified(DateOnly today) => OverdueNotifiedOn = today;

    internal PlanInitiative CopyTo(DevelopmentPlanId planId, PlanObjectiveId? objectiveId) => new()
    {
        Id = PlanInitiativeId.New(),
        PlanId = planId,
        Key = Key,
        Position = Position,
        Title = Title,
        OwnerId = OwnerId,
        Department = Department,
        DueDate = DueDate,
        Status = Status,
        ObjectiveId = objectiveId,
        Budget = Budget is null ? null : Budget with { }, // owned: one instance per row
        PersonDays = PersonDays,
        CompletedOn = CompletedOn,
    };
}
