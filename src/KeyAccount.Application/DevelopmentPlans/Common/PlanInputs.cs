using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.DevelopmentPlans.Common;

/// <summary>A new development plan: its account, period and strategy (objectives and initiatives are added by editing the draft).</summary>
public sealed record CreatePlanInput
{
    /// <summary>The account the plan is for (one you may see).</summary>
    public required AccountId AccountId { get; init; }

    /// <summary>What the plan is called (1–200 characters).</summary>
    /// <example>2027–2029 华东精密发展计划</example>
    [MaxLength(PlanLimits.Title)]
    public required string Title { get; init; }

    /// <summary>The first day of the plan.</summary>
    /// <example>2027-01-01</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>The last day of the plan: 1 to 3 years after the start (end ≥ start + 1 year − 1 day, ≤ start + 3 years − 1 day).</summary>
    /// <example>2028-12-31</example>
    public required DateOnly EndDate { get; init; }

    /// <summary>Why the customer buys from us and what we promise them (1–4,000 characters).</summary>
    /// <example>以稳定交付和联合研发帮助客户缩短新品上市周期。</example>
    [MaxLength(PlanLimits.ValueProposition)]
    public required string ValueProposition { get; init; }

    /// <summary>The few priorities the plan pursues, in order (at most 20, each 1–500 characters).</summary>
    /// <example>["扩大汽车零部件份额", "建立联合研发实验室"]</example>
    [MaxLength(PlanLimits.Priorities), ItemMaxLength(PlanLimits.Priority)]
    public required IReadOnlyList<string> StrategicPriorities { get; init; }

    /// <summary>The manager who leads the plan (an active account manager or director); defaults to you.</summary>
    public UserId? OwnerId { get; init; }

    /// <summary>Months between reviews once the plan is active (1–12; default 3, quarterly).</summary>
    /// <example>3</example>
    [Range(1, 12)]
    public int? ReviewCadenceMonths { get; init; }
}

/// <summary>The whole editable document of a draft plan: it replaces what the draft holds (send every item you keep).</summary>
public sealed record UpdatePlanInput
{
    /// <summary>The plan's account; it cannot change (when sent, it must be the plan's own).</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>What the plan is called (1–200 characters).</summary>
    /// <example>2027–2029 华东精密发展计划</example>
    [MaxLength(PlanLimits.Title)]
    public required string Title { get; init; }

    /// <summary>The first day of the plan.</summary>
    /// <example>2027-01-01</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>The last day of the plan: 1 to 3 years after the start.</summary>
    /// <example>2028-12-31</example>
    public required DateOnly EndDate { get; init; }

    /// <summary>Why the customer buys from us and what we promise them (1–4,000 characters).</summary>
    /// <example>以稳定交付和联合研发帮助客户缩短新品上市周期。</example>
    [MaxLength(PlanLimits.ValueProposition)]
    public required string ValueProposition { get; init; }

    /// <summary>The few priorities the plan pursues, in order (at most 20, each 1–500 characters).</summary>
    /// <example>["扩大汽车零部件份额", "建立联合研发实验室"]</example>
    [MaxLength(PlanLimits.Priorities), ItemMaxLength(PlanLimits.Priority)]
    public required IReadOnlyList<string> StrategicPriorities { get; init; }

    /// <summary>The manager who leads the plan (an active account manager or director); unchanged when absent.</summary>
    public UserId? OwnerId { get; init; }

    /// <summary>Months between reviews once the plan is active (1–12); unchanged when absent.</summary>
    /// <example>3</example>
    [Range(1, 12)]
    public int? ReviewCadenceMonths { get; init; }

    /// <summary>The objectives, in order (at most 50). An item with the id of an existing objective keeps its identity (its actual, its links); an item without one is new; an objective left out is removed.</summary>
    [MaxLength(PlanLimits.Objectives)]
    public IReadOnlyList<PlanObjectiveInput> Objectives { get; init; } = [];

    /// <summary>The initiatives, in order (at most 200); ids as for objectives.</summary>
    [MaxLength(PlanLimits.Initiatives)]
    public IReadOnlyList<PlanInitiativeInput> Initiatives { get; init; } = [];

    /// <summary>The milestones (at most 100).</summary>
    [MaxLength(PlanLimits.Milestones)]
    public IReadOnlyList<PlanMilestoneInput> Milestones { get; init; } = [];

