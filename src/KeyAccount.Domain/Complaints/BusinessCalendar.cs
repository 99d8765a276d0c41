using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

/// <summary>Working hours of one weekday, in the calendar's time zone (local wall-clock time).</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>
/// When SLA time runs (design §1.5): working days and hours, holidays, in one time zone. Time outside them never
/// counts. The default is 24×7 in UTC. Local times are mapped to instants with the zone's rules, so a working day
/// across a daylight-saving change is an hour shorter or longer, as the wall clock says.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>No search runs further than this: a calendar must have working time within any 10 years.</summary>
    private const int MaxDays = 3660;

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessCalendar(string timeZoneId, TimeZoneInfo zone, IReadOnlyList<WorkingHours> hours, IEnumerable<DateOnly> holidays, bool alwaysOpen)
    {
        TimeZoneId = timeZoneId;
        _zone = zone;
        Hours = hours;
        _holidays = [.. holidays];
        AlwaysOpen = alwaysOpen;
    }

    public static BusinessCalendar TwentyFourSeven { get; } = new("UTC", TimeZoneInfo.Utc, [], [], alwaysOpen: true);

    public string TimeZoneId { get; }

    public IReadOnlyList<WorkingHours> Hours { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>True for the 24×7 calendar: every instant is working time.</summary>
    public bool AlwaysOpen { get; }

    public static BusinessCalendar Create(string timeZoneId, IReadOnlyList<WorkingHours> hours, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(holidays);
        var zone = FindZone(timeZoneId);
        Check(new CalendarZoneMustBeKnown(timeZoneId, zone));
        Check(new WorkingHoursMustBeWholeMinutes(hours));
        Check(new WorkingHoursMustEndAfterTheyStart(hours));
        Check(new WorkingHoursMustNotOverlap(hours));
        Check(new CalendarMustHaveWorkingTime(hours));
        return new BusinessCalendar(timeZoneId, zone!, [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Start)], holidays, alwaysOpen: false);
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (AlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in IntervalsFrom(from))
        {
            if (start >= to)
            {
                break;
            }

            var s = start < from ? from : start;
            var e = end > to ? to : end;
            if (e > s)
            {
                total += e - s;
            }
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }

        if (AlwaysOpen)
        {
            return from + amount;
        }

        var remaining = amount;
        foreach (var (start, end) in IntervalsFrom(from))
        {
            var s = start < from ? from : start;
            if (end <= s)
            {
                continue;
            }

            if (end - s >= remaining)
            {
                return s + remaining;
            }

            remaining -= end - s;
        }

        throw new InvalidOperationException("The calendar has no working time within ten years.");
    }

    /// <summary>Working intervals (UTC instants) in order, from the local day of <paramref name="from"/> on.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> IntervalsFrom(DateTimeOffset from)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var h in Hours)
            {
                if (h.Day != day.DayOfWeek)
                {
                    continue;
                }

                var start = ToInstant(day, h.Start);
                // 24:00 is written as 00:00 of the next day.
                var end = h.End == TimeOnly.MinValue ? ToInstant(day.AddDays(1), TimeOnly.MinValue) : ToInstant(day, h.End);
                yield return (start, end);
            }
        }
    }

    /// <summary>
    /// A local wall-clock time as an instant. A time skipped by a spring-forward change is moved past the gap; a
    /// time that occurs twice (autumn) is taken at its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
