using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Tiering;

public readonly record struct TierPolicyId(Guid Value) : ITypedId<TierPolicyId>
{
    public static TierPolicyId From(Guid value) => new(value);

    public static TierPolicyId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What an account is scored on (design §1.2).</summary>
public enum Criterion
{
    /// <summary>Trailing-12-month revenue, percentile rank.</summary>
    TrailingRevenue,

    /// <summary>TTM vs previous TTM, percentile rank.</summary>
    RevenueGrowth,

    /// <summary>TTM gross margin %, percentile rank.</summary>
    GrossMargin,

    /// <summary>Strategic fit 1–5, linear to 0–100.</summary>
    StrategicFit,

    /// <summary>Estimated potential revenue, percentile rank.</summary>
    PotentialValue,

    /// <summary>Years since the first contract, percentile rank.</summary>
    RelationshipLength,

    /// <summary>Latest account NPS −100..100, linear to 0–100.</summary>
    Satisfaction,
}

public enum PolicyStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>A criterion's weight in a policy, in whole percent.</summary>
public sealed record CriterionWeight(Criterion Criterion, int Weight);

/// <summary>The lowest score of each tier above Standard; strictly descending, within 0–100.</summary>
public sealed record TierCutoffs(decimal Strategic, decimal Key, decimal Growth)
{
    public static readonly TierCutoffs Default = new(80, 60, 40);

    /// <summary>The cut-off a score must reach to be in <paramref name="tier"/> (Standard: 0).</summary>
    public decimal For(Tier tier) => tier switch
    {
        Tier.Strategic => Strategic,
        Tier.Key => Key,
        Tier.Growth => Growth,
        _ => 0,
    };
}

/// <summary>
/// What a tier is entitled to: the service programme (design §1.2). Complaint SLAs per severity, contact cadence,
/// survey programme and whether an active development plan is required all come from this one table.
/// </summary>
public sealed record ServiceLevel(Tier Tier, int? ContactCadenceDays, bool DevelopmentPlanRequired, int SurveysPerYear, int FirstResponseHours, int ResolutionHours);

/// <summary>
/// A versioned tier policy: weighted criteria, cut-offs, an optional cap on Strategic accounts, the hysteresis
/// margin, and the service programme. Drafts are edited and simulated; publishing freezes a version.
/// </summary>
public sealed class TierPolicy : AggregateRoot
{
    public const decimal DefaultHysteresisMargin = 5m;

    private List<CriterionWeight> _criteria = [];
    private List<ServiceLevel> _programme = [];

    private TierPolicy()
    {
        Name = string.Empty;
        Cutoffs = TierCutoffs.Default;
    }

    public TierPolicyId Id { get; private set; }

    /// <summary>Version number, 1, 2, 3… in order of creation.</summary>
    public int Number { get; private set; }

    public string Name { get; private set; }

    public PolicyStatus Status { get; private set; }

    public IReadOnlyList<CriterionWeight> Criteria => _criteria;

    public TierCutoffs Cutoffs { get; private set; }

    /// <summary>At most this many Strategic accounts (managers' capacity); null for no cap.</summary>
    public int? StrategicCap { get; private set; }

    /// <summary>Points below its tier's cut-off an account may fall before it is demoted.</summary>
    public decimal HysteresisMargin { get; private set; }

    public IReadOnlyList<ServiceLevel> Programme => _programme;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public static IReadOnlyList<CriterionWeight> DefaultCriteria { get; } =
    [
        new(Criterion.TrailingRevenue, 30),
        new(Criterion.RevenueGrowth, 15),
        new(Criterion.GrossMargin, 10),
        new(Criterion.StrategicFit, 15),
        new(Criterion.PotentialValue, 10),
        new(Criterion.RelationshipLength, 5),
        new(Criterion.Satisfaction, 15),
    ];

    /// <summary>Design defaults: Strategic and Key need a plan; first response 24 h for all, shorter for higher tiers.</summary>
    public static IReadOnlyList<ServiceLevel> DefaultProgramme { get; } =
    [
        new(Tier.Strategic, 30, true, 2, 4, 48),
        new(Tier.Key, 60, true, 2, 8, 72),
        new(Tier.Growth, 90, false, 1, 24, 120),
        new(Tier.Standard, null, false, 1, 24, 168),
    ];

    public static TierPolicy CreateDraft(int number, string name, TierPolicyTerms terms, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(terms);
        var policy = new TierPolicy { Id = TierPolicyId.New(), Number = number, Status = PolicyStatus.Draft, CreatedAt = now };
        policy.Apply(name, terms);
        return policy;
    }

    public void UpdateDraft(string name, TierPolicyTerms terms)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(terms);
        CheckRule(new OnlyADraftPolicyCanChangeRule(Status));
        Apply(name, terms);
    }

    /// <summary>Draft → Published. The previously published version is retired by the caller, in the same transaction.</summary>
    public void Publish(DateTimeOffset now)
    {
        CheckRule(new OnlyADraftPolicyCanBePublishedRule(Status));
        Status = PolicyStatus.Published;
        PublishedAt = now;
    }

    public ServiceLevel ServiceLevelOf(Tier tier) => _programme.First(p => p.Tier == tier);

    private void Apply(string name, TierPolicyTerms terms)
    {
        CheckRule(new CriteriaMustBeDistinctRule(terms.Criteria));
        CheckRule(new WeightsMustBeWholePercentagesRule(terms.Criteria));
        CheckRule(new WeightsMustSumToHundredRule(terms.Criteria));
        CheckRule(new CutoffsMustDescendWithinZeroToHundredRule(terms.Cutoffs));
        CheckRule(new HysteresisMarginMustBeBetweenZeroAndTwentyRule(terms.HysteresisMargin));
        CheckRule(new StrategicCapMustBePositiveRule(terms.StrategicCap));
        CheckRule(new ProgrammeMustCoverEveryTierOnceRule(terms.Programme));
        Name = name.Trim();
        _criteria = [.. terms.Criteria];
        Cutoffs = terms.Cutoffs;
        StrategicCap = terms.StrategicCap;
        HysteresisMargin = terms.HysteresisMargin;
        _programme = [.. terms.Programme.OrderBy(p => p.Tier)];
    }
}

/// <summary>The editable terms of a policy.</summary>
public sealed record TierPolicyTerms(
    IReadOnlyList<CriterionWeight> Criteria,
    TierCutoffs Cutoffs,
    int? StrategicCap,
    decimal HysteresisMargin,
    IReadOnlyList<ServiceLevel> Programme)
{
    public static TierPolicyTerms Default { get; } = new(TierPolicy.DefaultCriteria, TierCutoffs.Default, null, TierPolicy.DefaultHysteresisMargin, TierPolicy.DefaultProgramme);
}