    /// <summary>The key stakeholders: contacts of the plan's account (at most 100, each once).</summary>
    [MaxLength(PlanLimits.Stakeholders)]
    public IReadOnlyList<PlanStakeholderInput> Stakeholders { get; init; } = [];

    /// <summary>The SWOT items (at most 100).</summary>
    [MaxLength(PlanLimits.Swot)]
    public IReadOnlyList<PlanSwotItemInput> Swot { get; init; } = [];
}

/// <summary>An objective with its measure.</summary>
public sealed record PlanObjectiveInput
{
    /// <summary>The id of an objective of this plan to keep; absent for a new one.</summary>
    public PlanObjectiveId? Id { get; init; }

    /// <summary>What is to be achieved (1–300 characters).</summary>
    /// <example>汽车零部件年收入达到 1,500 万元</example>
    [MaxLength(PlanLimits.ItemTitle)]
    public required string Title { get; init; }

    /// <summary>What the measure counts in.</summary>
    /// <example>Currency</example>
    public required MeasureUnit Unit { get; init; }

    /// <summary>Whether more or less is better.</summary>
    /// <example>HigherIsBetter</example>
    public required MeasureDirection Direction { get; init; }

    /// <summary>Where the measure stands at the start (at most 16 digits before the point and 4 after).</summary>
    /// <example>9000000</example>
    public required decimal Baseline { get; init; }

    /// <summary>Where it should stand by the due date; never equal to the baseline.</summary>
    /// <example>15000000</example>
    public required decimal Target { get; init; }

    /// <summary>ISO 4217 currency of a Currency measure (required then, absent otherwise).</summary>
    /// <example>CNY</example>
    [MaxLength(3)]
    public string? Currency { get; init; }

    /// <summary>Where the actual comes from: Manual (typed in), or a figure KeyAccount computes (then nobody types it in).</summary>
    /// <example>TtmRevenue</example>
    public required MeasureSource Source { get; init; }

    /// <summary>When the target is due (within the plan's period).</summary>
    /// <example>2028-12-31</example>
    public required DateOnly DueDate { get; init; }

    /// <summary>The current value of a Manual measure; refused for a metric-sourced one (the system fills it in).</summary>
    /// <example>9800000</example>
    public decimal? Actual { get; init; }
}

/// <summary>An initiative: who does what, by when, with which resources.</summary>
public sealed record PlanInitiativeInput
{
    /// <summary>The id of an initiative of this plan to keep; absent for a new one.</summary>
    public PlanInitiativeId? Id { get; init; }

    /// <summary>What is done (1–300 characters).</summary>
    /// <example>建立联合研发实验室</example>
    [MaxLength(PlanLimits.ItemTitle)]
    public required string Title { get; init; }

    /// <summary>Who is responsible: an active user.</summary>
    public required UserId OwnerId { get; init; }

    /// <summary>The department that carries it.</summary>
    /// <example>Technical</example>
    public required Department Department { get; init; }

    /// <summary>When it is due.</summary>
    /// <example>2027-06-30</example>
    public required DateOnly DueDate { get; init; }

    /// <summary>Where it stands.</summary>
    /// <example>NotStarted</example>
    public required InitiativeStatus Status { get; init; }

    /// <summary>The objective it serves: a 0-based index into this request's <c>objectives</c>.</summary>
    /// <example>0</example>
    [Range(0, PlanLimits.Objectives - 1)]
    public int? ObjectiveIndex { get; init; }

    /// <summary>The money it may spend.</summary>
    public MoneyDto? Budget { get; init; }

    /// <summary>The effort it takes, in person-days (0–100,000, at most 1 decimal).</summary>
    /// <example>40</example>
    public decimal? PersonDays { get; init; }
}

/// <summary>A milestone of the plan's timetable.</summary>
public sealed record PlanMilestoneInput
{
    /// <summary>What is reached (1–200 characters).</summary>
    /// <example>联合实验室揭牌</example>
    [MaxLength(PlanLimits.Title)]
    public required string Title { get; init; }

    /// <summary>When it is due.</summary>
    /// <example>2027-09-30</example>
    public required DateOnly DueDate { get; init; }

