using System.Text.Json.Serialization;
using FluentValidation;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Tiering.Common;

/// <summary>A criterion and its weight (whole percent; all weights sum to 100).</summary>
/// <param name="Criterion">What is scored.</param>
/// <param name="Weight">Its weight, 0–100.</param>
public sealed record CriterionWeightDto(Criterion Criterion, int Weight);

/// <summary>Lowest score of each tier above Standard (100 ≥ strategic > key > growth > 0).</summary>
/// <param name="Strategic">Cut-off for Strategic, e.g. 80.</param>
/// <param name="Key">Cut-off for Key, e.g. 60.</param>
/// <param name="Growth">Cut-off for Growth, e.g. 40.</param>
public sealed record CutoffsDto(decimal Strategic, decimal Key, decimal Growth);

/// <summary>What one tier is entitled to.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="ContactCadenceDays">Longest gap between interactions, in days (null: none).</param>
/// <param name="DevelopmentPlanRequired">Whether an active development plan is required.</param>
/// <param name="SurveysPerYear">Satisfaction surveys per year.</param>
/// <param name="FirstResponseHours">Complaint first-response target, hours.</param>
/// <param name="ResolutionHours">Complaint resolution target, hours.</param>
public sealed record ServiceLevelDto(Tier Tier, int? ContactCadenceDays, bool DevelopmentPlanRequired, int SurveysPerYear, int FirstResponseHours, int ResolutionHours);

/// <summary>The terms of a policy, as sent when creating, updating or simulating one.</summary>
public sealed record TierPolicyInput
{
    /// <summary>A name for the version.</summary>
    /// <example>2027 weights: more growth</example>
    public required string Name { get; init; }

    /// <summary>Criteria and weights (sum 100).</summary>
    public required IReadOnlyList<CriterionWeightDto> Criteria { get; init; }

    /// <summary>Tier cut-offs.</summary>
    public required CutoffsDto Cutoffs { get; init; }

    /// <summary>At most this many Strategic accounts; null for no cap.</summary>
    public int? StrategicCap { get; init; }

    /// <summary>Points below its tier's cut-off an account may fall before demotion (0–20).</summary>
    /// <example>5</example>
    public decimal HysteresisMargin { get; init; } = TierPolicy.DefaultHysteresisMargin;

    /// <summary>The service programme: one row per tier. Defaults to the design's table when empty.</summary>
    public IReadOnlyList<ServiceLevelDto> Programme { get; init; } = [];

    public TierPolicyTerms ToTerms() => new(
        [.. Criteria.Select(c => new CriterionWeight(c.Criterion, c.Weight))],
        new TierCutoffs(Cutoffs.Strategic, Cutoffs.Key, Cutoffs.Growth),
        StrategicCap,
        HysteresisMargin,
        Programme.Count == 0 ? TierPolicy.DefaultProgramme : [.. Programme.Select(p => new ServiceLevel(p.Tier, p.ContactCadenceDays, p.DevelopmentPlanRequired, p.SurveysPerYear, p.FirstResponseHours, p.ResolutionHours))]);
}

/// <summary>Field checks of a policy (the domain checks the rules between fields: sum, order, programme).</summary>
public sealed class TierPolicyInputValidator : AbstractValidator<TierPolicyInput>
{
    private static CriterionWeight[] Weights(IEnumerable<CriterionWeightDto> criteria) => [.. criteria.Select(c => new CriterionWeight(c.Criterion, c.Weight))];

