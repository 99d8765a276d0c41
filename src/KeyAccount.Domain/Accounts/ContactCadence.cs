namespace KeyAccount.Domain.Accounts;

/// <summary>
/// The longest allowed gap between interactions, per tier (design §1.1 defaults: Strategic 30 days,
/// Key 60, Growth 90, Standard none). The tier's service programme will own these numbers later.
/// </summary>
public static class ContactCadence
{
    public static int? MaxGapDays(Tier tier) => tier switch
    {
        Tier.Strategic => 30,
        Tier.Key => 60,
        Tier.Growth => 90,
        _ => null,
    };

    /// <summary>True when the account has gone longer than its tier allows without an interaction.</summary>
    public static bool IsOverdue(Tier tier, DateTimeOffset? lastInteraction, DateTimeOffset accountSince, DateTimeOffset now)
    {
        if (MaxGapDays(tier) is not { } gap)
        {
            return false;
        }

        var since = lastInteraction ?? accountSince;
        return now - since > TimeSpan.FromDays(gap);
    }
}
