namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// A goal of the plan with its measure. <see cref="Key"/> stays the same across the plan's versions (the diff of a new
/// version against the approved baseline matches objectives by it); <see cref="Id"/> is this version's row.
/// </summary>
public sealed class PlanObjective
{
    private PlanObjective()
    {
    }

    internal PlanObjective(DevelopmentPlanId planId, Guid key, int position, string title, Measure measure, DateOnly dueDate)
    {
        Id = PlanObjectiveId.New();
        PlanId = planId;
        Key = key;
        Position = position;
        Title = title;
        Measure = measure;
        DueDate = dueDate;
    }

    public PlanObjectiveId Id { get; private set; }

    public DevelopmentPlanId PlanId { get; private set; }

    /// <summary>The objective's identity across the plan's versions.</summary>
    public Guid Key { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public Measure Measure { get; private set; } = null!;

    public DateOnly DueDate { get; private set; }

    /// <summary>The measure's actual value: typed in for a manual measure, computed by KeyAccount for a metric.</summary>
    public decimal? Actual { get; private set; }

    public DateTimeOffset? ActualAt { get; private set; }

    /// <summary>Progress towards the target, 0–100 (<see cref="PlanProgress.OfObjective"/>), stored with the actual value.</summary>
    public decimal? Progress { get; private set; }

    internal void Redefine(int position, string title, Measure measure, DateOnly dueDate)
    {
        Position = position;
        Title = title;
        if (measure.IsComputed && Measure?.Source != measure.Source)
        {
            // Another source: the value computed for the old one (or typed in) means nothing for the new one.
            Actual = null;
            ActualAt = null;
        }

        Measure = measure;
        DueDate = dueDate;

        Progress = PlanProgress.OfObjective(Measure, Actual);
    }

    internal void SetActual(decimal? value, DateTimeOffset? at)
    {
        Actual = value;
        ActualAt = value is null ? null : at;
        Progress = PlanProgress.OfObjective(Measure, Actual);
    }

    internal PlanObjective CopyTo(DevelopmentPlanId planId)
    {
        // A copy of the measure, not the same instance: an owned value belongs to one row (EF refuses a shared one).
        var copy = new PlanObjective(planId, Key, Position, Title, Measure with { }, DueDate) { Actual = Actual, ActualAt = ActualAt };
        copy.Progress = PlanProgress.OfObjective(copy.Measure, copy.Actual);
        return copy;
    }
}
