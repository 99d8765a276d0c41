using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;

namespace KeyAccount.Domain.Tests.Complaints;

public class SlaClockTests
{
    private static readonly WorkingHours[] Weekdays9To18 =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];

    private static BusinessCalendar Shanghai(params DateOnly[] holidays) => BusinessCalendar.Create("Asia/Shanghai", Weekdays9To18, holidays);

    /// <summary>Local time in Shanghai (UTC+8, no DST).</summary>
    private static DateTimeOffset Cst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Test]
    public void DueAt_WhenReceivedOnAFridayEvening_CountsFromMondayMorning()
    {
        // Friday 27 Nov 19:00: nothing counts until Monday 09:00; 24 working hours = Mon 9 h + Tue 9 h + Wed 6 h.
        var due = SlaClock.DueAt(Shanghai(), Cst(11, 27, 19), [], Day);
        Assert.That(due, Is.EqualTo(Cst(12, 2, 15)));
    }

    [Test]
    public void DueAt_WithAHolidayInTheMiddle_SkipsTheHoliday()
    {
        var due = SlaClock.DueAt(Shanghai(new DateOnly(2026, 12, 1)), Cst(11, 27, 19), [], Day);
        Assert.That(due, Is.EqualTo(Cst(12, 3, 15)));
    }

    [Test]
    public void Elapsed_OverAWeekend_IsOnlyTheWorkingHours()
    {
        var elapsed = SlaClock.Elapsed(Shanghai(), Cst(11, 27, 17), [], Cst(11, 30, 10));
        Assert.That(elapsed, Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void Elapsed_WithAPauseAcrossMidnight_LeavesThePausedHoursOut()
    {
        var received = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        SlaPause[] pauses = [new(received.AddHours(12), received.AddHours(16))];
        Assert.Multiple(() =>
        {
            Assert.That(SlaClock.Elapsed(BusinessCalendar.TwentyFourSeven, received, pauses, received.AddHours(24)), Is.EqualTo(TimeSpan.FromHours(20)));
            Assert.That(SlaClock.DueAt(BusinessCalendar.TwentyFourSeven, received, pauses, Day), Is.EqualTo(received.AddHours(28)));
        });
    }

    [Test]
    public void DueAt_WhileAPauseIsOpen_IsNull_AndElapsedStandsStill()
    {
        var received = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        SlaPause[] pauses = [new(received.AddHours(2), null)];
        Assert.Multiple(() =>
        {
            Assert.That(SlaClock.DueAt(BusinessCalendar.TwentyFourSeven, received, pauses, Day), Is.Null);
            Assert.That(SlaClock.Elapsed(BusinessCalendar.TwentyFourSeven, received, pauses, received.AddDays(5)), Is.EqualTo(TimeSpan.FromHours(2)));
        });
    }

    [Test]
    public void WorkingTime_OnTheDayDaylightSavingEnds_Counts25Hours()
    {
        // Europe/Berlin, open around the clock: on Sunday 25 October 2026 the clocks go back, the local day lasts 25 hours.
        var allDay = Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeOnly.MinValue, TimeOnly.MinValue)).ToArray();
        var berlin = BusinessCalendar.Create("Europe/Berlin", allDay, []);
        var saturdayNoon = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.FromHours(2));
        var sundayNoon = new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(berlin.WorkingTimeBetween(saturdayNoon, sundayNoon), Is.EqualTo(TimeSpan.FromHours(25)));
            Assert.That(berlin.AddWorkingTime(saturdayNoon, Day), Is.EqualTo(saturdayNoon.AddHours(24)));
        });
    }

    [Test]
    public void WorkingHours_AcrossTheSpringForwardGap_StartAfterTheGap()
    {
        // Sunday 29 March 2026 in Berlin: 02:00–03:00 local does not exist; hours 02:30–04:00 hold 1 hour of working time.
        var berlin = BusinessCalendar.Create("Europe/Berlin", [new WorkingHours(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(4, 0))], []);
        var from = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.That(berlin.WorkingTimeBetween(from, from.AddHours(6)), Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void DueAt_AtRiskShare_Is80PercentOfTheTarget()
    {
        var received = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        Assert.That(SlaClock.DueAt(BusinessCalendar.TwentyFourSeven, received, [], Day, SlaClock.AtRiskShare), Is.EqualTo(received.AddMinutes((19 * 60) + 12)));
    }

    [Test]
    public void Create_WithOverlappingHours_BreaksTheRuleOnHours()
    {
        var rule = Assert.Throws<BusinessRuleViolationException>(() => BusinessCalendar.Create("Asia/Shanghai",
            [new WorkingHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(13, 0)), new WorkingHours(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(18, 0))], []))!.Rule;
        Assert.That((rule.GetType().Name, rule.Field), Is.EqualTo((nameof(WorkingHoursMustNotOverlap), "hours")));
    }

    [Test]
    public void Create_WithAnUnknownZone_BreaksTheRuleOnTimeZone()
    {
        var rule = Assert.Throws<BusinessRuleViolationException>(() => BusinessCalendar.Create("Mars/Olympus", Weekdays9To18, []))!.Rule;
        Assert.That(rule.Field, Is.EqualTo("timeZone"));
    }

    [Test]
    public void SlaTargets_WithResolutionShorterThanFirstResponse_BreaksTheRule()
    {
        var rule = Assert.Throws<BusinessRuleViolationException>(() => SlaTargets.Create(TimeSpan.FromHours(8), TimeSpan.FromHours(4)))!.Rule;
        Assert.That(rule.Field, Is.EqualTo("resolutionHours"));
    }

    [Test]
    public void Create_WhenAPeriodIsNotWholeMinutes_BreaksWorkingHoursMustBeWholeMinutes()
    {
        var odd = new WorkingHours(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(TimeSpan.FromHours(9).Ticks + 1_234_567));
        var e = Assert.Throws<BusinessRuleViolationException>(() => BusinessCalendar.Create("Asia/Shanghai", [.. Weekdays9To18, odd], []));
        Assert.That(e!.Rule, Is.InstanceOf<WorkingHoursMustBeWholeMinutes>());
    }

    [TestCase(59, true)]
    [TestCase(60, false)]
    public void Create_WithLessThanAnHourAWeek_BreaksCalendarMustHaveWorkingTime(int minutes, bool broken)
    {
        WorkingHours[] hours = [new WorkingHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(9, 0).AddMinutes(minutes))];
        Assert.That(new CalendarMustHaveWorkingTime(hours).IsBroken(), Is.EqualTo(broken));
        if (!broken)
        {
            // An hour a week is enough for any target to come due.
            var calendar = BusinessCalendar.Create("Asia/Shanghai", hours, []);
            Assert.That(SlaClock.DueAt(calendar, Cst(11, 27, 19), [], TimeSpan.FromHours(10)), Is.GreaterThan(Cst(11, 27, 19)));
        }
    }

    [Test]
    public void CalendarMustHaveWorkingTime_CountsAPeriodEndingAtMidnightAsRunningToTheEndOfTheDay() =>
        Assert.That(new CalendarMustHaveWorkingTime([new WorkingHours(DayOfWeek.Monday, new TimeOnly(23, 30), TimeOnly.MinValue)]).IsBroken(), Is.True);
}

