using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Tiering;

// Percentile ranks (ties, a single account, accounts without the value) are gathered by the database: they are
// pinned on the production path, in tests/KeyAccount.Api.Tests/TieringRunTests.cs.
public class TierScoringTests
{
    private static ScoringFacts Facts(decimal revenue = 0, decimal? growth = null, decimal? margin = null, int? fit = null, decimal? potential = null, decimal years = 0, int? nps = null) =>
        new(revenue, growth, margin, fit, potential, years, nps);

    [Test]
    public void Normalise_PercentileRanksAreKeptAsTheyAre()
    {
        var n = TierScoring.Normalise(Facts(revenue: 12.5m, growth: 25m, margin: 75m, potential: 33.3333m, years: 100m));
        Assert.That((n.TrailingRevenue, n.RevenueGrowth, n.GrossMargin, n.PotentialValue, n.RelationshipLength), Is.EqualTo((12.5m, 25m, 75m, 33.3333m, 100m)));
    }

    [Test]
    public void Normalise_WhenACriterionHasNoValue_IsTheNeutral50()
    {
        var n = TierScoring.Normalise(Facts());
        Assert.That((n.RevenueGrowth, n.GrossMargin, n.StrategicFit, n.PotentialValue, n.Satisfaction), Is.EqualTo((50m, 50m, 50m, 50m, 50m)));
    }

    [Test]
    public void Normalise_WhenNoSurveyAnswers_SatisfactionIsNeutralOtherwiseLinear() =>
        Assert.That(new int?[] { null, -100, 100, 30, 31 }.Select(nps => TierScoring.Normalise(Facts(nps: nps)).Satisfaction), Is.EqualTo(new[] { 50m, 0m, 100m, 65m, 65.5m }));

    [Test]
    public void Normalise_StrategicFitIsLinearFromOneToFive() =>
        Assert.That(new int?[] { 1, 2, 3, 4, 5, null }.Select(fit => TierScoring.Normalise(Facts(fit: fit)).StrategicFit), Is.EqualTo(new[] { 0m, 25m, 50m, 75m, 100m, 50m }));

    [Test]
    public void Score_IsTheWeightedSumWithABreakdownPerCriterion()
    {
        var normalised = TierScoring.Normalise(Facts(revenue: 90m, fit: 3, nps: -33));
        var weights = new CriterionWeight[] { new(Criterion.TrailingRevenue, 50), new(Criterion.StrategicFit, 30), new(Criterion.Satisfaction, 20) };
        Assert.Multiple(() =>
        {
            Assert.That(TierScoring.Score(normalised, weights), Is.EqualTo(66.7m));
            Assert.That(TierScoring.Breakdown(normalised, weights).Select(b => (b.Criterion, b.Normalised, b.Weight, b.Contribution)), Is.EqualTo(new[]
            {
                (Criterion.TrailingRevenue, 90m, 50, 45m),
                (Criterion.StrategicFit, 50m, 30, 15m),
                (Criterion.Satisfaction, 33.5m, 20, 6.7m),
            }));
        });
    }

    [Test]
    public void Score_WhenAContributionIsHalfwayAtTheFifthPlace_RoundsItAwayFromZeroLikeTheDatabase()
    {
        // 10 × 12.3445 / 100 = 1.23445: half to even would make it 1.2344, PostgreSQL's round() makes it 1.2345.
        var normalised = TierScoring.Normalise(Facts(revenue: 12.3445m));
        Assert.Multiple(() =>
        {
            Assert.That(TierScoring.Contribution(10, 12.3445m), Is.EqualTo(1.2345m));
            Assert.That(TierScoring.Score(normalised, [new(Criterion.TrailingRevenue, 10), new(Criterion.StrategicFit, 90)]), Is.EqualTo(46.23m), "1.2345 + 45, to 2 places");
            Assert.That(TierScoring.Score(TierScoring.Normalise(Facts(revenue: 0.125m)), [new(Criterion.TrailingRevenue, 100)]), Is.EqualTo(0.13m), "0.125 rounds up to 0.13");
        });
    }
}

public class TierDecisionTests
{
    private static readonly DateOnly RunDate = new(2026, 11, 23);

    // Trailing revenue alone carries the weight, so a candidate's revenue rank is its score.
    private static readonly IReadOnlyList<CriterionWeight> ScoreIsRevenueRank = [new(Criterion.TrailingRevenue, 100)];

