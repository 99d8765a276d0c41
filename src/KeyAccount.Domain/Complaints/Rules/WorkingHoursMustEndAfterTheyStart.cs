using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("working-hours-end-before-start")]
public sealed class WorkingHoursMustEndAfterTheyStart(IReadOnlyList<WorkingHours> hours) : IBusinessRule
{
    public bool IsBroken() => hours.Any(h => h.End != TimeOnly.MinValue && h.End <= h.Start);

    public string Message => "Working hours must end after they start (write midnight as 00:00 for the end of the day).";

    public string? Field => "hours";
}
