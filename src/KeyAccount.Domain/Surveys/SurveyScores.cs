using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Surveys;

/// <summary>Where an answer to an NPS question (0–10) puts its respondent.</summary>
public enum NpsGroup
{
    Detractor,
    Passive,
    Promoter,
}

/// <summary>Where an answer to a Rating question (1–5) puts it: CSAT counts Satisfied; Dissatisfied opens a follow-up.</summary>
public enum RatingGroup
{
    Dissatisfied,
    Neutral,
    Satisfied,
}

/// <summary>
/// The one home of the survey scores (design §1.4). An answer's group is decided here when it is recorded and stored
/// with it; the results' SQL only counts the stored groups (and sums the stored weights) and hands the counts back here:
/// nobody else says what a promoter is, how NPS is rounded or how wide its margin is.
/// </summary>
public static class SurveyScores
{
    /// <summary>The z value of a two-sided 95 % interval.</summary>
    private const double Z95 = 1.959964;

    /// <summary>0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    public static NpsGroup GroupOf(int npsAnswer) => npsAnswer switch
    {
        < 0 or > 10 => throw new ArgumentOutOfRangeException(nameof(npsAnswer), npsAnswer, "An NPS answer is 0 to 10."),
        <= 6 => NpsGroup.Detractor,
        <= 8 => NpsGroup.Passive,
        _ => NpsGroup.Promoter,
    };

    /// <summary>1–2 dissatisfied, 3 neutral, 4–5 satisfied (CSAT counts 4 and 5).</summary>
    public static RatingGroup RatingGroupOf(int rating) => rating switch
    {
        < 1 or > 5 => throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5."),
        <= 2 => RatingGroup.Dissatisfied,
        3 => RatingGroup.Neutral,
        _ => RatingGroup.Satisfied,
    };

    /// <summary>A detractor or a rating of 1–2 opens a follow-up task for the account owner.</summary>
    public static bool NeedsFollowUp(NpsGroup? nps, IEnumerable<RatingGroup> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return nps == NpsGroup.Detractor || ratings.Contains(RatingGroup.Dissatisfied);
    }

    /// <summary>
    /// NPS from the counts of each group: % promoters − % detractors, rounded half away from zero to an integer, with n
    /// and the 95 % margin of error in points. The margin is z · √(s² / n) with s² the sample variance of the answers
    /// scored +1 / 0 / −1 (divisor n − 1), times the finite-population correction √((N − n) / (N − 1)) when the panel
    /// size N (the contacts invited) is known: a panel of 20 with 18 answers has a much narrower margin than 18 answers
    /// from thousands. No score with no respondent; no margin with one (a variance needs two).
    /// </summary>
    public static NpsResult Nps(int promoters, int passives, int detractors, int? population = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promoters);
        ArgumentOutOfRangeException.ThrowIfNegative(passives);
        ArgumentOutOfRangeException.ThrowIfNegative(detractors);
        var n = promoters + passives + detractors;
        if (population is { } total)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(total, n, nameof(population));
        }

        if (n == 0)
        {
            return new NpsResult(0, 0, 0, 0, null, null, population);
        }

        var mean = (double)(promoters - detractors) / n;
        var score = (int)Math.Round(100 * (decimal)(promoters - detractors) / n, MidpointRounding.AwayFromZero);
        decimal? margin = null;
        if (n >= 2)
        {
            var sumOfSquares = (promoters * Math.Pow(1 - mean, 2)) + (passives * Math.Pow(mean, 2)) + (detractors * Math.Pow(-1 - mean, 2));
            var variance = sumOfSquares / (n - 1);
            var correction = population is { } size && size > 1 ? Math.Sqrt((double)(size - n) / (size - 1)) : 1d;
            margin = Math.Round((decimal)(Z95 * Math.Sqrt(variance / n) * correction * 100), 1, MidpointRounding.AwayFromZero);
        }

        return new NpsResult(n, promoters, passives, detractors, score, margin, population);
    }

    /// <summary>
    /// An NPS weighted by the respondents' buying roles: each answer counts its role's weight instead of one (a
    /// decision maker's more than a user's). From the summed weights of each group; null when they sum to zero.
    /// </summary>
    public static int? WeightedNps(decimal promoterWeight, decimal passiveWeight, decimal detractorWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promoterWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(passiveWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(detractorWeight);
        var total = promoterWeight + passiveWeight + detractorWeight;
        return total == 0 ? null : (int)Math.Round(100 * (promoterWeight - detractorWeight) / total, MidpointRounding.AwayFromZero);
    }

    /// <summary>CSAT: the share of Rating answers that are 4 or 5, in whole percent (half away from zero); null with no rating.</summary>
    public static int? Csat(int satisfied, int ratings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(satisfied);
        ArgumentOutOfRangeException.ThrowIfLessThan(ratings, satisfied);
        return ratings == 0 ? null : (int)Math.Round(100m * satisfied / ratings, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A share in percent with one decimal (half away from zero): the response rate (responded of invited) and the
    /// revenue coverage (responding accounts' revenue of the invited accounts'); null when the whole is zero.
    /// </summary>
    public static decimal? Percent(decimal part, decimal whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The mean of the numeric answers of a question (Nps or Rating), two decimals, half away from zero.</summary>
    public static decimal? Average(decimal? mean) => mean is { } m ? Math.Round(m, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The default weight of each buying role in the weighted account NPS (configurable: <c>Surveys:RoleWeights</c>).</summary>
    public static readonly IReadOnlyDictionary<BuyingRole, decimal> DefaultRoleWeights = new Dictionary<BuyingRole, decimal>
    {
        [BuyingRole.DecisionMaker] = 3m,
        [BuyingRole.Champion] = 2m,
        [BuyingRole.Influencer] = 2m,
        [BuyingRole.User] = 1m,
        [BuyingRole.Gatekeeper] = 1m,
    };
}

/// <summary>An NPS with what it rests on: n, the groups, the 95 % margin of error in points and the panel size it was corrected for.</summary>
public sealed record NpsResult(int Respondents, int Promoters, int Passives, int Detractors, int? Score, decimal? MarginOfError, int? Population);