    public TierPolicyInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Criteria).NotNull().NotEmpty();
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Criterion).IsInEnum();
            c.RuleFor(x => x.Weight).InclusiveBetween(0, 100);
        });
        // The domain's own rules, answered as 400 on the form's fields (the codes are the rules' codes).
        RuleFor(x => x.Criteria).Must(c => !new WeightsMustSumToHundredRule(Weights(c)).IsBroken()).When(x => x.Criteria is { Count: > 0 })
            .WithErrorCode(RuleCodeAttribute.Of(typeof(WeightsMustSumToHundredRule)))
            .WithMessage(x => new WeightsMustSumToHundredRule(Weights(x.Criteria)).Message)
            .WithState(x => new WeightsMustSumToHundredRule(Weights(x.Criteria)).Args);
        RuleFor(x => x.Criteria).Must(c => !new CriteriaMustBeDistinctRule(Weights(c)).IsBroken()).When(x => x.Criteria is { Count: > 0 })
            .WithErrorCode(RuleCodeAttribute.Of(typeof(CriteriaMustBeDistinctRule))).WithMessage(new CriteriaMustBeDistinctRule([]).Message);
        RuleFor(x => x.Cutoffs).NotNull();
        RuleFor(x => x.Cutoffs).Must(c => !new CutoffsMustDescendWithinZeroToHundredRule(new TierCutoffs(c.Strategic, c.Key, c.Growth)).IsBroken()).When(x => x.Cutoffs is not null)
            .WithErrorCode(RuleCodeAttribute.Of(typeof(CutoffsMustDescendWithinZeroToHundredRule))).WithMessage(new CutoffsMustDescendWithinZeroToHundredRule(new TierCutoffs(0, 0, 0)).Message);
        RuleFor(x => x.Cutoffs.Strategic).PrecisionScale(5, 2, ignoreTrailingZeros: true).When(x => x.Cutoffs is not null).OverridePropertyName("cutoffs.strategic");
        RuleFor(x => x.Cutoffs.Key).PrecisionScale(5, 2, ignoreTrailingZeros: true).When(x => x.Cutoffs is not null).OverridePropertyName("cutoffs.key");
        RuleFor(x => x.Cutoffs.Growth).PrecisionScale(5, 2, ignoreTrailingZeros: true).When(x => x.Cutoffs is not null).OverridePropertyName("cutoffs.growth");
        RuleFor(x => x.StrategicCap).GreaterThanOrEqualTo(1).When(x => x.StrategicCap is not null);
        RuleFor(x => x.HysteresisMargin).InclusiveBetween(0, 20).PrecisionScale(4, 2, ignoreTrailingZeros: true);
    }
}

/// <summary>A tier policy version.</summary>
public sealed record TierPolicyDto
{
    public TierPolicyId Id { get; init; }

    /// <summary>Version number.</summary>
    public int Number { get; init; }

    public required string Name { get; init; }

    public PolicyStatus Status { get; init; }

    public required IReadOnlyList<CriterionWeightDto> Criteria { get; init; }

    public required CutoffsDto Cutoffs { get; init; }

    public int? StrategicCap { get; init; }

    public decimal HysteresisMargin { get; init; }

    public required IReadOnlyList<ServiceLevelDto> Programme { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }

    public static TierPolicyDto From(TierPolicy p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new TierPolicyDto
        {
            Id = p.Id,
            Number = p.Number,
            Name = p.Name,
            Status = p.Status,
            Criteria = [.. p.Criteria.Select(c => new CriterionWeightDto(c.Criterion, c.Weight))],
            Cutoffs = new CutoffsDto(p.Cutoffs.Strategic, p.Cutoffs.Key, p.Cutoffs.Growth),
            StrategicCap = p.StrategicCap,
            HysteresisMargin = p.HysteresisMargin,
            Programme = [.. p.Programme.Select(s => new ServiceLevelDto(s.Tier, s.ContactCadenceDays, s.DevelopmentPlanRequired, s.SurveysPerYear, s.FirstResponseHours, s.ResolutionHours))],
            CreatedAt = p.CreatedAt,
            PublishedAt = p.PublishedAt,
            Version = p.Version,
        };
    }
}

/// <summary>A tiering run with its counts per tier.</summary>
public sealed record TieringRunDto(
    TieringRunId Id,
    TierPolicyId PolicyId,
    int PolicyNumber,
    RunTrigger Trigger,
    UserId? StartedBy,
    DateOnly RunDate,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    int StrategicCount,
    int KeyCount,
    int GrowthCount,
    int StandardCount,
    int ChangedCount)
{
    public static TieringRunDto From(TieringRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.PolicyId, r.PolicyNumber, r.Trigger, r.StartedBy, r.RunDate, r.StartedAt, r.CompletedAt, r.StrategicCount, r.KeyCount, r.GrowthCount, r.StandardCount, r.ChangedCount);
    }
}