    /// <summary>When it was reached; absent while it is not.</summary>
    public DateOnly? ReachedOn { get; init; }
}

/// <summary>A key stakeholder: a contact of the plan's account.</summary>
public sealed record PlanStakeholderInput
{
    /// <summary>The contact.</summary>
    public required ContactId ContactId { get; init; }

    /// <summary>Why they matter to the plan (at most 1,000 characters).</summary>
    /// <example>决定研发预算</example>
    [MaxLength(PlanLimits.Note)]
    public string? Note { get; init; }
}

/// <summary>A SWOT item, optionally citing its evidence.</summary>
public sealed record PlanSwotItemInput
{
    /// <summary>Strength, Weakness, Opportunity or Threat.</summary>
    /// <example>Opportunity</example>
    public required SwotQuadrant Quadrant { get; init; }

    /// <summary>The item (1–1,000 characters).</summary>
    /// <example>客户新建新能源产线，需要本地供应商</example>
    [MaxLength(PlanLimits.Note)]
    public required string Text { get; init; }

    /// <summary>What it rests on: a complaint, a survey response or a revenue trend.</summary>
    public PlanEvidenceInput? Evidence { get; init; }
}

/// <summary>A piece of evidence a SWOT item cites.</summary>
public sealed record PlanEvidenceInput
{
    /// <summary>What kind of record it is.</summary>
    /// <example>Complaint</example>
    public required EvidenceKind Kind { get; init; }

    /// <summary>Which record: a complaint reference, a survey response id, a revenue period (1–100 characters).</summary>
    /// <example>CMP-2026-000123</example>
    [MaxLength(100)]
    public required string Reference { get; init; }
}

/// <summary>The size limits of a plan's fields, written once for the inputs, their validators and the OpenAPI document.</summary>
public static class PlanLimits
{
    public const int Title = 200;
    public const int ItemTitle = 300;
    public const int Reason = 2000;
    public const int Decisions = 4000;
    public const int ValueProposition = 4000;
    public const int Priority = 500;
    public const int Priorities = 20;
    public const int Objectives = 50;
    public const int Initiatives = 200;
    public const int Milestones = 100;
    public const int Stakeholders = 100;
    public const int Swot = 100;
    public const int Note = 2000;
    public const int Comment = 2000;
}

/// <summary>The field rules of the plan's header (create and update).</summary>
internal static class PlanHeaderRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string> title, Func<T, DateOnly> start, Func<T, DateOnly> end, Func<T, string> value, Func<T, IReadOnlyList<string>> priorities, Func<T, int?> cadence)
    {
        v.RuleFor(x => title(x)).NotEmpty().MaximumLength(PlanLimits.Title).OverridePropertyName("title");
        v.RuleFor(x => start(x)).NotEqual(default(DateOnly)).OverridePropertyName("startDate");
        v.RuleFor(x => end(x)).NotEqual(default(DateOnly)).OverridePropertyName("endDate");
        v.RuleFor(x => value(x)).NotEmpty().MaximumLength(PlanLimits.ValueProposition).OverridePropertyName("valueProposition");
        v.RuleFor(x => priorities(x)).NotNull().Must(p => p is null || p.Count <= PlanLimits.Priorities)
            .WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {PlanLimits.Priorities} strategic priorities.")
            .WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Priorities })
            .OverridePropertyName("strategicPriorities");
        v.RuleForEach(x => priorities(x)).NotEmpty().MaximumLength(PlanLimits.Priority).OverridePropertyName("strategicPriorities");
        v.RuleFor(x => cadence(x)).InclusiveBetween(1, 12).When(x => cadence(x) is not null).OverridePropertyName("reviewCadenceMonths");
    }
}

public sealed class CreatePlanInputValidator : AbstractValidator<CreatePlanInput>
{
    public CreatePlanInputValidator()
    {
        RuleFor(x => x.AccountId).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("accountId is required.");
        PlanHeaderRules.Apply(this, x => x.Title, x => x.StartDate, x => x.EndDate, x => x.ValueProposition, x => x.StrategicPriorities, x => x.ReviewCadenceMonths);
    }
}

public sealed class UpdatePlanInputValidator : AbstractValidator<UpdatePlanInput>
{
    /// <summary>Baselines, targets and actuals: what numeric(20,4) holds (16 digits before the point, 4 after).</summary>
    private const int MeasurePrecision = 20;
    private const int MeasureScale = 4;

