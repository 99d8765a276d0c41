namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// Which calendar day it is for development plans. Plan dates (start, end, due dates, reviews) are days on the
/// customers' calendar, China Standard Time (UTC+8, no daylight saving): a plan ending on 31 December covers that day
/// until midnight in Beijing (16:00 UTC), not until midnight UTC. Every reader that asks "today" for plans asks here.
/// </summary>
public static class PlanDay
{
    /// <summary>The offset of China Standard Time (the business calendar's, <see cref="Common.BusinessDay"/>).</summary>
    public static readonly TimeSpan Offset = Common.BusinessDay.Offset;

    /// <summary>The plan calendar's day at <paramref name="now"/>: the business day.</summary>
    public static DateOnly Today(DateTimeOffset now) => Common.BusinessDay.Today(now);
}
