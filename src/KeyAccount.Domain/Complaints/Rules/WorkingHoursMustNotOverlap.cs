using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("working-hours-overlap")]
public sealed class WorkingHoursMustNotOverlap(IReadOnlyList<WorkingHours> hours) : IBusinessRule
{
    public bool IsBroken() => hours.GroupBy(h => h.Day).Any(day =>
    {
        var ordered = day.OrderBy(h => h.Start).ToList();
        return ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.End == TimeOnly.MinValue || pair.First.End > pair.Second.Start);
    });

    public string Message => "Working hours of the same day overlap.";

    public string? Field => "hours";
}
