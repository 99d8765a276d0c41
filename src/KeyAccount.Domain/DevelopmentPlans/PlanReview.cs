using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// A review of an active plan (quarterly by default): a snapshot of each objective's progress against what was
/// expected by then, with a variance comment, and the decisions taken. Written once, never changed.
/// </summary>
public sealed class PlanReview
{
    private PlanReview()
    {
    }

    internal PlanReview(DevelopmentPlanId planId, int planVersion, DateOnly heldOn, UserId by, decimal? progress, IReadOnlyList<ReviewedObjective> objectives, string decisions, DateTimeOffset now)
    {
        Id = PlanReviewId.New();
        PlanId = planId;
        PlanVersion = planVersion;
        HeldOn = heldOn;
        By = by;
        Progress = progress;
        Objectives = [.. objectives];
        Decisions = decisions;
        CreatedAt = now;
    }

    public PlanReviewId Id { get; private set; }

    public DevelopmentPlanId PlanId { get; private set; }

    public int PlanVersion { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public UserId By { get; private set; }

    /// <summary>The plan's progress at the review.</summary>
    public decimal? Progress { get; private set; }

    public IReadOnlyList<ReviewedObjective> Objectives { get; private set; } = [];

    public string Decisions { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }
}
