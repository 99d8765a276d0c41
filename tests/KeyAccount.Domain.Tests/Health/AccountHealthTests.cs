using KeyAccount.Domain.Health;

namespace KeyAccount.Domain.Tests.Health;

public class AccountHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static HealthFacts Facts(
        int? cadence = 30,
        int? daysSinceContact = 10,
        int? nps = null,
        int? open = null,
        int? breaches = null,
        decimal ttm = 1_000_000m,
        decimal previous = 1_000_000m,
        int accountAgeDays = 1000) =>
        new(cadence, daysSinceContact is { } d ? Now.AddDays(-d) : null, Now.AddDays(-accountAgeDays), nps, open, breaches, ttm, previous);

    private static HealthComponentScore Component(AccountHealth h, HealthComponent c) => h.Components.Single(x => x.Component == c);

    [Test]
    public void Assess_WhenEverySignalIsGood_IsGreenWithoutWarnings()
    {
        var health = AccountHealth.Assess(Facts(nps: 60, open: 0, breaches: 0, ttm: 1_200_000m), Now);
        Assert.Multiple(() =>
        {
            Assert.That(health.Band, Is.EqualTo(HealthBand.Green));
            Assert.That(health.Warnings, Is.Empty);
            Assert.That(Component(health, HealthComponent.Satisfaction).Score, Is.EqualTo(80));
            Assert.That(Component(health, HealthComponent.CommercialTrend).Score, Is.EqualTo(100));
        });
    }

    [Test]
    public void Assess_WithoutSurveyAnswersOrComplaints_LeavesThoseSignalsOutOfTheMean()
    {
        // Engagement 100 and a flat trend 70 only: (100×30 + 70×20) / 50 = 88. Unknown signals neither lift nor drag.
        var health = AccountHealth.Assess(Facts(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(Component(health, HealthComponent.Satisfaction).Score, Is.Null);
            Assert.That(Component(health, HealthComponent.Service).Score, Is.Null);
            Assert.That(health.Score, Is.EqualTo(88));
            Assert.That(health.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Assess_WhenNothingIsKnown_IsTheNeutral50()
    {
        var health = AccountHealth.Assess(Facts(cadence: null, ttm: 0, previous: 0), Now);
        Assert.Multiple(() =>
        {
            Assert.That(health.Score, Is.EqualTo(AccountHealth.Neutral));
            Assert.That(health.Band, Is.EqualTo(HealthBand.Amber));
        });
    }

    [TestCase(30, 100)]
    [TestCase(31, 48)]
    [TestCase(45, 25)]
    [TestCase(60, 0)]
    [TestCase(400, 0)]
    public void Assess_EngagementAgainstA30DayCadence_FallsFromTheDayAfterTheCadence(int days, int expected)
    {
        var health = AccountHealth.Assess(Facts(daysSinceContact: days), Now);
        Assert.That(Component(health, HealthComponent.Engagement).Score, Is.EqualTo(expected));
    }

    [Test]
    public void Assess_WhenOverdueForContact_WarnsWithTheDaysAndTheCadence()
    {
        var warning = AccountHealth.Assess(Facts(daysSinceContact: 47), Now).Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo("OverdueForContact"));
            Assert.That(warning.Figures["daysSinceContact"], Is.EqualTo(47));
            Assert.That(warning.Figures["cadenceDays"], Is.EqualTo(30));
            Assert.That(warning.Message, Does.Contain("47 days"));
        });
    }

    [Test]
    public void Assess_WhenNeverContacted_CountsTheCadenceFromTheAccountsCreation()
    {
        var young = AccountHealth.Assess(Facts(daysSinceContact: null, accountAgeDays: 20), Now);
        var old = AccountHealth.Assess(Facts(daysSinceContact: null, accountAgeDays: 90), Now);
        Assert.Multiple(() =>
        {
            Assert.That(Component(young, HealthComponent.Engagement).Score, Is.EqualTo(100));
            Assert.That(old.Warnings.Single().Code, Is.EqualTo("NeverContacted"));
        });
    }

    [Test]
    public void Assess_ForATierWithoutCadence_DoesNotJudgeEngagement()
    {
        var health = AccountHealth.Assess(Facts(cadence: null, daysSinceContact: 900), Now);
        Assert.That(Component(health, HealthComponent.Engagement).Score, Is.Null);
    }

    [TestCase(0.0, 70)]
    [TestCase(0.15, 100)]
    [TestCase(0.5, 100)]
    [TestCase(-0.05, 60)]
    [TestCase(-0.10, 50)]
    [TestCase(-0.35, 0)]
    [TestCase(-1.0, 0)]
    public void Assess_CommercialTrend_IsLinearInYearOnYearChange(double change, int expected)
    {
        var health = AccountHealth.Assess(Facts(ttm: 1_000_000m * (1m + (decimal)change), previous: 1_000_000m), Now);
        Assert.That(Component(health, HealthComponent.CommercialTrend).Score, Is.EqualTo(expected));
    }

    [Test]
    public void Assess_WhenRevenueFalls_WarnsWithThePercentage()
    {
        var warning = AccountHealth.Assess(Facts(ttm: 820_000m), Now).Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Code, Is.EqualTo("RevenueDecline"));
            Assert.That(warning.Figures["changePercent"], Is.EqualTo(-18.0m));
            Assert.That(warning.Message, Does.Contain("18.0%"));
        });
    }

    [Test]
    public void Assess_NewRevenueWithoutAPreviousYear_IsAGoodTrend()
    {
        var health = AccountHealth.Assess(Facts(ttm: 50_000m, previous: 0), Now);
        Assert.That(Component(health, HealthComponent.CommercialTrend).Score, Is.EqualTo(100));
    }

    [TestCase(19, 60, false)]
    [TestCase(18, 59, true)]
    [TestCase(-100, 0, true)]
    public void Assess_Satisfaction_MapsNpsLinearlyAndWarnsBelow60(int nps, int expected, bool warns)
    {
        var health = AccountHealth.Assess(Facts(nps: nps), Now);
        Assert.Multiple(() =>
        {
            Assert.That(Component(health, HealthComponent.Satisfaction).Score, Is.EqualTo(expected));
            Assert.That(health.Warnings.Any(w => w.Code == "LowSatisfaction"), Is.EqualTo(warns));
        });
    }

    [TestCase(0, 0, 100)]
    [TestCase(2, 0, 60)]
    [TestCase(1, 1, 50)]
    [TestCase(3, 2, 0)]
    public void Assess_Service_LosesPointsPerOpenComplaintAndBreach(int open, int breaches, int expected)
    {
        var health = AccountHealth.Assess(Facts(open: open, breaches: breaches), Now);
        Assert.That(Component(health, HealthComponent.Service).Score, Is.EqualTo(expected));
    }

    [TestCase(70, HealthBand.Green)]
    [TestCase(69, HealthBand.Amber)]
    [TestCase(40, HealthBand.Amber)]
    [TestCase(39, HealthBand.Red)]
    public void BandOf_AtTheBoundaries(int score, HealthBand band) => Assert.That(AccountHealth.BandOf(score), Is.EqualTo(band));

    [Test]
    public void Assess_WhenEverythingGoesWrong_IsRedWithAWarningPerSignal()
    {
        var health = AccountHealth.Assess(Facts(daysSinceContact: 75, nps: -40, open: 2, breaches: 1, ttm: 500_000m), Now);
        Assert.Multiple(() =>
        {
            Assert.That(health.Band, Is.EqualTo(HealthBand.Red));
            Assert.That(health.Warnings.Select(w => w.Component), Is.EquivalentTo(Enum.GetValues<HealthComponent>()));
        });
    }

    private static HealthFacts WithFollowUps(int? nps, int? open, int? breached) =>
        Facts(nps: nps) with { OpenSurveyFollowUps = open, BreachedSurveyFollowUps = breached };

    [TestCase(20, 0, 0, 60, false)]
    [TestCase(20, 1, 0, 50, true)]
    [TestCase(20, 1, 1, 35, true)]
    [TestCase(20, 2, 1, 25, true)]
    [TestCase(-100, 1, 0, 0, true)]
    [TestCase(100, 10, 10, 0, true)]
    [TestCase(100, 3, 5, 25, true)]
    public void Assess_OpenSurveyFollowUps_LowerSatisfactionAndBreachedOnesWeighMore(int nps, int open, int breached, int expected, bool warns)
    {
        // 100 NPS → 100 less 10 a follow-up and 15 more a breached one; breached beyond the open ones count as open (3, not 5).
        var health = AccountHealth.Assess(WithFollowUps(nps, open, breached), Now);
        Assert.Multiple(() =>
        {
            Assert.That(Component(health, HealthComponent.Satisfaction).Score, Is.EqualTo(expected));
            var warning = health.Warnings.SingleOrDefault(w => w.Code == "OpenSurveyFollowUps");
            Assert.That(warning is not null, Is.EqualTo(warns));
            if (warning is not null)
            {
                Assert.That(warning.Figures["openFollowUps"], Is.EqualTo(open));
                Assert.That(warning.Figures["breachedFollowUps"], Is.EqualTo(Math.Min(open, breached)));
                Assert.That(warning.Component, Is.EqualTo(HealthComponent.Satisfaction));
            }
        });
    }

    [Test]
    public void Assess_FollowUpsWithoutAnNps_StartFromNeutral_AndNoneWithoutAnNpsLeavesTheSignalOut()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Component(AccountHealth.Assess(WithFollowUps(null, 1, 0), Now), HealthComponent.Satisfaction).Score, Is.EqualTo(40));
            Assert.That(Component(AccountHealth.Assess(WithFollowUps(null, 0, 0), Now), HealthComponent.Satisfaction).Score, Is.Null);
            Assert.That(Component(AccountHealth.Assess(WithFollowUps(null, null, null), Now), HealthComponent.Satisfaction).Score, Is.Null);
        });
    }

    [Test]
    public void Assess_ALowNpsWithFollowUps_WarnsOfBoth_AndTheNpsWarningNamesTheNpsOnly()
    {
        var health = AccountHealth.Assess(WithFollowUps(-20, 1, 0), Now);
        Assert.Multiple(() =>
        {
            Assert.That(health.Warnings.Select(w => w.Code), Is.EquivalentTo(new[] { "LowSatisfaction", "OpenSurveyFollowUps" }));
            Assert.That(health.Warnings.Single(w => w.Code == "LowSatisfaction").Figures["nps"], Is.EqualTo(-20));
            Assert.That(Component(health, HealthComponent.Satisfaction).Score, Is.EqualTo(30));
        });
    }

    [Test]
    public void Assess_AGoodNpsWithoutFollowUps_DoesNotWarn_AtTheWarningEdge()
    {
        // NPS 20 → 60: exactly at the warning edge, no warning; one open follow-up takes it to 50 with a warning.
        Assert.That(AccountHealth.Assess(WithFollowUps(20, 0, 0), Now).Warnings, Is.Empty);
    }
}