    private static readonly TierPolicy Policy = Capped(null);

    private static TierPolicy Capped(int? cap) =>
        TierPolicy.CreateDraft(1, "Test", TierPolicyTerms.Default with { Criteria = ScoreIsRevenueRank, StrategicCap = cap }, DateTimeOffset.UnixEpoch);

    private static TierCandidate C(decimal score, Tier? previous = null, Tier? pinned = null, string registration = "A", DateOnly? pinnedUntil = null) =>
        new(AccountId.New(), registration, previous ?? Tier.Standard, previous is not null,
            pinned is { } p ? new TierOverride(p, "Reason", pinnedUntil ?? RunDate.AddDays(30), new UserId(Guid.NewGuid()), DateTimeOffset.UnixEpoch) : null,
            new ScoringFacts(score, null, null, null, null, 0, null));

    [TestCase(80, Tier.Strategic)]
    [TestCase(79.99, Tier.Key)]
    [TestCase(60, Tier.Key)]
    [TestCase(40, Tier.Growth)]
    [TestCase(39.99, Tier.Standard)]
    public void ByCutoffs_AtAndJustBelowEachCutoff(decimal score, Tier expected) =>
        Assert.That(TierDecision.ByCutoffs(score, TierCutoffs.Default), Is.EqualTo(expected));

    [TestCase(75.00, Tier.Strategic)]
    [TestCase(74.99, Tier.Key)]
    [TestCase(45.00, Tier.Growth)]
    [TestCase(30.00, Tier.Standard)]
    public void WithHysteresis_DemotesOnlyBelowTheCutoffMinusTheMargin(decimal score, Tier expected) =>
        Assert.That(TierDecision.WithHysteresis(score, Tier.Strategic, TierCutoffs.Default, 5m), Is.EqualTo(expected));

