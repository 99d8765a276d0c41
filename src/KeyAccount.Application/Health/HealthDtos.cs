using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Health;

/// <summary>One signal of the health score.</summary>
/// <param name="Component">Satisfaction (latest NPS), Engagement (days since the last interaction against the tier's cadence), Service (open complaints and SLA breaches in 90 days) or CommercialTrend (revenue year on year).</param>
/// <param name="Score">0–100; null when there is nothing to judge it by (it then neither lifts nor drags the health).</param>
/// <param name="Weight">Its weight in the health score.</param>
public sealed record HealthComponentDto(HealthComponent Component, int? Score, int Weight);

/// <summary>A reason why the health is lower than it should be.</summary>
/// <param name="Component">The signal that drags.</param>
/// <param name="Code" example="OverdueForContact">Stable code for clients to word the warning in their language: OverdueForContact, NeverContacted, LowSatisfaction, ServiceProblems, RevenueDecline.</param>
/// <param name="Message" example="No interaction for 45 days; the tier expects one every 30 days.">The warning in English.</param>
/// <param name="Figures">The figures behind it, e.g. daysSinceContact and cadenceDays.</param>
public sealed record HealthWarningDto(HealthComponent Component, string Code, string Message, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>An account's health: score 0–100, band (Green ≥ 70, Amber 40–69, Red &lt; 40), its signals and warnings.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AsOf">When the health was computed (UTC).</param>
/// <param name="Score">Health 0–100: the weighted mean of the signals that have data.</param>
/// <param name="Band">Green (≥ 70), Amber (40–69) or Red (&lt; 40).</param>
/// <param name="Components">Each signal with its score and weight.</param>
/// <param name="Warnings">Why the health is lower than it should be, one per signal below 60; empty when none.</param>
public sealed record AccountHealthDto(
    AccountId AccountId,
    DateTimeOffset AsOf,
    int Score,
    HealthBand Band,
    IReadOnlyList<HealthComponentDto> Components,
    IReadOnlyList<HealthWarningDto> Warnings)
{
    public static AccountHealthDto From(AccountId id, AccountHealth h, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(id, asOf, h.Score, h.Band,
            [.. h.Components.Select(c => new HealthComponentDto(c.Component, c.Score, c.Weight))],
            [.. h.Warnings.Select(w => new HealthWarningDto(w.Component, w.Code, w.Message, w.Figures))]);
    }
}