    public UpdatePlanInputValidator()
    {
        PlanHeaderRules.Apply(this, x => x.Title, x => x.StartDate, x => x.EndDate, x => x.ValueProposition, x => x.StrategicPriorities, x => x.ReviewCadenceMonths);
        RuleFor(x => x.Objectives).NotNull().Must(o => o is null || o.Count <= PlanLimits.Objectives).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Objectives} objectives.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Objectives });
        RuleFor(x => x.Initiatives).NotNull().Must(o => o is null || o.Count <= PlanLimits.Initiatives).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Initiatives} initiatives.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Initiatives });
        RuleFor(x => x.Milestones).NotNull().Must(o => o is null || o.Count <= PlanLimits.Milestones).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Milestones} milestones.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Milestones });
        RuleFor(x => x.Stakeholders).NotNull().Must(o => o is null || o.Count <= PlanLimits.Stakeholders).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Stakeholders} stakeholders.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Stakeholders });
        RuleFor(x => x.Swot).NotNull().Must(o => o is null || o.Count <= PlanLimits.Swot).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Swot} SWOT items.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Swot });

        RuleForEach(x => x.Objectives).ChildRules(o =>
        {
            o.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanLimits.ItemTitle);
            o.RuleFor(x => x.Unit).IsInEnum();
            o.RuleFor(x => x.Direction).IsInEnum();
            o.RuleFor(x => x.Source).IsInEnum();
            o.RuleFor(x => x.Baseline).PrecisionScale(MeasurePrecision, MeasureScale, true);
            o.RuleFor(x => x.Target).PrecisionScale(MeasurePrecision, MeasureScale, true);
            o.RuleFor(x => x.Actual).PrecisionScale(MeasurePrecision, MeasureScale, true).When(x => x.Actual is not null);
            o.RuleFor(x => x.DueDate).NotEqual(default(DateOnly));
            o.RuleFor(x => x.Currency).MaximumLength(3);
        });
        RuleForEach(x => x.Initiatives).ChildRules(i =>
        {
            i.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanLimits.ItemTitle);
            i.RuleFor(x => x.OwnerId).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("ownerId is required.");
            i.RuleFor(x => x.Department).IsInEnum();
            i.RuleFor(x => x.Status).IsInEnum();
            i.RuleFor(x => x.DueDate).NotEqual(default(DateOnly));
            i.RuleFor(x => x.PersonDays).InclusiveBetween(0m, 100_000m).PrecisionScale(8, 1, true).When(x => x.PersonDays is not null);
            i.RuleFor(x => x.Budget!.Amount).GreaterThanOrEqualTo(0m).PrecisionScale(Money.Precision, Money.Scale, true).When(x => x.Budget is not null).OverridePropertyName("budget.amount");
            i.RuleFor(x => x.Budget!.Currency).NotEmpty().Matches("^[A-Z]{3}$").When(x => x.Budget is not null).OverridePropertyName("budget.currency");
        });
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Title).NotEmpty().MaximumLength(PlanLimits.Title);
            m.RuleFor(x => x.DueDate).NotEqual(default(DateOnly));
        });
        RuleForEach(x => x.Stakeholders).ChildRules(s =>
        {
            s.RuleFor(x => x.ContactId).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("contactId is required.");
            s.RuleFor(x => x.Note).MaximumLength(PlanLimits.Note);
        });
        RuleFor(x => x.Stakeholders).Must(s => s is null || s.Select(x => x.ContactId).Distinct().Count() == s.Count)
            .WithErrorCode(FieldErrorCodes.Duplicate).WithMessage("A contact is a stakeholder once.");
        RuleForEach(x => x.Swot).ChildRules(s =>
        {
            s.RuleFor(x => x.Quadrant).IsInEnum();
            s.RuleFor(x => x.Text).NotEmpty().MaximumLength(PlanLimits.Note);
            s.RuleFor(x => x.Evidence!.Kind).IsInEnum().When(x => x.Evidence is not null).OverridePropertyName("evidence.kind");
            s.RuleFor(x => x.Evidence!.Reference).NotEmpty().MaximumLength(100).When(x => x.Evidence is not null).OverridePropertyName("evidence.reference");
        });
    }
}
