using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Tiering;

public class TierPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static TierPolicyTerms Terms(IReadOnlyList<CriterionWeight>? criteria = null, TierCutoffs? cutoffs = null, int? cap = null, decimal margin = 5, IReadOnlyList<ServiceLevel>? programme = null) =>
        new(criteria ?? TierPolicy.DefaultCriteria, cutoffs ?? TierCutoffs.Default, cap, margin, programme ?? TierPolicy.DefaultProgramme);

    private static IBusinessRule Broken(Action act) => Assert.Throws<BusinessRuleViolationException>(() => act())!.Rule;

    [Test]
    public void CreateDraft_WithTheDefaults_IsADraftWhoseWeightsSumTo100()
    {
        var policy = TierPolicy.CreateDraft(1, "Default", TierPolicyTerms.Default, Now);
        Assert.Multiple(() =>
        {
            Assert.That(policy.Status, Is.EqualTo(PolicyStatus.Draft));
            Assert.That(policy.Criteria.Sum(c => c.Weight), Is.EqualTo(100));
            Assert.That(policy.ServiceLevelOf(Tier.Strategic).DevelopmentPlanRequired, Is.True);
            Assert.That(policy.ServiceLevelOf(Tier.Growth).DevelopmentPlanRequired, Is.False);
            Assert.That(policy.ServiceLevelOf(Tier.Standard).FirstResponseHours, Is.EqualTo(24));
        });
    }

    [TestCase(99)]
    [TestCase(101)]
    public void CreateDraft_WhenWeightsDoNotSumTo100_BreaksWeightsRule(int total)
    {
        var criteria = new[] { new CriterionWeight(Criterion.TrailingRevenue, total - 50), new CriterionWeight(Criterion.StrategicFit, 50) };
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(criteria), Now)), Is.TypeOf<WeightsMustSumToHundredRule>());
    }

    [Test]
    public void CreateDraft_WhenACriterionAppearsTwice_BreaksDistinctRule()
    {
        var criteria = new[] { new CriterionWeight(Criterion.TrailingRevenue, 50), new CriterionWeight(Criterion.TrailingRevenue, 50) };
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(criteria), Now)), Is.TypeOf<CriteriaMustBeDistinctRule>());
    }

    [Test]
    public void CreateDraft_WhenOneCriterionCarriesAllTheWeight_IsAccepted() =>
        Assert.That(TierPolicy.CreateDraft(1, "Revenue only", Terms([new CriterionWeight(Criterion.TrailingRevenue, 100)]), Now).Criteria, Has.Count.EqualTo(1));

    [TestCase(80, 80, 40)]
    [TestCase(60, 80, 40)]
    [TestCase(101, 60, 40)]
    [TestCase(80, 60, 0)]
    public void CreateDraft_WhenCutoffsOutOfOrder_BreaksCutoffRule(int strategic, int key, int growth) =>
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(cutoffs: new TierCutoffs(strategic, key, growth)), Now)), Is.TypeOf<CutoffsMustDescendWithinZeroToHundredRule>());

    [Test]
    public void CreateDraft_WhenCapIsZero_BreaksCapRule() =>
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(cap: 0), Now)), Is.TypeOf<StrategicCapMustBePositiveRule>());

    [TestCase(-1)]
    [TestCase(21)]
    public void CreateDraft_WhenMarginOutOfRange_BreaksMarginRule(decimal margin) =>
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(margin: margin), Now)), Is.TypeOf<HysteresisMarginMustBeBetweenZeroAndTwentyRule>());

    [Test]
    public void CreateDraft_WhenProgrammeMissesATier_BreaksProgrammeRule() =>
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(programme: [.. TierPolicy.DefaultProgramme.Take(3)]), Now)), Is.TypeOf<ProgrammeMustCoverEveryTierOnceRule>());

    [Test]
    public void CreateDraft_WhenResolutionSoonerThanFirstResponse_BreaksProgrammeRule()
    {
        var programme = TierPolicy.DefaultProgramme.Select(p => p.Tier == Tier.Key ? p with { FirstResponseHours = 10, ResolutionHours = 8 } : p).ToList();
        Assert.That(Broken(() => TierPolicy.CreateDraft(1, "P", Terms(programme: programme), Now)), Is.TypeOf<ProgrammeMustCoverEveryTierOnceRule>());
    }

    [Test]
    public void Publish_WhenAlreadyPublished_BreaksPublishOnceRule()
    {
        var policy = TierPolicy.CreateDraft(1, "P", TierPolicyTerms.Default, Now);
        policy.Publish(Now);
        Assert.That(Broken(() => policy.Publish(Now)), Is.TypeOf<OnlyADraftPolicyCanBePublishedRule>());
    }

    [Test]
    public void UpdateDraft_WhenPublished_BreaksFrozenRule()
    {
        var policy = TierPolicy.CreateDraft(1, "P", TierPolicyTerms.Default, Now);
        policy.Publish(Now);
        Assert.That(Broken(() => policy.UpdateDraft("P2", TierPolicyTerms.Default)), Is.TypeOf<OnlyADraftPolicyCanChangeRule>());
    }

    [Test]
    public void PinTier_WithoutReasonOrWithPastExpiry_BreaksTheOverrideRules()
    {
        var account = Account.Create(new AccountProfile("A", "R1", "I", "R", "S", AccountStatus.Active, 3, null, null), UserId.New(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(Broken(() => account.PinTier(Tier.Strategic, " ", new DateOnly(2027, 1, 1), UserId.New(), Now)), Is.TypeOf<OverrideNeedsAReasonRule>());
            Assert.That(Broken(() => account.PinTier(Tier.Strategic, "Board decision", new DateOnly(2026, 11, 23), UserId.New(), Now)), Is.TypeOf<OverrideMustExpireInTheFutureRule>());
        });
    }

    [Test]
    public void TierOverride_OnItsExpiryDate_IsNoLongerActive()
    {
        var pinned = new TierOverride(Tier.Strategic, "Board decision", new DateOnly(2026, 12, 1), UserId.New(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(pinned.IsActiveOn(new DateOnly(2026, 11, 30)), Is.True);
            Assert.That(pinned.IsActiveOn(new DateOnly(2026, 12, 1)), Is.False);
        });
    }
}
