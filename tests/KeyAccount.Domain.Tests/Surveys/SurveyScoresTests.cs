using KeyAccount.Domain.Surveys;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>NPS, its margin of error, CSAT and the weighted NPS at their edges (design §1.4).</summary>
public class SurveyScoresTests
{
    [TestCase(0, NpsGroup.Detractor)]
    [TestCase(6, NpsGroup.Detractor)]
    [TestCase(7, NpsGroup.Passive)]
    [TestCase(8, NpsGroup.Passive)]
    [TestCase(9, NpsGroup.Promoter)]
    [TestCase(10, NpsGroup.Promoter)]
    public void GroupOf_SplitsAtSixAndNine(int answer, NpsGroup expected) =>
        Assert.That(SurveyScores.GroupOf(answer), Is.EqualTo(expected));

    [TestCase(-1)]
    [TestCase(11)]
    public void GroupOf_OutsideZeroToTen_Throws(int answer) =>
        Assert.That(() => SurveyScores.GroupOf(answer), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(1, RatingGroup.Dissatisfied)]
    [TestCase(2, RatingGroup.Dissatisfied)]
    [TestCase(3, RatingGroup.Neutral)]
    [TestCase(4, RatingGroup.Satisfied)]
    [TestCase(5, RatingGroup.Satisfied)]
    public void RatingGroupOf_CountsFourAndFiveAsSatisfied(int rating, RatingGroup expected) =>
        Assert.That(SurveyScores.RatingGroupOf(rating), Is.EqualTo(expected));

    [TestCase(0)]
    [TestCase(6)]
    public void RatingGroupOf_OutsideOneToFive_Throws(int rating) =>
        Assert.That(() => SurveyScores.RatingGroupOf(rating), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void NeedsFollowUp_ForADetractorOrARatingOfTwoOrLess_Only()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SurveyScores.NeedsFollowUp(SurveyScores.GroupOf(6), []), Is.True);
            Assert.That(SurveyScores.NeedsFollowUp(SurveyScores.GroupOf(7), [SurveyScores.RatingGroupOf(3)]), Is.False);
            Assert.That(SurveyScores.NeedsFollowUp(SurveyScores.GroupOf(10), [SurveyScores.RatingGroupOf(2)]), Is.True);
            Assert.That(SurveyScores.NeedsFollowUp(null, [SurveyScores.RatingGroupOf(5)]), Is.False);
        });
    }

    [Test]
    public void Nps_OfANineAndASix_IsZero_WithTheWidestMargin()
    {
        var nps = SurveyScores.Nps(promoters: 1, passives: 0, detractors: 1);
        Assert.Multiple(() =>
        {
            Assert.That(nps.Score, Is.Zero);
            Assert.That(nps.Respondents, Is.EqualTo(2));
            Assert.That(nps.MarginOfError, Is.EqualTo(196.0m)); // s² = 2, √(2/2) = 1 → 1.96 × 100
        });
    }

    [Test]
    public void Nps_OfAllPassives_IsZero_WithNoSpread()
    {
        var nps = SurveyScores.Nps(0, 5, 0);
        Assert.Multiple(() =>
        {
            Assert.That(nps.Score, Is.Zero);
            Assert.That(nps.MarginOfError, Is.EqualTo(0m));
        });
    }

    [Test]
    public void Nps_OfOneRespondent_HasAScoreButNoMargin()
    {
        var promoter = SurveyScores.Nps(1, 0, 0);
        var detractor = SurveyScores.Nps(0, 0, 1, population: 30);
        Assert.Multiple(() =>
        {
            Assert.That(promoter.Score, Is.EqualTo(100));
            Assert.That(promoter.MarginOfError, Is.Null);
            Assert.That(detractor.Score, Is.EqualTo(-100));
            Assert.That(detractor.MarginOfError, Is.Null);
        });
    }

    [Test]
    public void Nps_OfNobody_HasNoScore()
    {
        var nps = SurveyScores.Nps(0, 0, 0, population: 40);
        Assert.Multiple(() =>
        {
            Assert.That(nps.Score, Is.Null);
            Assert.That(nps.MarginOfError, Is.Null);
            Assert.That(nps.Population, Is.EqualTo(40));
        });
    }

    [Test]
    public void Nps_OfAHundred_HasTheTextbookMargin_AndASmallPanelNarrowsIt()
    {
        var open = SurveyScores.Nps(50, 30, 20);
        var panel = SurveyScores.Nps(50, 30, 20, population: 200);
        Assert.Multiple(() =>
        {
            Assert.That(open.Score, Is.EqualTo(30));
            Assert.That(open.MarginOfError, Is.EqualTo(15.4m));  // s² = 61/99, 1.96 × √(s²/100) × 100 = 15.38
            Assert.That(panel.MarginOfError, Is.EqualTo(10.9m)); // × √(100/199)
        });
    }

    [Test]
    public void Nps_WhenEveryoneInvitedAnswered_HasNoMargin()
    {
        var census = SurveyScores.Nps(9, 1, 0, population: 10);
        Assert.Multiple(() =>
        {
            Assert.That(census.Score, Is.EqualTo(90));
            Assert.That(census.MarginOfError, Is.EqualTo(0m));
            Assert.That(SurveyScores.Nps(9, 1, 0).MarginOfError, Is.EqualTo(19.6m));
        });
    }

    [Test]
    public void Nps_RoundsHalfAwayFromZero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SurveyScores.Nps(1, 7, 0).Score, Is.EqualTo(13));   // 12.5
            Assert.That(SurveyScores.Nps(0, 7, 1).Score, Is.EqualTo(-13));  // −12.5
            Assert.That(SurveyScores.Nps(1, 2, 0).Score, Is.EqualTo(33));   // 33.3
        });
    }

    [Test]
    public void Nps_WithAPanelSmallerThanItsRespondents_Throws() =>
        Assert.That(() => SurveyScores.Nps(3, 0, 0, population: 2), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void Csat_IsTheShareOfFoursAndFives()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SurveyScores.Csat(4, 5), Is.EqualTo(80));
            Assert.That(SurveyScores.Csat(1, 8), Is.EqualTo(13)); // 12.5
            Assert.That(SurveyScores.Csat(0, 3), Is.Zero);
            Assert.That(SurveyScores.Csat(0, 0), Is.Null);
            Assert.That(() => SurveyScores.Csat(3, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void WeightedNps_CountsADecisionMakerAsThreeUsers()
    {
        var dm = SurveyScores.DefaultRoleWeights[Domain.Accounts.BuyingRole.DecisionMaker];
        var user = SurveyScores.DefaultRoleWeights[Domain.Accounts.BuyingRole.User];
        Assert.Multiple(() =>
        {
            // A promoting decision maker and a detracting user: plain NPS 0, weighted (3 − 1) / 4 = 50.
            Assert.That(SurveyScores.Nps(1, 0, 1).Score, Is.Zero);
            Assert.That(SurveyScores.WeightedNps(dm, 0, user), Is.EqualTo(50));
            Assert.That(SurveyScores.WeightedNps(0, 0, 0), Is.Null);
        });
    }
}