public class SlaPolicyTests
{
    [TestCase(Domain.Accounts.Tier.Strategic, Severity.Critical, 2, 24)]
    [TestCase(Domain.Accounts.Tier.Strategic, Severity.High, 3, 36)]
    [TestCase(Domain.Accounts.Tier.Standard, Severity.Low, 24, 168)]
    [TestCase(Domain.Accounts.Tier.Standard, Severity.Medium, 24, 168)]
    [TestCase(Domain.Accounts.Tier.Growth, Severity.Critical, 12, 60)]
    public void For_TheDefaultProgramme_GivesTheDesignsTargets(Domain.Accounts.Tier tier, Severity severity, double firstResponseHours, double resolutionHours)
    {
        var targets = SlaPolicy.Default.TargetsFor(Domain.Tiering.TierPolicy.DefaultProgramme.Single(l => l.Tier == tier), severity);
        Assert.That((targets.FirstResponse.TotalHours, targets.Resolution.TotalHours), Is.EqualTo((firstResponseHours, resolutionHours)));
    }
}

public class SlaPolicyCreateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_WhenAScaleMakesAResolutionShorterThanItsFirstResponse_BreaksTheRule()
    {
        // Strategic: 4 h first response, 48 h resolution; 1000 % of 4 h = 40 h > 5 % of 48 h = 2.4 h.
        SeverityScale[] scales = [new(Severity.Critical, 500, 5), new(Severity.High, 75, 75), new(Severity.Medium, 100, 100), new(Severity.Low, 100, 100)];
        Assert.Throws<BusinessRuleViolationException>(() => SlaPolicy.Create(1, scales, BusinessCalendar.TwentyFourSeven, Domain.Tiering.TierPolicy.DefaultProgramme, null, Now));
    }

    [Test]
    public void Create_WithoutEverySeverity_BreaksTheRuleOnSeverities()
    {
        var rule = Assert.Throws<BusinessRuleViolationException>(() =>
            SlaPolicy.Create(1, [new(Severity.Critical, 50, 50)], BusinessCalendar.TwentyFourSeven, Domain.Tiering.TierPolicy.DefaultProgramme, null, Now))!.Rule;
        Assert.That(rule.Field, Is.EqualTo("severities"));
    }

    [Test]
    public void TargetsFor_ScalesTheTiersTargets()
    {
        SeverityScale[] scales = [new(Severity.Critical, 25, 50), new(Severity.High, 50, 75), new(Severity.Medium, 100, 100), new(Severity.Low, 200, 200)];
        var policy = SlaPolicy.Create(1, scales, BusinessCalendar.TwentyFourSeven, Domain.Tiering.TierPolicy.DefaultProgramme, null, Now);
        var targets = policy.TargetsFor(Domain.Tiering.TierPolicy.DefaultProgramme[0], Severity.Critical);
        Assert.That((targets.FirstResponse, targets.Resolution), Is.EqualTo((TimeSpan.FromHours(1), TimeSpan.FromHours(24))));
    }

}
