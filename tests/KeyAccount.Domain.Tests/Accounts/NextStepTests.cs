using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Accounts;

/// <summary>A next step's place in the day (the Beijing business day) and marking it done, at the edges.</summary>
public class NextStepTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static Interaction Log(string? step, DateOnly? due, DateTimeOffset now) =>
        Account.Create(AccountTests.Profile(), UserId.New(), now)
            .LogInteraction(new InteractionDetails(InteractionType.Call, now, "电话", [], step, due), UserId.New(), now);

    [Test]
    public void BusinessDay_JustAfterMidnightInBeijing_IsTheNextDayWhileUtcIsStillTheDayBefore()
    {
        var halfPastMidnight = new DateTimeOffset(2026, 12, 3, 0, 30, 0, Beijing); // 2 December 16:30 UTC
        Assert.Multiple(() =>
        {
            Assert.That(BusinessDay.Today(halfPastMidnight), Is.EqualTo(new DateOnly(2026, 12, 3)));
            Assert.That(BusinessDay.Today(halfPastMidnight.AddMinutes(-31)), Is.EqualTo(new DateOnly(2026, 12, 2)));
            Assert.That(BusinessDay.Today(halfPastMidnight.ToUniversalTime()), Is.EqualTo(new DateOnly(2026, 12, 3)));
        });
    }

    [TestCase(-1, DueStatus.Overdue)]
    [TestCase(0, DueStatus.DueToday)]
    [TestCase(1, DueStatus.DueThisWeek)]
    [TestCase(7, DueStatus.DueThisWeek)]
    [TestCase(8, DueStatus.Later)]
    public void DueWindow_Classify_ByDaysFromToday(int days, DueStatus expected)
    {
        var today = new DateOnly(2026, 12, 31);
        Assert.That(DueWindow.Classify(today.AddDays(days), today), Is.EqualTo(expected));
    }

    [Test]
    public void NextStepStatus_WhenDoneOrWithoutADate_IsNull()
    {
        var now = new DateTimeOffset(2026, 12, 3, 0, 30, 0, Beijing);
        var today = BusinessDay.Today(now);
        var open = Log("寄送样品", today.AddDays(-1), now);
        Assert.That(open.NextStepStatus(today), Is.EqualTo(DueStatus.Overdue));
        Assert.That(Log("寄送样品", null, now).NextStepStatus(today), Is.Null);
        open.CompleteNextStep(UserId.New(), now);
        Assert.That(open.NextStepStatus(today), Is.Null);
    }

    [Test]
    public void CompleteNextStep_Twice_KeepsTheFirstCompletion()
    {
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, 123, Beijing).AddTicks(4567);
        var interaction = Log("确认报价", new DateOnly(2026, 12, 3), now);
        var first = UserId.New();
        Assert.That(interaction.CompleteNextStep(first, now), Is.True);
        Assert.That(interaction.CompleteNextStep(UserId.New(), now.AddHours(1)), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(interaction.NextStepDoneBy, Is.EqualTo(first));
            // Whole microseconds, as PostgreSQL keeps them: a later read answers the same instant.
            Assert.That(interaction.NextStepDoneAt, Is.EqualTo(now.AddTicks(-7)));
        });
    }

    [Test]
    public void CompleteNextStep_WithoutANextStep_BreaksInteractionHasNoNextStepRule()
    {
        var interaction = Log(null, null, DateTimeOffset.UtcNow);
        var ex = Assert.Throws<BusinessRuleViolationException>(() => interaction.CompleteNextStep(UserId.New(), DateTimeOffset.UtcNow));
        Assert.That(ex!.Rule, Is.TypeOf<InteractionHasNoNextStepRule>());
    }
}
