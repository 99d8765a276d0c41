using System.Text.Json;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Tiering;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// Tier decisions on the production path: small hand-built portfolios in PostgreSQL, run through the engine behind
/// POST /api/v1/tiering/runs and /simulations — its SQL gathers the facts and percentile ranks, the domain decides,
/// the outcome is written back — on a fixed run date. Each test names the edge it pins.
/// </summary>
public class TieringEngineTests : ApiTestBase
{
    private static readonly DateTimeOffset RunAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly RunDate = DateOnly.FromDateTime(RunAt.UtcDateTime);

    /// <summary>The last of the trailing twelve months: the run month itself is not counted.</summary>
    private static readonly DateOnly LastMonth = new(2026, 10, 1);

    /// <summary>Strategic fit alone carries the weight: an account's score is (fit − 1) × 25, whatever the others' facts.</summary>
    private static readonly CriterionWeight[] FitOnly = [new(Criterion.StrategicFit, 100)];

    /// <summary>Trailing revenue alone carries the weight: an account's score is its revenue percentile rank.</summary>
    private static readonly CriterionWeight[] RevenueOnly = [new(Criterion.TrailingRevenue, 100)];

    /// <summary>One account of a fixture.</summary>
    /// <param name="Revenue">Trailing-twelve-month revenue, one row in <see cref="LastMonth"/>; null: no row.</param>
    /// <param name="PreviousRevenue">The twelve months before, one row a year before <see cref="LastMonth"/>.</param>
    /// <param name="Margin">Gross profit ÷ revenue of those rows.</param>
    /// <param name="Rows">More revenue rows (month, revenue), e.g. outside the windows.</param>
    /// <param name="TieredAs">The tier an earlier run left it with (it has history); null: never tiered.</param>
    /// <param name="Tier">Its tier without history (as imported or seeded); ignored when <paramref name="TieredAs"/> is set.</param>
    private sealed record Spec(
        string Registration,
        int? Fit = null,
        decimal? Revenue = null,
        decimal? PreviousRevenue = null,
        decimal Margin = 0.2m,
        decimal? Potential = null,
        DateOnly? Since = null,
        Tier? TieredAs = null,
        Tier? Tier = null,
        Tier? PinnedTo = null,
        DateOnly? PinnedUntil = null,
        AccountStatus Status = AccountStatus.Active,
        (DateOnly Month, decimal Revenue)[]? Rows = null);

    private sealed record Result(Tier NewTier, Tier? PreviousTier, TierChangeReason Reason, decimal Score, NormalisedCriteria Normalised);

