using System.ComponentModel.DataAnnotations;
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
public sealed record CriterionWeightDto(Criterion Criterion, [property: Range(0, 100)] int Weight);

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
public sealed record ServiceLevelDto(Tier Tier, [property: Range(1, int.MaxValue)] int? ContactCadenceDays, bool DevelopmentPlanRequired, [property: Range(0, 12)] int SurveysPerYear, [property: Range(1, int.MaxValue)] int FirstResponseHours, [property: Range(1, int.MaxValue)] int ResolutionHours);

/// <summary>The terms of a policy, as sent when creating, updating or simulating one.</summary>
public sealed record TierPolicyInput
{
    /// <summary>A name for the version.</summary>
    /// <example>2027 weights: more growth</example>
    [MaxLength(200)]
    public required string Name { get; init; }

    /// <summary>Criteria and weights (sum 100).</summary>
    [MinLength(1), MaxLength(7)] // each criterion at most once
    public required IReadOnlyList<CriterionWeightDto> Criteria { get; init; }

    /// <summary>Tier cut-offs.</summary>
    public required CutoffsDto Cutoffs { get; init; }

    /// <summary>At most this many Strategic accounts; null for no cap.</summary>
    [Range(1, int.MaxValue)]
    public int? StrategicCap { get; init; }

    /// <summary>Points below its tier's cut-off an account may fall before demotion (0–20).</summary>
    /// <example>5</example>
    public decimal HysteresisMargin { get; init; } = TierPolicy.DefaultHysteresisMargin;

    /// <summary>The service programme: one row per tier. Defaults to the design's table when empty.</summary>
    [MaxLength(4)] // one row per tier
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
    /// <summary>The version's id.</summary>
    public TierPolicyId Id { get; init; }

    /// <summary>Version number.</summary>
    public int Number { get; init; }

    /// <summary>The version's name.</summary>
    /// <example>2027 weights: more growth</example>
    public required string Name { get; init; }

    /// <summary>Draft (editable), Published (the one runs use; at most one) or Retired (replaced by a later publication).</summary>
    public PolicyStatus Status { get; init; }

    /// <summary>Criteria and their weights (sum 100).</summary>
    public required IReadOnlyList<CriterionWeightDto> Criteria { get; init; }

    /// <summary>Lowest score of each tier above Standard.</summary>
    public required CutoffsDto Cutoffs { get; init; }

    /// <summary>At most this many Strategic accounts (the lowest scores over the cap fall to Key); null for no cap.</summary>
    /// <example>25</example>
    public int? StrategicCap { get; init; }

    /// <summary>Points below its tier's cut-off an account may fall before it is demoted (0–20); promotion needs the cut-off itself.</summary>
    /// <example>5</example>
    public decimal HysteresisMargin { get; init; }

    /// <summary>The service programme: what each tier is entitled to, one row per tier.</summary>
    public required IReadOnlyList<ServiceLevelDto> Programme { get; init; }

    /// <summary>When the version was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was published (UTC); null for a draft.</summary>
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
/// <param name="Id">The run's id.</param>
/// <param name="PolicyId">The policy version it used (the one published when it ran).</param>
/// <param name="PolicyNumber">That version's number.</param>
/// <param name="Trigger">Manual (a Director) or Scheduled (the monthly job).</param>
/// <param name="StartedBy">The user who started a manual run; null for a scheduled one.</param>
/// <param name="RunDate">The day it scored (its data is as of that day).</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="CompletedAt">When it finished (UTC); runs are recorded in one transaction, when complete.</param>
/// <param name="StrategicCount">Accounts it placed in Strategic.</param>
/// <param name="KeyCount">Accounts it placed in Key.</param>
/// <param name="GrowthCount">Accounts it placed in Growth.</param>
/// <param name="StandardCount">Accounts it placed in Standard.</param>
/// <param name="ChangedCount">Accounts whose tier it changed.</param>
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
