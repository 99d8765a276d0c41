using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

/// <summary>A complaint's SLA state: on time, at risk (a running clock used 80 % of its target), or breached (either target missed); defined once by <see cref="ComplaintSla.StateOf"/>.</summary>
public enum SlaState
{
    OnTime,
    AtRisk,
    Breached,
}

/// <summary>A first-response and a resolution target, in working time of the complaint's calendar.</summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan Resolution)
{
    /// <summary>The design's default for everything: first response within 24 hours.</summary>
    public static SlaTargets Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromHours(168));

    public static SlaTargets Create(TimeSpan firstResponse, TimeSpan resolution)
    {
        var rule = new ResolutionTargetMustNotBeShorterThanFirstResponse(firstResponse, resolution);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }

        return new SlaTargets(firstResponse, resolution);
    }
}

/// <summary>A span during which the clock stood still (awaiting the customer; resolved until reopened). Open while <see cref="To"/> is null.</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// SLA arithmetic (design §1.5): time counts only inside the calendar's working time and outside pauses. A target's
/// due instant is where the counted time reaches it; at 80 % it is at risk; at 100 % breached; at 200 % the second
/// escalation level is due.
/// </summary>
public static class SlaClock
{
    public const decimal AtRiskShare = 0.8m;

    /// <summary>Working time counted since <paramref name="received"/> up to <paramref name="until"/>, pauses excluded.</summary>
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTimeOffset received, IEnumerable<SlaPause> pauses, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        var paused = pauses.Aggregate(TimeSpan.Zero, (sum, p) =>
            sum + calendar.WorkingTimeBetween(p.From < received ? received : p.From, Min(p.To ?? until, until)));
        var elapsed = calendar.WorkingTimeBetween(received, until) - paused;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    /// <summary>
    /// When <paramref name="share"/> × <paramref name="target"/> of counted time will have passed, given the pauses so
    /// far; null while a pause is open (the clock stands still, so nothing is due).
    /// </summary>
    public static DateTimeOffset? DueAt(BusinessCalendar calendar, DateTimeOffset received, IReadOnlyCollection<SlaPause> pauses, TimeSpan target, decimal share = 1m)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        if (pauses.Any(p => p.To is null))
        {
            return null;
        }

        var paused = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + calendar.WorkingTimeBetween(p.From < received ? received : p.From, p.To!.Value));
        return calendar.AddWorkingTime(received, TimeSpan.FromTicks((long)(target.Ticks * share)) + paused);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
