namespace KeyAccount.Domain.Health;

/// <summary>The four signals of an account's health (design §1.2).</summary>
public enum HealthComponent
{
    Satisfaction,
    Engagement,
    Service,
    CommercialTrend,
}

/// <summary>Green ≥ 70, Amber 40–69, Red &lt; 40.</summary>
public enum HealthBand
{
    Green,
    Amber,
    Red,
}

/// <summary>What the health of one account is computed from, as of a day.</summary>
/// <param name="ContactCadenceDays">The tier's longest allowed gap between interactions; null when the tier has none.</param>
/// <param name="LastInteractionAt">The latest interaction; null when there was none.</param>
/// <param name="AccountSince">When the account was created: the cadence counts from there when nobody has met it yet.</param>
/// <param name="LatestNps">The latest account NPS (−100..100); null without survey answers.</param>
/// <param name="OpenComplaints">Open complaints now; null until complaints are recorded.</param>
/// <param name="SlaBreaches">Complaints whose SLA was breached in the last 90 days; null until complaints are recorded.</param>
/// <param name="TrailingRevenue">Revenue of the last 12 complete months.</param>
/// <param name="PreviousTrailingRevenue">Revenue of the 12 months before those.</param>
/// <param name="OpenSurveyFollowUps">Survey follow-ups (a detractor or a low rating) still open now; null until surveys are read.</param>
/// <param name="BreachedSurveyFollowUps">Of those, the ones past their target (SLA state Breached); null until surveys are read.</param>
public sealed record HealthFacts(
    int? ContactCadenceDays,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset AccountSince,
    int? LatestNps,
    int? OpenComplaints,
    int? SlaBreaches,
    decimal TrailingRevenue,
    decimal PreviousTrailingRevenue,
    int? OpenSurveyFollowUps = null,
    int? BreachedSurveyFollowUps = null);

/// <summary>One signal's score (0–100; null when there is nothing to judge it by) and its weight.</summary>
public sealed record HealthComponentScore(HealthComponent Component, int? Score, int Weight);

