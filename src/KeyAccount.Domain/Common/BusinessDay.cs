namespace KeyAccount.Domain.Common;

/// <summary>
/// Which calendar day it is for the business. Due dates that are days (a next step, an initiative, a plan's end, a
/// reminder) are days on the customers' calendar, China Standard Time (UTC+8, no daylight saving): a next step due on
/// 3 December is overdue from midnight in Beijing (16:00 UTC on the 3rd), not from midnight UTC. Every reader that asks
/// "today" for a day-dated rule asks here.
/// </summary>
public static class BusinessDay
{
    /// <summary>The offset of China Standard Time.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The business calendar's day at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);
}

/// <summary>Where a day-dated item stands against today (<see cref="DueWindow.Classify"/>).</summary>
public enum DueStatus
{
    /// <summary>Its day has passed and it is not done.</summary>
    Overdue,

    /// <summary>Due today.</summary>
    DueToday,

    /// <summary>Due within the coming week (tomorrow to <see cref="DueWindow.DaysAhead"/> days ahead).</summary>
    DueThisWeek,

    /// <summary>Due later than that.</summary>
    Later,
}

/// <summary>
/// The one rule of "due" for day-dated work (next steps, initiatives, reminders): overdue once its day has passed,
/// due today, due this week when within the next <see cref="DaysAhead"/> days. Worklists select up to
/// <see cref="Horizon"/> and classify each item here; set-based writers take the horizon as a parameter.
/// </summary>
public static class DueWindow
{
    /// <summary>How many days ahead "this week" reaches.</summary>
    public const int DaysAhead = 7;

    /// <summary>The last day that is still "this week" seen from <paramref name="today"/>.</summary>
    public static DateOnly Horizon(DateOnly today) => today.AddDays(DaysAhead);

    public static DueStatus Classify(DateOnly due, DateOnly today) =>
        due < today ? DueStatus.Overdue
        : due == today ? DueStatus.DueToday
        : due <= Horizon(today) ? DueStatus.DueThisWeek
        : DueStatus.Later;
}
