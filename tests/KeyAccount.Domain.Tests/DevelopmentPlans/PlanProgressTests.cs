using KeyAccount.Domain.DevelopmentPlans;

namespace KeyAccount.Domain.Tests.DevelopmentPlans;

/// <summary>The one progress rule at its edges: direction, the caps, rounding, the mean and the expected line.</summary>
public class PlanProgressTests
{
    private static Measure Higher(decimal baseline, decimal target) => new(MeasureUnit.Number, MeasureDirection.HigherIsBetter, baseline, target, null, MeasureSource.Manual);

    private static Measure Lower(decimal baseline, decimal target) => new(MeasureUnit.Percent, MeasureDirection.LowerIsBetter, baseline, target, null, MeasureSource.Manual);

    [TestCase(100, 0.0, TestName = "OfObjective_AtTheBaseline_Is0")]
    [TestCase(150, 50.0, TestName = "OfObjective_HalfWay_Is50")]
    [TestCase(200, 100.0, TestName = "OfObjective_AtTheTarget_Is100")]
    [TestCase(260, 100.0, TestName = "OfObjective_BeyondTheTarget_IsCappedAt100")]
    [TestCase(80, 0.0, TestName = "OfObjective_BelowTheBaseline_IsFlooredAt0")]
    [TestCase(133.33, 33.3, TestName = "OfObjective_RoundsToOneDecimal")]
    [TestCase(100.05, 0.1, TestName = "OfObjective_MidpointRoundsAwayFromZero")]
    public void OfObjective_HigherIsBetter(decimal actual, decimal expected) =>
        Assert.That(PlanProgress.OfObjective(Higher(100m, 200m), actual), Is.EqualTo(expected));

    [TestCase(12, 0.0, TestName = "OfObjective_LowerIsBetter_AtTheBaseline_Is0")]
    [TestCase(9, 50.0, TestName = "OfObjective_LowerIsBetter_HalfWayDown_Is50")]
    [TestCase(5, 100.0, TestName = "OfObjective_LowerIsBetter_BelowTheTarget_IsCappedAt100")]
    [TestCase(15, 0.0, TestName = "OfObjective_LowerIsBetter_GoingUp_Is0")]
    public void OfObjective_LowerIsBetter(decimal actual, decimal expected) =>
        Assert.That(PlanProgress.OfObjective(Lower(12m, 6m), actual), Is.EqualTo(expected));

    [Test]
    public void OfObjective_WithoutAnActual_IsNull() => Assert.That(PlanProgress.OfObjective(Higher(1m, 2m), null), Is.Null);

    [Test]
    public void OfObjective_NegativeBaseline_NpsFromMinus20To30()
    {
        var nps = new Measure(MeasureUnit.Number, MeasureDirection.HigherIsBetter, -20m, 30m, null, MeasureSource.AccountNps);
        Assert.That(PlanProgress.OfObjective(nps, 5m), Is.EqualTo(50m));
    }

    [Test]
    public void OfPlan_IsTheMean_UnmeasuredObjectivesCounting0() =>
        Assert.That(PlanProgress.OfPlan([100m, 50m, null]), Is.EqualTo(50m));

    [Test]
    public void OfPlan_WithoutObjectives_IsNull() => Assert.That(PlanProgress.OfPlan([]), Is.Null);

    [Test]
    public void OfPlan_RoundsToOneDecimal() => Assert.That(PlanProgress.OfPlan([100m, 0m, 0m]), Is.EqualTo(33.3m));

    [TestCase("2027-01-01", 0.0, TestName = "Expected_OnTheStartDay_Is0")]
    [TestCase("2026-12-01", 0.0, TestName = "Expected_BeforeTheStart_Is0")]
    [TestCase("2027-07-02", 50.0, TestName = "Expected_HalfWayInTime_Is50")]
    [TestCase("2027-12-31", 100.0, TestName = "Expected_OnTheDueDate_Is100")]
    [TestCase("2028-03-01", 100.0, TestName = "Expected_AfterTheDueDate_Is100")]
    public void Expected_IsAStraightLineFromStartToDue(string today, decimal expected) =>
        Assert.That(PlanProgress.Expected(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
}