    [Test]
    public void WithHysteresis_PromotionNeedsTheCutoffItself()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TierDecision.WithHysteresis(79.99m, Tier.Key, TierCutoffs.Default, 5m), Is.EqualTo(Tier.Key));
            Assert.That(TierDecision.WithHysteresis(80m, Tier.Key, TierCutoffs.Default, 5m), Is.EqualTo(Tier.Strategic));
        });
    }

    [Test]
    public void Decide_RecordsWhyEachAccountHasItsTier()
    {
        var outcomes = TierDecision.Decide([C(10), C(85, Tier.Key), C(50, Tier.Key), C(57, Tier.Key), C(10, Tier.Growth, pinned: Tier.Strategic)], Policy, RunDate);
        Assert.That(outcomes.Select(o => (o.PreviousTier, o.NewTier, o.Reason)), Is.EqualTo(new (Tier?, Tier, TierChangeReason)[]
        {
            (null, Tier.Standard, TierChangeReason.Initial),
            (Tier.Key, Tier.Strategic, TierChangeReason.Promoted),
            (Tier.Key, Tier.Growth, TierChangeReason.Demoted),
            (Tier.Key, Tier.Key, TierChangeReason.Unchanged),
            (Tier.Growth, Tier.Strategic, TierChangeReason.Override),
        }));
    }

    [Test]
    public void Decide_InAnAccountsFirstRun_SaysPromotedOrDemotedAgainstTheTierItWasGiven_AndInitialOnlyWhenItStays()
    {
        TierCandidate FirstRun(decimal score, Tier given) => new(AccountId.New(), "A", given, false, null, new ScoringFacts(score, null, null, null, null, 0, null));
        var outcomes = TierDecision.Decide([FirstRun(60, Tier.Strategic), FirstRun(85, Tier.Standard), FirstRun(60, Tier.Key)], Policy, RunDate);
        Assert.That(outcomes.Select(o => (o.PreviousTier, o.NewTier, o.Reason)), Is.EqualTo(new (Tier?, Tier, TierChangeReason)[]
        {
            (null, Tier.Key, TierChangeReason.Demoted),
            (null, Tier.Strategic, TierChangeReason.Promoted),
            (null, Tier.Key, TierChangeReason.Initial),
        }));
    }

    [TestCase(60, 48, false)] // exactly 20 % lost
    [TestCase(60, 47, true)]
    [TestCase(60, 72, false)] // exactly 20 % gained
    [TestCase(60, 73, true)]
    [TestCase(60, 1, true)]
    [TestCase(0, 0, false)]
    [TestCase(0, 1, true)]
    public void TierShifts_FlagATierThatLosesOrGainsMoreThanTheLimit(int before, int after, bool over)
    {
        var shift = TierShifts.Compare(new Dictionary<Tier, int> { [Tier.Strategic] = before }, new Dictionary<Tier, int> { [Tier.Strategic] = after }, TierShifts.DefaultLimitPercent)
            .Single(s => s.Tier == Tier.Strategic);
        Assert.Multiple(() =>
        {
            Assert.That(shift.OverLimit, Is.EqualTo(over));
            Assert.That(shift.ChangePercent, Is.EqualTo(before == 0 ? null : Math.Round((after - before) * 100m / before, 1, MidpointRounding.AwayFromZero)));
        });
    }

    [Test]
    public void Publishing_a_shift_over_the_limit_needs_an_acknowledgement()
    {
        var shifts = TierShifts.Compare(new Dictionary<Tier, int> { [Tier.Strategic] = 60, [Tier.Key] = 100 }, new Dictionary<Tier, int> { [Tier.Strategic] = 1, [Tier.Key] = 159 }, 20m);
        var rule = new TierShiftMustBeAcknowledged(shifts, 20m, acknowledged: false);
        Assert.Multiple(() =>
        {
            Assert.That(rule.IsBroken(), Is.True);
            Assert.That(rule.Args["tiers"], Is.EqualTo("Strategic 60 → 1, Key 100 → 159"));
            Assert.That(new TierShiftMustBeAcknowledged(shifts, 20m, acknowledged: true).IsBroken(), Is.False);
        });
    }

    [Test]
    public void Decide_WhenTheOverrideExpiresOnTheRunDate_DecidesTheAccountLikeAnyOther()
    {
        var outcomes = TierDecision.Decide([C(10, Tier.Growth, pinned: Tier.Strategic, pinnedUntil: RunDate), C(10, Tier.Growth, pinned: Tier.Strategic, pinnedUntil: RunDate.AddDays(1))], Policy, RunDate);
        Assert.That(outcomes.Select(o => (o.NewTier, o.Reason)), Is.EqualTo(new[] { (Tier.Standard, TierChangeReason.Demoted), (Tier.Strategic, TierChangeReason.Override) }));
    }

    [Test]
    public void Decide_OverCap_TheLowestScoresFallToKey()
    {
        var outcomes = TierDecision.Decide([C(90), C(95), C(82), C(99)], Capped(2), RunDate);
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Key, Tier.Strategic, Tier.Key, Tier.Strategic }));
    }

    [Test]
    public void Decide_OverCapWithEqualScores_TheLowerRegistrationNumberStays()
    {
        var outcomes = TierDecision.Decide([C(90, registration: "B"), C(90, registration: "A"), C(90, registration: "C")], Capped(1), RunDate);
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Key, Tier.Strategic, Tier.Key }));
    }

    [Test]
    public void Decide_PinnedStrategicAccountsCountAgainstTheCapAndNeverFall()
    {
        var outcomes = TierDecision.Decide([C(10, pinned: Tier.Strategic), C(99), C(95)], Capped(2), RunDate);
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Strategic, Tier.Strategic, Tier.Key }));
    }

    [Test]
    public void Decide_WhenTheCapFallsBackToKeyForAFormerlyStrategicAccount_RecordsADemotion()
    {
        var outcomes = TierDecision.Decide([C(99, Tier.Strategic), C(90, Tier.Strategic)], Capped(1), RunDate);
        Assert.That(outcomes[1].Reason, Is.EqualTo(TierChangeReason.Demoted));
    }

    [Test]
    public void Decide_ScoresWithThePolicyWeightsAndKeepsTheBreakdown()
    {
        var policy = TierPolicy.CreateDraft(1, "Fit and revenue", TierPolicyTerms.Default with { Criteria = [new(Criterion.TrailingRevenue, 60), new(Criterion.StrategicFit, 40)] }, DateTimeOffset.UnixEpoch);
        var candidate = C(0) with { Facts = new ScoringFacts(80m, null, null, 5, null, 0, null) };
        var outcome = TierDecision.Decide([candidate], policy, RunDate).Single();
        Assert.That((outcome.Score, outcome.Normalised.StrategicFit, outcome.Normalised.RevenueGrowth, outcome.NewTier), Is.EqualTo((88m, 100m, 50m, Tier.Strategic)));
    }
}