/// <summary>
/// A human-readable reason why the score is lower than it should be. <see cref="Code"/> and <see cref="Figures"/>
/// let a client word it in its own language; <see cref="Message"/> is the English wording.
/// </summary>
public sealed record HealthWarning(HealthComponent Component, string Code, string Message, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>An account's health as of a moment.</summary>
public sealed record AccountHealth(int Score, HealthBand Band, IReadOnlyList<HealthComponentScore> Components, IReadOnlyList<HealthWarning> Warnings)
{
    /// <summary>A signal scoring below this drags the account below Green, and says so in a warning.</summary>
    public const int WarningBelow = 60;

    public const int GreenFrom = 70;

    public const int AmberFrom = 40;

    /// <summary>With nothing to judge by, an account is neither healthy nor sick.</summary>
    public const int Neutral = 50;

    private static readonly (HealthComponent Component, int Weight)[] Weights =
    [
        (HealthComponent.Satisfaction, 30),
        (HealthComponent.Engagement, 30),
        (HealthComponent.Service, 20),
        (HealthComponent.CommercialTrend, 20),
    ];

    /// <summary>
    /// Health = the weighted mean of the signals that have data (weights 30/30/20/20), so a signal the product cannot
    /// judge yet — no survey answered, no complaints capability, a tier without a cadence, no revenue in two years —
    /// is neutral: it neither lifts nor drags. Every signal below <see cref="WarningBelow"/> comes with a warning.
    /// </summary>
    public static AccountHealth Assess(HealthFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var warnings = new List<HealthWarning>();
        var scores = new Dictionary<HealthComponent, int?>
        {
            [HealthComponent.Satisfaction] = Satisfaction(facts, warnings),
            [HealthComponent.Engagement] = Engagement(facts, now, warnings),
            [HealthComponent.Service] = Service(facts, warnings),
            [HealthComponent.CommercialTrend] = CommercialTrend(facts, warnings),
        };
        var components = Weights.Select(w => new HealthComponentScore(w.Component, scores[w.Component], w.Weight)).ToList();
        var known = components.Where(c => c.Score is not null).ToList();
        var score = known.Count == 0
            ? Neutral
            : (int)Math.Round(known.Sum(c => (decimal)c.Score!.Value * c.Weight) / known.Sum(c => c.Weight), MidpointRounding.AwayFromZero);
        return new AccountHealth(score, BandOf(score), components, warnings);
    }

    public static HealthBand BandOf(int score) => score >= GreenFrom ? HealthBand.Green : score >= AmberFrom ? HealthBand.Amber : HealthBand.Red;

    /// <summary>Each open survey follow-up lowers the satisfaction signal by this many points.</summary>
    public const int OpenFollowUpPenalty = 10;

    /// <summary>A follow-up past its target lowers it by this many more (an unanswered unhappy customer weighs more).</summary>
    public const int BreachedFollowUpPenalty = 15;

    /// <summary>
    /// NPS −100..100 → 0..100 linear, like tiering's satisfaction criterion, less <see cref="OpenFollowUpPenalty"/> per
    /// open survey follow-up and <see cref="BreachedFollowUpPenalty"/> more per breached one, not below 0. An account with
    /// open follow-ups but no NPS (a template without an NPS question) starts from <see cref="Neutral"/>. Open
    /// follow-ups always come with the warning <c>OpenSurveyFollowUps</c>; the NPS alone below
    /// <see cref="WarningBelow"/> with <c>LowSatisfaction</c>.
    /// </summary>
    private static int? Satisfaction(HealthFacts f, List<HealthWarning> warnings)
    {
        var open = Math.Max(0, f.OpenSurveyFollowUps ?? 0);
        var breached = Math.Clamp(f.BreachedSurveyFollowUps ?? 0, 0, open);
        if (f.LatestNps is not { } nps && open == 0)
        {
            return null;
        }

        var fromNps = f.LatestNps is { } latest ? (int)Math.Round((Math.Clamp(latest, -100, 100) + 100) / 2m, MidpointRounding.AwayFromZero) : Neutral;
        if (f.LatestNps is { } measured && fromNps < WarningBelow)
        {
            warnings.Add(new HealthWarning(
                HealthComponent.Satisfaction,
                "LowSatisfaction",
                $"The latest NPS is {measured}: too few promoters.",
                new Dictionary<string, decimal> { ["nps"] = measured }));
        }

        if (open > 0)
        {
            warnings.Add(new HealthWarning(
                HealthComponent.Satisfaction,
                "OpenSurveyFollowUps",
                $"{open} survey follow-up(s) open, {breached} past their target.",
                new Dictionary<string, decimal> { ["openFollowUps"] = open, ["breachedFollowUps"] = breached }));
        }

        return Math.Max(0, fromNps - (OpenFollowUpPenalty * open) - (BreachedFollowUpPenalty * breached));
    }

    /// <summary>
    /// Within the cadence: 100. Past it, the account is overdue for contact and the signal drops to 50, then falls
    /// linearly to 0 at twice the cadence.
    /// </summary>
    private static int? Engagement(HealthFacts f, DateTimeOffset now, List<HealthWarning> warnings)
    {
        if (f.ContactCadenceDays is not { } cadence || cadence <= 0)
        {
            return null;
        }

        var since = f.LastInteractionAt ?? f.AccountSince;
        var days = Math.Max(0, (int)Math.Floor((now - since).TotalDays));
        if (days <= cadence)
        {
            return 100;
        }

        var score = (int)Math.Round(Math.Max(0m, 50m * (2m - ((decimal)days / cadence))), MidpointRounding.AwayFromZero);
        var figures = new Dictionary<string, decimal> { ["daysSinceContact"] = days, ["cadenceDays"] = cadence };
        warnings.Add(f.LastInteractionAt is null
            ? new HealthWarning(HealthComponent.Engagement, "NeverContacted", $"No interaction recorded in {days} days; the tier expects one every {cadence} days.", figures)
            : new HealthWarning(HealthComponent.Engagement, "OverdueForContact", $"No interaction for {days} days; the tier expects one every {cadence} days.", figures));
        return score;
    }

    /// <summary>100 less 20 per open complaint and 30 per SLA breach in 90 days, not below 0.</summary>
    private static int? Service(HealthFacts f, List<HealthWarning> warnings)
    {
        if (f.OpenComplaints is not { } open || f.SlaBreaches is not { } breaches)
        {
            return null;
        }

        var score = Math.Max(0, 100 - (20 * open) - (30 * breaches));
        if (score < WarningBelow)
        {
            warnings.Add(new HealthWarning(
                HealthComponent.Service,
                "ServiceProblems",
                $"{open} open complaint(s) and {breaches} SLA breach(es) in the last 90 days.",
                new Dictionary<string, decimal> { ["openComplaints"] = open, ["slaBreaches"] = breaches }));
        }

        return score;
    }

    /// <summary>
    /// Revenue year on year: flat is 70, +15 % or better 100, −35 % or worse 0, linear between. New revenue (nothing a
    /// year before) is 100; revenue stopped is 0; no revenue in either year is unknown.
    /// </summary>
    private static int? CommercialTrend(HealthFacts f, List<HealthWarning> warnings)
    {
        if (f.TrailingRevenue <= 0 && f.PreviousTrailingRevenue <= 0)
        {
            return null;
        }

        if (f.PreviousTrailingRevenue <= 0)
        {
            return 100;
        }

        var change = (f.TrailingRevenue - f.PreviousTrailingRevenue) / f.PreviousTrailingRevenue;
        var score = (int)Math.Round(Math.Clamp(70m + (200m * change), 0m, 100m), MidpointRounding.AwayFromZero);
        if (score < WarningBelow)
        {
            var percent = Math.Round(change * 100m, 1, MidpointRounding.AwayFromZero);
            warnings.Add(new HealthWarning(
                HealthComponent.CommercialTrend,
                "RevenueDecline",
                $"Revenue of the last 12 months is {-percent}% below the 12 months before.",
                new Dictionary<string, decimal> { ["changePercent"] = percent }));
        }

        return score;
    }
}