    [Test]
    public async Task Run_WhenScoreWithinTheMargin_HoldsTheTier()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(80, 52.5m, 30));
        await SeedAsync(
            policy,
            new Spec("AT-THE-EDGE", Fit: 4, TieredAs: Tier.Strategic), // 75 = 80 − 5: not below the cut-off minus the margin
            new Spec("INSIDE", Fit: 3, TieredAs: Tier.Key));           // 50: 2.5 under 52.5, within 5

        var (run, results) = await RunAsync(policy);
        var events = await TierChangedEventsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["AT-THE-EDGE"]), Is.EqualTo(Decision(Tier.Strategic, Tier.Strategic, TierChangeReason.Unchanged, 75)));
            Assert.That(Decision(results["INSIDE"]), Is.EqualTo(Decision(Tier.Key, Tier.Key, TierChangeReason.Unchanged, 50)));
            Assert.That(run.ChangedCount, Is.Zero);
            Assert.That(events, Is.Empty);
        });
    }

    [Test]
    public async Task Run_WhenScoreJustBelowTheCutoffMinusTheMargin_Demotes()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(80.01m, 60, 40));
        await SeedAsync(policy, new Spec("JUST-BELOW", Fit: 4, TieredAs: Tier.Strategic)); // 75 < 80.01 − 5

        var (_, results) = await RunAsync(policy);

        Assert.That(Decision(results["JUST-BELOW"]), Is.EqualTo(Decision(Tier.Key, Tier.Strategic, TierChangeReason.Demoted, 75)));
        Assert.That(await TierOfAsync("JUST-BELOW"), Is.EqualTo(Tier.Key));
    }

    [Test]
    public async Task Run_WhenDemoted_TakesTheTierItsScoreReachesNotTheNextOneDown()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(
            policy,
            new Spec("STRATEGIC-TO-STANDARD", Fit: 2, TieredAs: Tier.Strategic), // 25
            new Spec("KEY-TO-GROWTH", Fit: 3, TieredAs: Tier.Key));              // 50 < 60 − 5

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["STRATEGIC-TO-STANDARD"]), Is.EqualTo(Decision(Tier.Standard, Tier.Strategic, TierChangeReason.Demoted, 25)));
            Assert.That(Decision(results["KEY-TO-GROWTH"]), Is.EqualTo(Decision(Tier.Growth, Tier.Key, TierChangeReason.Demoted, 50)));
        });
    }

    [Test]
    public async Task Run_WhenScoreReachesTheCutoffItself_PromotesAndJustBelowItDoesNot()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(75, 50.01m, 25));
        await SeedAsync(
            policy,
            new Spec("REACHES-STRATEGIC", Fit: 4, TieredAs: Tier.Key),   // 75 = the cut-off
            new Spec("JUST-BELOW-KEY", Fit: 3, TieredAs: Tier.Growth),   // 50 < 50.01: hysteresis never promotes
            new Spec("REACHES-GROWTH", Fit: 2, TieredAs: Tier.Standard)); // 25 = the cut-off

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["REACHES-STRATEGIC"]), Is.EqualTo(Decision(Tier.Strategic, Tier.Key, TierChangeReason.Promoted, 75)));
            Assert.That(Decision(results["JUST-BELOW-KEY"]), Is.EqualTo(Decision(Tier.Growth, Tier.Growth, TierChangeReason.Unchanged, 50)));
            Assert.That(Decision(results["REACHES-GROWTH"]), Is.EqualTo(Decision(Tier.Growth, Tier.Standard, TierChangeReason.Promoted, 25)));
        });
    }

    [Test]
    public async Task Run_WhenAnAccountWasNeverTiered_TakesTheTierItsScoreReachesWithoutHysteresis_AndIsDemotedFromTheTierItWasGiven()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(policy, new Spec("IMPORTED-STRATEGIC", Fit: 4, Tier: Tier.Strategic)); // 75: within the margin, but no history

        var (_, results) = await RunAsync(policy);

        Assert.That(Decision(results["IMPORTED-STRATEGIC"]), Is.EqualTo(Decision(Tier.Key, null, TierChangeReason.Demoted, 75)));
        var changed = (await TierChangedEventsAsync()).Single();
        Assert.That((changed.PreviousTier, changed.NewTier, changed.Reason), Is.EqualTo((Tier.Strategic, Tier.Key, TierChangeReason.Demoted)));
    }

    [Test]
    public async Task Run_RecordsTheReasonForEachAccountAndRaisesAnEventAndANotificationPerMove()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(
            policy,
            new Spec("INITIAL", Fit: 1),
            new Spec("FIRST-RUN-UP", Fit: 5),
            new Spec("PROMOTED", Fit: 5, TieredAs: Tier.Key),
            new Spec("DEMOTED", Fit: 2, TieredAs: Tier.Key),
            new Spec("UNCHANGED", Fit: 3, TieredAs: Tier.Growth),
            new Spec("OVERRIDE", Fit: 1, TieredAs: Tier.Growth, PinnedTo: Tier.Strategic));

        var (run, results) = await RunAsync(policy);

        Assert.That(results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.PreviousTier, r.Value.NewTier, r.Value.Reason)), Is.EqualTo(new (string, Tier?, Tier, TierChangeReason)[]
        {
            ("DEMOTED", Tier.Key, Tier.Standard, TierChangeReason.Demoted),
            ("FIRST-RUN-UP", null, Tier.Strategic, TierChangeReason.Promoted),
            ("INITIAL", null, Tier.Standard, TierChangeReason.Initial),
            ("OVERRIDE", Tier.Growth, Tier.Strategic, TierChangeReason.Override),
            ("PROMOTED", Tier.Key, Tier.Strategic, TierChangeReason.Promoted),
            ("UNCHANGED", Tier.Growth, Tier.Growth, TierChangeReason.Unchanged),
        }));

        // The moves: an account.tier_changed event (from the tier it had, Standard for the new one) and a notification to
        // its owner each; the unchanged account gets neither.
        var events = await TierChangedEventsAsync();
        var ids = await IdsAsync();
        Assert.That(events.Select(e => (e.AccountId, e.PreviousTier, e.NewTier, e.Reason, e.RunId)), Is.EquivalentTo(new[]
        {
            (ids["DEMOTED"], Tier.Key, Tier.Standard, TierChangeReason.Demoted, run.Id),
            (ids["FIRST-RUN-UP"], Tier.Standard, Tier.Strategic, TierChangeReason.Promoted, run.Id),
            (ids["OVERRIDE"], Tier.Growth, Tier.Strategic, TierChangeReason.Override, run.Id),
            (ids["PROMOTED"], Tier.Key, Tier.Strategic, TierChangeReason.Promoted, run.Id),
        }));
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.TierChanged).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(reminders.Select(r => (r.AccountId, r.UserId, r.DueDate)), Is.EquivalentTo(events.Select(e => (e.AccountId, ApiFixture.Users["accountmanager"].Id, RunDate))));
            // The notification says the move as data (the SPA renders it in the reader's language): the event's tiers.
            Assert.That(reminders.Select(r => (r.AccountId, r.Args!.FromTier, r.Args.ToTier, r.Args.Score.HasValue)),
                Is.EquivalentTo(events.Select(e => (e.AccountId, (Tier?)e.PreviousTier, (Tier?)e.NewTier, true))));
            Assert.That((run.StrategicCount, run.KeyCount, run.GrowthCount, run.StandardCount, run.ChangedCount), Is.EqualTo((3, 0, 1, 2, 4)));
        });
    }

    [Test]
    public async Task Run_WhenPromotedIntoATierThatRequiresAPlan_RemindsTheOwnerUnlessAPlanCoversToday()
    {
        var policy = await PublishAsync(FitOnly); // the default programme: Strategic and Key need a plan
        await SeedAsync(
            policy,
            new Spec("GROWTH-TO-STRATEGIC", Fit: 5, TieredAs: Tier.Growth),
            new Spec("COVERED", Fit: 5, TieredAs: Tier.Growth),              // promoted, but an active plan covers today
            new Spec("KEY-TO-STRATEGIC", Fit: 5, TieredAs: Tier.Key),        // already needed one: the weekly reminder's, not the promotion's
            new Spec("STANDARD-TO-GROWTH", Fit: 3, TieredAs: Tier.Standard)); // promoted into a tier that needs none
        var ids = await IdsAsync();
        await SeedActivePlanCoveringTodayAsync(ids["COVERED"]);

        var (_, results) = await RunAsync(policy);

        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.Kind == ReminderKind.AccountNeedsPlan).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Value.Reason == TierChangeReason.Promoted).Select(r => r.Key), Is.EquivalentTo(new[] { "GROWTH-TO-STRATEGIC", "COVERED", "KEY-TO-STRATEGIC", "STANDARD-TO-GROWTH" }));
            Assert.That(reminders.Select(r => (r.AccountId, r.UserId, r.Args!.Tier, r.Args.PlanNeed)), Is.EqualTo(new[]
            {
                (ids["GROWTH-TO-STRATEGIC"], ApiFixture.Users["accountmanager"].Id, (Tier?)Tier.Strategic, (PlanNeedReason?)PlanNeedReason.NoPlan),
            }));
        });
    }

    [Test]
    public async Task Run_OverTheStrategicCap_TheLowestScoresFallToKey()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(70, 50, 30), cap: 2);
        await SeedAsync(
            policy,
            new Spec("TOP-A", Fit: 5),
            new Spec("TOP-B", Fit: 5),
            new Spec("LOWER", Fit: 4),
            new Spec("WAS-STRATEGIC", Fit: 4, TieredAs: Tier.Strategic));

        var (run, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(results["TOP-A"].NewTier, Is.EqualTo(Tier.Strategic));
            Assert.That(results["TOP-B"].NewTier, Is.EqualTo(Tier.Strategic));
            Assert.That(Decision(results["LOWER"]), Is.EqualTo(Decision(Tier.Key, null, TierChangeReason.Promoted, 75)));
            Assert.That(Decision(results["WAS-STRATEGIC"]), Is.EqualTo(Decision(Tier.Key, Tier.Strategic, TierChangeReason.Demoted, 75)), "the cap demotes like a score would");
            Assert.That(run.StrategicCount, Is.EqualTo(2));
        });
    }

    /// <summary>
    /// Equal scores at the cap break by registration number in ordinal (code point) order, lowest stays Strategic:
    /// "CAP-2" before "CAP10" ('-' is U+002D, '1' U+0031), where a linguistic collation that ignores punctuation
    /// would put "CAP10" first.
    /// </summary>
    [Test]
    public async Task Run_OverTheStrategicCapWithEqualScores_TheLowerRegistrationNumberInOrdinalOrderStays()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(70, 50, 30), cap: 2);
        await SeedAsync(policy, new Spec("TOP", Fit: 5), new Spec("CAP10", Fit: 4), new Spec("CAP-2", Fit: 4), new Spec("CAP3", Fit: 4));

        var (_, results) = await RunAsync(policy);

        Assert.That(results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.NewTier)), Is.EqualTo(new[]
        {
            ("CAP-2", Tier.Strategic),
            ("CAP10", Tier.Key),
            ("CAP3", Tier.Key),
            ("TOP", Tier.Strategic),
        }));
    }

    [Test]
    public async Task Run_OverTheStrategicCap_PinnedStrategicAccountsCountAgainstItAndNeverFall()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(70, 50, 30), cap: 2);
        await SeedAsync(policy, new Spec("PINNED", Fit: 1, PinnedTo: Tier.Strategic), new Spec("TOP", Fit: 5), new Spec("SECOND", Fit: 4));

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["PINNED"]), Is.EqualTo(Decision(Tier.Strategic, null, TierChangeReason.Override, 0)));
            Assert.That(results["TOP"].NewTier, Is.EqualTo(Tier.Strategic));
            Assert.That(results["SECOND"].NewTier, Is.EqualTo(Tier.Key));
        });
    }

    [Test]
    public async Task Run_WhenAnOverrideIsInForce_PinsTheTierWhateverTheScoreWithReasonOverride()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(
            policy,
            new Spec("PINNED-DOWN", Fit: 5, PinnedTo: Tier.Key, PinnedUntil: RunDate.AddDays(1)), // the last day it applies
            new Spec("PINNED-UP", Fit: 1, TieredAs: Tier.Standard, PinnedTo: Tier.Strategic));

        var (_, results) = await RunAsync(policy);
        var pinnedUp = await TierOfAsync("PINNED-UP");

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["PINNED-DOWN"]), Is.EqualTo(Decision(Tier.Key, null, TierChangeReason.Override, 100)));
            Assert.That(Decision(results["PINNED-UP"]), Is.EqualTo(Decision(Tier.Strategic, Tier.Standard, TierChangeReason.Override, 0)));
            Assert.That(pinnedUp, Is.EqualTo(Tier.Strategic));
        });
    }

    [Test]
    public async Task Run_WhenTheOverrideHasExpired_DecidesTheAccountLikeAnyOther()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(
            policy,
            new Spec("EXPIRES-ON-THE-RUN-DATE", Fit: 2, TieredAs: Tier.Strategic, PinnedTo: Tier.Strategic, PinnedUntil: RunDate),
            new Spec("EXPIRED-LAST-WEEK", Fit: 4, TieredAs: Tier.Strategic, PinnedTo: Tier.Key, PinnedUntil: RunDate.AddDays(-7)));

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Decision(results["EXPIRES-ON-THE-RUN-DATE"]), Is.EqualTo(Decision(Tier.Standard, Tier.Strategic, TierChangeReason.Demoted, 25)));
            Assert.That(Decision(results["EXPIRED-LAST-WEEK"]), Is.EqualTo(Decision(Tier.Strategic, Tier.Strategic, TierChangeReason.Unchanged, 75)), "held by hysteresis, not pinned to Key");
        });
    }

    [Test]
    public async Task Run_WhenAnOverrideExpiresBetweenRuns_TheNextRunDecidesFromThePinnedTier()
    {
        var policy = await PublishAsync(FitOnly);
        await SeedAsync(
            policy,
            new Spec("HOLDS", Fit: 4, PinnedTo: Tier.Strategic, PinnedUntil: RunDate.AddDays(1)),
            new Spec("FALLS", Fit: 3, PinnedTo: Tier.Strategic, PinnedUntil: RunDate.AddDays(1)));

        var (_, first) = await RunAsync(policy);
        var (_, next) = await RunAsync(policy, RunAt.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(first.Values.Select(r => (r.NewTier, r.Reason)), Is.All.EqualTo((Tier.Strategic, TierChangeReason.Override)));
            Assert.That(Decision(next["HOLDS"]), Is.EqualTo(Decision(Tier.Strategic, Tier.Strategic, TierChangeReason.Unchanged, 75)), "75 is within the margin of the pinned tier");
            Assert.That(Decision(next["FALLS"]), Is.EqualTo(Decision(Tier.Growth, Tier.Strategic, TierChangeReason.Demoted, 50)));
        });
    }

    [Test]
    public async Task Run_WhenRevenuesTie_TheyShareTheLowerPercentRankAndInactiveAccountsAreNotRanked()
    {
        var policy = await PublishAsync(RevenueOnly);
        await SeedAsync(
            policy,
            new Spec("NONE"),
            new Spec("LOW-1", Revenue: 100),
            new Spec("LOW-2", Revenue: 100),
            new Spec("MID", Revenue: 300),
            new Spec("TOP", Revenue: 500),
            new Spec("DORMANT", Revenue: 1000, Status: AccountStatus.Dormant));

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(results.Keys, Has.No.Member("DORMANT"));
            Assert.That(Ranks(results, n => n.TrailingRevenue), Is.EquivalentTo(new Dictionary<string, decimal> { ["NONE"] = 0, ["LOW-1"] = 25, ["LOW-2"] = 25, ["MID"] = 75, ["TOP"] = 100 }));
            Assert.That(results.Values.Select(r => r.Score), Is.EqualTo(results.Values.Select(r => r.Normalised.TrailingRevenue)), "the score is the rank under this policy");
        });
    }

    [Test]
    public async Task Run_WhenASingleAccountIsActive_ItRanksZeroOnEveryPercentileCriterion()
    {
        var policy = await PublishAsync(TierPolicy.DefaultCriteria);
        await SeedAsync(policy, new Spec("ONLY", Fit: 4, Revenue: 100, PreviousRevenue: 80, Potential: 1_000_000, Since: new DateOnly(2015, 1, 1)));

        var (_, results) = await RunAsync(policy);

        var only = results["ONLY"];
        Assert.Multiple(() =>
        {
            Assert.That(only.Normalised, Is.EqualTo(new NormalisedCriteria(0, 0, 0, 75, 0, 0, 50)));
            Assert.That(only.Score, Is.EqualTo(18.75m), "15 × 75 / 100 for fit + 15 × 50 / 100 for satisfaction");
        });
    }

    [Test]
    public async Task Run_WhenAnAccountHasNoRevenue_RanksLowestOnRevenueAndNeutralOnGrowthAndMargin()
    {
        var policy = await PublishAsync(TierPolicy.DefaultCriteria);
        await SeedAsync(
            policy,
            new Spec("NONE"),
            new Spec("LOST", PreviousRevenue: 300),                            // growth −100 %, no margin
            new Spec("NEW", Revenue: 150, Margin: 0.3m),                        // no growth
            new Spec("GROWING", Revenue: 100, PreviousRevenue: 80, Margin: 0.2m),   // +25 %
            new Spec("FLAT", Revenue: 100, PreviousRevenue: 100, Margin: 0.1m),     // 0 %
            new Spec("SHRINKING", Revenue: 200, PreviousRevenue: 250, Margin: 0.05m)); // −20 %

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Ranks(results, n => n.TrailingRevenue), Is.EquivalentTo(new Dictionary<string, decimal> { ["NONE"] = 0, ["LOST"] = 0, ["GROWING"] = 40, ["FLAT"] = 40, ["NEW"] = 80, ["SHRINKING"] = 100 }));
            Assert.That(Ranks(results, n => n.RevenueGrowth), Is.EquivalentTo(new Dictionary<string, decimal> { ["NONE"] = 50, ["NEW"] = 50, ["LOST"] = 0, ["SHRINKING"] = 33.3333m, ["FLAT"] = 66.6667m, ["GROWING"] = 100 }));
            Assert.That(Ranks(results, n => n.GrossMargin), Is.EquivalentTo(new Dictionary<string, decimal> { ["NONE"] = 50, ["LOST"] = 50, ["SHRINKING"] = 0, ["FLAT"] = 33.3333m, ["GROWING"] = 66.6667m, ["NEW"] = 100 }));
        });
    }

    [Test]
    public async Task Run_WhenNoSurveyAnswerNoFitOrNoPotentialEstimate_ScoresTheNeutral50()
    {
        var policy = await PublishAsync(TierPolicy.DefaultCriteria);
        await SeedAsync(policy, new Spec("NO-FIT", Potential: 1_000_000), new Spec("BIGGER", Fit: 5, Potential: 2_000_000), new Spec("NO-ESTIMATE", Fit: 1));

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(results.Values.Select(r => r.Normalised.Satisfaction), Is.All.EqualTo(50m), "no survey answers yet");
            Assert.That(Ranks(results, n => n.StrategicFit), Is.EquivalentTo(new Dictionary<string, decimal> { ["NO-FIT"] = 50, ["BIGGER"] = 100, ["NO-ESTIMATE"] = 0 }));
            Assert.That(Ranks(results, n => n.PotentialValue), Is.EquivalentTo(new Dictionary<string, decimal> { ["NO-FIT"] = 0, ["BIGGER"] = 100, ["NO-ESTIMATE"] = 50 }));
        });
    }

    [Test]
    public async Task Run_RelationshipLength_CountsNoContractOrAFutureOneAsZeroYears()
    {
        var policy = await PublishAsync(TierPolicy.DefaultCriteria);
        await SeedAsync(
            policy,
            new Spec("SINCE-2010", Since: new DateOnly(2010, 1, 1)),
            new Spec("SINCE-2020", Since: new DateOnly(2020, 1, 1)),
            new Spec("NO-CONTRACT"),
            new Spec("FROM-TODAY", Since: RunDate),
            new Spec("NEXT-YEAR", Since: new DateOnly(2027, 6, 1)));

        var (_, results) = await RunAsync(policy);

        Assert.That(Ranks(results, n => n.RelationshipLength), Is.EquivalentTo(new Dictionary<string, decimal>
        {
            ["NO-CONTRACT"] = 0, ["FROM-TODAY"] = 0, ["NEXT-YEAR"] = 0, ["SINCE-2020"] = 75, ["SINCE-2010"] = 100,
        }));
    }

    [Test]
    public async Task Run_CountsTheTwelveMonthsBeforeTheRunMonthAndTheTwelveBeforeThoseOnly()
    {
        var policy = await PublishAsync(TierPolicy.DefaultCriteria);
        await SeedAsync(
            policy,
            // 100 counted; the run month (November 2026) and October 2024 (25 months back) are outside both windows.
            new Spec("OUTSIDE", Revenue: 100, Rows: [(new DateOnly(2026, 11, 1), 1000), (new DateOnly(2024, 10, 1), 1000)]),
            // The first month of each window: November 2025 (trailing twelve) and November 2024 (the twelve before).
            new Spec("FIRST-MONTHS", Rows: [(new DateOnly(2025, 11, 1), 150), (new DateOnly(2024, 11, 1), 150)]),
            new Spec("LAST-MONTH", Revenue: 200));

        var (_, results) = await RunAsync(policy);

        Assert.Multiple(() =>
        {
            Assert.That(Ranks(results, n => n.TrailingRevenue), Is.EquivalentTo(new Dictionary<string, decimal> { ["OUTSIDE"] = 0, ["FIRST-MONTHS"] = 50, ["LAST-MONTH"] = 100 }));
            Assert.That(Ranks(results, n => n.RevenueGrowth), Is.EquivalentTo(new Dictionary<string, decimal> { ["OUTSIDE"] = 50, ["FIRST-MONTHS"] = 0, ["LAST-MONTH"] = 50 }), "only FIRST-MONTHS has a previous year");
        });
    }

    [Test]
    public async Task Simulate_DecidesLikeTheRunAndWritesNothing()
    {
        var policy = await PublishAsync(FitOnly, new TierCutoffs(70, 50, 30), cap: 2);
        await SeedAsync(
            policy,
            new Spec("HOLDS", Fit: 3, TieredAs: Tier.Key),
            new Spec("DEMOTED", Fit: 1, TieredAs: Tier.Growth),
            new Spec("PROMOTED", Fit: 5, TieredAs: Tier.Key),
            new Spec("CAPPED", Fit: 4, TieredAs: Tier.Strategic),
            new Spec("PINNED", Fit: 1, PinnedTo: Tier.Strategic),
            new Spec("INITIAL", Fit: 3));

        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var before = (await db.TieringRuns.CountAsync(), await db.TierAssignments.CountAsync(), await db.OutboxMessages.CountAsync(), await TiersAsync(db));
            var simulated = await scope.ServiceProvider.GetRequiredService<ITieringEngine>().SimulateAsync(policy, RunDate, 1000, CancellationToken.None);
            var after = (await db.TieringRuns.CountAsync(), await db.TierAssignments.CountAsync(), await db.OutboxMessages.CountAsync(), await TiersAsync(db));
            Assert.That(after, Is.EqualTo(before), "a simulation writes nothing");

            var (run, _) = await RunAsync(policy);
            var events = await TierChangedEventsAsync();
            Assert.Multiple(() =>
            {
                Assert.That(simulated.Counts, Is.EquivalentTo(new Dictionary<Tier, int> { [Tier.Strategic] = run.StrategicCount, [Tier.Key] = run.KeyCount, [Tier.Growth] = run.GrowthCount, [Tier.Standard] = run.StandardCount }));
                Assert.That(simulated.Changed, Is.EqualTo(run.ChangedCount).And.EqualTo(5));
                Assert.That(simulated.Moves.Select(m => (m.AccountId, m.CurrentTier, m.NewTier, m.Score, m.Reason)), Is.EquivalentTo(events.Select(e => (e.AccountId, e.PreviousTier, e.NewTier, e.Score, e.Reason))));
                Assert.That(simulated.Moves.Select(m => m.Name), Is.EqualTo(new[] { "Account PROMOTED", "Account CAPPED", "Account INITIAL", "Account DEMOTED", "Account PINNED" }), "highest score first, then registration number");
            });
        }
    }

    /// <summary>What a run decided for an account: new tier, previous tier, reason and score.</summary>
    private static (Tier NewTier, Tier? PreviousTier, TierChangeReason Reason, decimal Score) Decision(Tier newTier, Tier? previousTier, TierChangeReason reason, decimal score) =>
        (newTier, previousTier, reason, score);

    private static (Tier NewTier, Tier? PreviousTier, TierChangeReason Reason, decimal Score) Decision(Result result) =>
        (result.NewTier, result.PreviousTier, result.Reason, result.Score);

    private static Dictionary<string, decimal> Ranks(IReadOnlyDictionary<string, Result> results, Func<NormalisedCriteria, decimal> criterion) =>
        results.ToDictionary(r => r.Key, r => criterion(r.Value.Normalised));

    /// <summary>A published policy (drafts cannot run) with the given weights; the defaults otherwise.</summary>
    private static async Task<TierPolicy> PublishAsync(IReadOnlyList<CriterionWeight> criteria, TierCutoffs? cutoffs = null, int? cap = null, decimal margin = TierPolicy.DefaultHysteresisMargin)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policy = TierPolicy.CreateDraft(1, "Fixture", new TierPolicyTerms(criteria, cutoffs ?? TierCutoffs.Default, cap, margin, TierPolicy.DefaultProgramme), RunAt.AddMonths(-2));
        policy.Publish(RunAt.AddMonths(-2));
        db.TierPolicies.Add(policy);
        await db.SaveChangesAsync();
        return policy;
    }

    /// <summary>
    /// The accounts, through the domain (owner: the first account manager), their revenue rows, and for those
    /// <see cref="Spec.TieredAs"/> a tier and an earlier run's history row: what a run reads as "tiered before".
    /// </summary>
    private static async Task SeedAsync(TierPolicy policy, params Spec[] accounts)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = RunAt.AddMonths(-1);
        var tiered = new List<(AccountId Id, Tier Tier)>();
        foreach (var s in accounts)
        {
            var profile = new AccountProfile($"Account {s.Registration}", s.Registration, "Manufacturing", "East China", "Enterprise", s.Status, s.Fit, s.Potential is { } p ? new Money(p, "CNY") : null, s.Since);
            var account = Account.Create(profile, ApiFixture.Users["accountmanager"].Id, before);
            if ((s.TieredAs ?? s.Tier) is { } tier)
            {
                account.AssignTier(tier, before);
            }

            if (s.TieredAs is { } earlierTier)
            {
                tiered.Add((account.Id, earlierTier));
            }

            if (s.PinnedTo is { } pin)
            {
                // Set ten days before it expires or before the run, whichever is earlier (an override's expiry is after the day it is set).
                var until = s.PinnedUntil ?? RunDate.AddDays(30);
                var setOn = (until < RunDate ? until : RunDate).AddDays(-10);
                account.PinTier(pin, "Fixture override", until, ApiFixture.Users["director"].Id, new DateTimeOffset(setOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            }

            db.Accounts.Add(account);
            var rows = (s.Rows ?? []).ToList();
            if (s.Revenue is { } ttm)
            {
                rows.Add((LastMonth, ttm));
            }

            if (s.PreviousRevenue is { } prev)
            {
                rows.Add((LastMonth.AddMonths(-12), prev));
            }

            db.RevenueRecords.AddRange(rows.Select(r => RevenueRecord.Create(account.Id, r.Month, r.Revenue, Math.Round(r.Revenue * s.Margin, 2), 1, "CNY", before)));
        }

        await db.SaveChangesAsync();
        if (tiered.Count == 0)
        {
            return;
        }

        var earlier = TieringRun.Start(policy, RunTrigger.Scheduled, null, before);
        earlier.Complete(tiered.GroupBy(t => t.Tier).ToDictionary(g => g.Key, g => g.Count()), tiered.Count, before);
        db.TieringRuns.Add(earlier);
        await db.SaveChangesAsync();
        foreach (var (id, tier) in tiered)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO tier_assignments (run_id, account_id, score, previous_tier, new_tier, reason, n_trailing_revenue, n_revenue_growth,
                                              n_gross_margin, n_strategic_fit, n_potential_value, n_relationship_length, n_satisfaction)
                VALUES ({earlier.Id.Value}, {id.Value}, 0, NULL, {tier.ToString()}, 'Initial', 0, 0, 0, 0, 0, 0, 0)
                """);
        }
    }

    /// <summary>A run as the API starts one (the engine, in its own scope), at <paramref name="at"/>; its history by registration number.</summary>
    private static async Task<(TieringRun Run, IReadOnlyDictionary<string, Result> Results)> RunAsync(TierPolicy policy, DateTimeOffset? at = null)
    {
        var run = TieringRun.Start(policy, RunTrigger.Manual, ApiFixture.Users["director"].Id, at ?? RunAt);
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ITieringEngine>().RunAsync(policy, run, CancellationToken.None);
        }

        await using var read = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await (
            from h in db.TierAssignments.AsNoTracking()
            join a in db.Accounts.AsNoTracking() on h.AccountId equals a.Id
            where h.RunId == run.Id
            select new { a.RegistrationNumber, h }).ToListAsync();
        return (run, rows.ToDictionary(r => r.RegistrationNumber, r => new Result(r.h.NewTier, r.h.PreviousTier, r.h.Reason, r.h.Score, r.h.Normalised())));
    }

    /// <summary>An active plan of <paramref name="account"/> whose period covers the plan calendar's today (the engine reminds as of now).</summary>
    private static async Task SeedActivePlanCoveringTodayAsync(AccountId account)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var manager = ApiFixture.Users["accountmanager"].Id;
        var start = PlanDay.Today(DateTimeOffset.UtcNow).AddMonths(-1);
        var end = start.AddYears(1);
        var content = new PlanContent(
            "客户发展计划", manager, start, end, "成为首选供应商", [], DevelopmentPlan.DefaultReviewCadenceMonths,
            [new ObjectiveInput(null, "收入", new Measure(MeasureUnit.Number, MeasureDirection.HigherIsBetter, 0m, 100m, null, MeasureSource.Manual), end, null)],
            [new InitiativeInput(null, "举措", manager, Department.Sales, end, InitiativeStatus.NotStarted, 0, null, null)],
            [], [], []);
        var plan = DevelopmentPlan.Draft(account, content, manager, start, DateTimeOffset.UtcNow);
        db.DevelopmentPlans.Add(plan);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE development_plans SET status = 'Active' WHERE id = {plan.Id.Value}");
    }

    private static async Task<Tier> TierOfAsync(string registration)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Accounts.Where(a => a.RegistrationNumber == registration).Select(a => a.Tier).SingleAsync();
    }

    private static async Task<Dictionary<string, AccountId>> IdsAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Accounts.ToDictionaryAsync(a => a.RegistrationNumber, a => a.Id);
    }

    /// <summary>Every account's registration number and tier, in one string: a snapshot to compare.</summary>
    private static async Task<string> TiersAsync(AppDbContext db) =>
        string.Join(",", await db.Accounts.AsNoTracking().OrderBy(a => a.RegistrationNumber).Select(a => a.RegistrationNumber + "=" + a.Tier.ToString()).ToListAsync());

    private static async Task<List<AccountTierChanged>> TierChangedEventsAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == "account.tier_changed").Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonSerializer.Deserialize<AccountTierChanged>(p, PublicJson.Options)!)];
    }
}
