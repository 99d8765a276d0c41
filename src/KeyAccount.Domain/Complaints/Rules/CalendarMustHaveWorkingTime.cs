using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("calendar-without-working-time")]
public sealed class CalendarMustHaveWorkingTime(IReadOnlyList<WorkingHours> hours) : IBusinessRule
{
    /// <summary>Less than this a week leaves SLA clocks with nothing to count (they would never come due).</summary>
    public static readonly TimeSpan MinimumPerWeek = TimeSpan.FromHours(1);

    public bool IsBroken() =>
        hours.Sum(h => ((h.End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : h.End.ToTimeSpan()) - h.Start.ToTimeSpan()).Ticks) < MinimumPerWeek.Ticks;

    public string Message => "A business calendar needs at least an hour of working time a week (or use the 24×7 default).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["minimumHoursPerWeek"] = MinimumPerWeek.TotalHours };

    public string? Field => "hours";
}
