using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.DevelopmentPlans;

public readonly record struct DevelopmentPlanId(Guid Value) : ITypedId<DevelopmentPlanId>
{
    public static DevelopmentPlanId New() => new(Guid.CreateVersion7());

    public static DevelopmentPlanId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public readonly record struct PlanObjectiveId(Guid Value) : ITypedId<PlanObjectiveId>
{
    public static PlanObjectiveId New() => new(Guid.CreateVersion7());

    public static PlanObjectiveId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public readonly record struct PlanInitiativeId(Guid Value) : ITypedId<PlanInitiativeId>
{
    public static PlanInitiativeId New() => new(Guid.CreateVersion7());

    public static PlanInitiativeId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

public readonly record struct PlanReviewId(Guid Value) : ITypedId<PlanReviewId>
{
    public static PlanReviewId New() => new(Guid.CreateVersion7());

    public static PlanReviewId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
