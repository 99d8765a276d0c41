namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// The one home of plan progress (design §1.3): an objective's progress from its measure, direction-aware and capped,
/// the plan's as the mean, and the progress expected by a day (for plan-vs-actual). The aggregate stores what these
/// compute; the metric refresh calls the same functions over bulk facts; readers read the stored columns.
/// </summary>
public static class PlanProgress
{
    /// <summary>
    /// How far the actual value has come from the baseline towards the target, in percent, 0 to 100 with one decimal:
    /// (actual − baseline) / (target − baseline). The sign of the denominator carries the direction (a lower-is-better
    /// target lies below its baseline), so moving the wrong way is 0 and overshooting is 100. Null when there is no
    /// actual value yet.
    /// </summary>
    public static decimal? OfObjective(Measure measure, decimal? actual)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (actual is not { } value || measure.Target == measure.Baseline)
        {
            return null;
        }

        var share = (value - measure.Baseline) / (measure.Target - measure.Baseline);
        return Math.Round(Math.Clamp(share, 0m, 1m) * 100m, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The plan's progress: the mean of its objectives' progress, an objective without an actual value counting 0
    /// (nothing measured is nothing achieved); null when the plan has no objective.
    /// </summary>
    public static decimal? OfPlan(IReadOnlyCollection<decimal?> objectiveProgress)
    {
        ArgumentNullException.ThrowIfNull(objectiveProgress);
        if (objectiveProgress.Count == 0)
        {
            return null;
        }

        return Math.Round(objectiveProgress.Sum(p => p ?? 0m) / objectiveProgress.Count, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The progress the plan expected of an objective by <paramref name="today"/>: a straight line from 0 at the plan's
    /// start to 100 at the objective's due date, in percent with one decimal (the plan-vs-actual line).
    /// </summary>
    public static decimal Expected(DateOnly start, DateOnly due, DateOnly today)
    {
        if (today <= start)
        {
            return 0m;
        }

        if (today >= due || due <= start)
        {
            return 100m;
        }

        var share = (decimal)(today.DayNumber - start.DayNumber) / (due.DayNumber - start.DayNumber);
        return Math.Round(share * 100m, 1, MidpointRounding.AwayFromZero);
    }
}
