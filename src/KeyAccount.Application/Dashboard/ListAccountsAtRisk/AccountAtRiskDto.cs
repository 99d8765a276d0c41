using KeyAccount.Application.Health;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Dashboard.ListAccountsAtRisk;

/// <summary>An account whose health is Amber or Red.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name" example="华东精密制造有限公司">Its name.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="OwnerId">Its owner (key account manager).</param>
/// <param name="OwnerName" example="Li Wei">The owner's display name.</param>
/// <param name="Score">Health 0–100.</param>
/// <param name="Band">Amber (40–69) or Red (&lt; 40).</param>
/// <param name="Warnings">Why, one per signal below 60.</param>
/// <param name="AsOf">When the health job computed these figures (every 15 minutes by default; the account page computes its own live).</param>
public sealed record AccountAtRiskDto(
    AccountId AccountId,
    string Name,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    int Score,
    HealthBand Band,
    IReadOnlyList<HealthWarningDto> Warnings,
    DateTimeOffset AsOf);
