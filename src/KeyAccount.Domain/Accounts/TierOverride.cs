using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

/// <summary>A tier pinned by a Director, with a reason, until (not including) its expiry date.</summary>
public sealed record TierOverride(Tier Tier, string Reason, DateOnly ExpiresOn, UserId SetBy, DateTimeOffset SetAt)
{
    /// <summary>Active on <paramref name="day"/> when it expires after that day: a run on the expiry date ignores it.</summary>
    public bool IsActiveOn(DateOnly day) => ExpiresOn > day;
}
