using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;

namespace KeyAccount.Domain.Tests.Tiering;

public class TierScoringTests
{
    private static readonly DateOnly RunDate = new(2026, 11, 23);

    private static AccountFacts Facts(decimal ttm = 0, decimal previous = 0, decimal profit = 0, int? fit = null, decimal? potential = null, DateOnly? since = null, int? nps = null) =>
        new(ttm, previous, profit, fit, potential, since, nps);

    [Test]
    public void PercentRanks_SpreadsDistinctValuesFromZeroToHundred() =>
        Assert.That(TierScoring.PercentRanks([10m, 30m, 20m]), Is.EqualTo(new[] { 0m, 100m, 50m }));

    [Test]
    public void PercentRanks_WhenTied_SharesTheLowerRankLikePostgres() =>
        Assert.That(TierScoring.PercentRanks([5m, 5m, 5m, 9m]), Is.EqualTo(new[] { 0m, 0m, 0m, 100m }));

    [Test]
    public void PercentRanks_WhenTiedInTheMiddle_SharesTheLowerRank() =>
        Assert.That(TierScoring.PercentRanks([1m, 2m, 2m, 3m, 4m]), Is.EqualTo(new[] { 0m, 25m, 25m, 75m, 100m }));

    [Test]
    public void PercentRanks_WhenASingleAccount_IsZeroLikePostgres() =>
        Assert.That(TierScoring.PercentRanks([42m]), Is.EqualTo(new[] { 0m }));

    [Test]
    public void Normalise_WhenAnAccountHasNoRevenue_RanksLowestOnRevenueAndNeutralOnGrowthAndMargin()
    {
        var result = TierScoring.Normalise([Facts(ttm: 0), Facts(ttm: 100, previous: 80, profit: 20), Facts(ttm: 200, previous: 250, profit: 10)], RunDate);
        Assert.Multiple(() =>
        {
            Assert.That(result[0][Criterion.TrailingRevenue], Is.Zero);
            Assert.That(result[0][Criterion.RevenueGrowth], Is.EqualTo(TierScoring.Neutral));
            Assert.That(result[0][Criterion.GrossMargin], Is.EqualTo(TierScoring.Neutral));
            Assert.That(result[1][Criterion.RevenueGrowth], Is.EqualTo(100m), "+25% beats −20%");
            Assert.That(result[2][Criterion.RevenueGrowth], Is.Zero);
            Assert.That(result[1][Criterion.GrossMargin], Is.EqualTo(100m), "20% beats 5%");
        });
    }

    [Test]
    public void Normalise_WhenNoSurveyAnswers_SatisfactionIsNeutralOtherwiseLinear()
    {
        var result = TierScoring.Normalise([Facts(), Facts(nps: -100), Facts(nps: 100), Facts(nps: 30)], RunDate);
        Assert.That(result.Select(r => r[Criterion.Satisfaction]), Is.EqualTo(new[] { 50m, 0m, 100m, 65m }));
    }

    [Test]
    public void Normalise_StrategicFitIsLinearFromOneToFive() =>
        Assert.That(TierScoring.Normalise([Facts(fit: 1), Facts(fit: 3), Facts(fit: 5), Facts()], RunDate).Select(r => r[Criterion.StrategicFit]), Is.EqualTo(new[] { 0m, 50m, 100m, 50m }));

    [Test]
    public void Normalise_RelationshipLength_CountsProspectsWithoutContractAsZeroYears()
    {
        var result = TierScoring.Normalise([Facts(since: new DateOnly(2010, 1, 1)), Facts(), Facts(since: new DateOnly(2020, 1, 1))], RunDate);
        Assert.That(result.Select(r => r[Criterion.RelationshipLength]), Is.EqualTo(new[] { 100m, 0m, 50m }));
    }

    [Test]
    public void Score_IsTheWeightedSumWithABreakdownPerCriterion()
    {
        var normalised = new Dictionary<Criterion, decimal> { [Criterion.TrailingRevenue] = 90m, [Criterion.StrategicFit] = 50m, [Criterion.Satisfaction] = 33.3333m };
        var (score, breakdown) = TierScoring.Score(normalised, [new(Criterion.TrailingRevenue, 50), new(Criterion.StrategicFit, 30), new(Criterion.Satisfaction, 20)]);
        Assert.Multiple(() =>
        {
            Assert.That(score, Is.EqualTo(66.67m));
            Assert.That(breakdown.Select(b => b.Contribution), Is.EqualTo(new[] { 45m, 15m, 6.6667m }));
        });
    }
}

public class TierDecisionTests
{
    private static readonly TierPolicy Policy = TierPolicy.CreateDraft(1, "Default", TierPolicyTerms.Default, DateTimeOffset.UnixEpoch);

    private static TierPolicy Capped(int cap) =>
        TierPolicy.CreateDraft(2, "Capped", TierPolicyTerms.Default with { StrategicCap = cap }, DateTimeOffset.UnixEpoch);

    private static TierCandidate C(decimal score, Tier? previous = null, Tier? pinned = null, string tieBreak = "A") =>
        new(AccountId.New(), score, previous, pinned, tieBreak);

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
        var outcomes = TierDecision.Decide([C(85), C(85, Tier.Key), C(50, Tier.Key), C(57, Tier.Key), C(10, Tier.Growth, pinned: Tier.Strategic)], Policy);
        Assert.That(outcomes.Select(o => (o.NewTier, o.Reason)), Is.EqualTo(new[]
        {
            (Tier.Strategic, TierChangeReason.Initial),
            (Tier.Strategic, TierChangeReason.Promoted),
            (Tier.Growth, TierChangeReason.Demoted),
            (Tier.Key, TierChangeReason.Unchanged),
            (Tier.Strategic, TierChangeReason.Override),
        }));
    }

    [Test]
    public void Decide_OverCap_TheLowestScoresFallToKey()
    {
        var outcomes = TierDecision.Decide([C(90), C(95), C(82), C(99)], Capped(2));
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Key, Tier.Strategic, Tier.Key, Tier.Strategic }));
    }

    [Test]
    public void Decide_OverCapWithEqualScores_BreaksTheTieByRegistrationNumber()
    {
        var outcomes = TierDecision.Decide([C(90, tieBreak: "B"), C(90, tieBreak: "A"), C(90, tieBreak: "C")], Capped(1));
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Key, Tier.Strategic, Tier.Key }));
    }

    [Test]
    public void Decide_PinnedStrategicAccountsCountAgainstTheCapAndNeverFall()
    {
        var outcomes = TierDecision.Decide([C(10, pinned: Tier.Strategic), C(99), C(95)], Capped(2));
        Assert.That(outcomes.Select(o => o.NewTier), Is.EqualTo(new[] { Tier.Strategic, Tier.Strategic, Tier.Key }));
    }

    [Test]
    public void Decide_WhenTheCapFallsBackToKeyForAFormerlyStrategicAccount_RecordsADemotion()
    {
        var outcomes = TierDecision.Decide([C(99, Tier.Strategic), C(90, Tier.Strategic)], Capped(1));
        Assert.That(outcomes[1].Reason, Is.EqualTo(TierChangeReason.Demoted));
    }
}
