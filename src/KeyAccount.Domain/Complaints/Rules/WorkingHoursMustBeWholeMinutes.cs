using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("working-hours-not-whole-minutes")]
public sealed class WorkingHoursMustBeWholeMinutes(IReadOnlyList<WorkingHours> hours) : IBusinessRule
{
    public bool IsBroken() => hours.Any(h => h.Start.Second != 0 || h.Start.Millisecond != 0 || h.Start.Ticks % TimeSpan.TicksPerMinute != 0 || h.End.Ticks % TimeSpan.TicksPerMinute != 0);

    public string Message => "Working hours start and end on whole minutes (09:00, 17:30).";

    public string? Field => "hours";
}
