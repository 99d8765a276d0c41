using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// Who a campaign asks (design §1.4): filters on the account (tier, segment, industry, region) and on the contact's
/// buying role; an empty list means "any". Explicit <see cref="AccountIds"/> are added to (OR) the filtered accounts;
/// when no account filter is set and accounts are named, the audience is those accounts alone (otherwise naming
/// accounts would add nothing to "every account"). Which contacts are then invited or skipped, and why, is decided in
/// SQL (Infrastructure/Sql/SurveyAudienceSql.cs), the one home of the audience and fatigue rules.
/// </summary>
public sealed record Audience
{
    /// <summary>At most this many values in one filter (and explicit accounts: <see cref="MaxAccounts"/>).</summary>
    public const int MaxValues = 50;

    public const int MaxAccounts = 500;

    /// <summary>Segment, industry and region values are at most this long (the account columns' length).</summary>
    public const int MaxValueLength = 100;

    /// <summary>
    /// The order contacts of one account are picked in when the account has more than the campaign's cap: decision
    /// makers first, then champions, influencers, users and gatekeepers (then by name). The SQL receives this list.
    /// </summary>
    public static IReadOnlyList<BuyingRole> BuyingRolePriority { get; } =
        [BuyingRole.DecisionMaker, BuyingRole.Champion, BuyingRole.Influencer, BuyingRole.User, BuyingRole.Gatekeeper];

    /// <summary>Every account and every contact with an email.</summary>
    public static Audience Everyone { get; } = new();

    public IReadOnlyList<Tier> Tiers { get; init; } = [];

    public IReadOnlyList<string> Segments { get; init; } = [];

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<AccountId> AccountIds { get; init; } = [];

    public IReadOnlyList<BuyingRole> BuyingRoles { get; init; } = [];

    /// <summary>The same audience with each list's duplicates removed (order kept) and the codes of the managed lists in their stored, lower-case form: what is stored.</summary>
    public Audience Normalized() => new()
    {
        Tiers = [.. Tiers.Distinct()],
        Segments = [.. Segments.Select(ReferenceData.ReferenceItem.NormalizeCode).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
        Industries = [.. Industries.Select(ReferenceData.ReferenceItem.NormalizeCode).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
        Regions = [.. Regions.Select(ReferenceData.ReferenceItem.NormalizeCode).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
        AccountIds = [.. AccountIds.Distinct()],
        BuyingRoles = [.. BuyingRoles.Distinct()],
    };

    public bool Equals(Audience? other) =>
        other is not null
        && Tiers.SequenceEqual(other.Tiers) && Segments.SequenceEqual(other.Segments) && Industries.SequenceEqual(other.Industries)
        && Regions.SequenceEqual(other.Regions) && AccountIds.SequenceEqual(other.AccountIds) && BuyingRoles.SequenceEqual(other.BuyingRoles);

    public override int GetHashCode() => HashCode.Combine(Tiers.Count, Segments.Count, Industries.Count, Regions.Count, AccountIds.Count, BuyingRoles.Count);
}
