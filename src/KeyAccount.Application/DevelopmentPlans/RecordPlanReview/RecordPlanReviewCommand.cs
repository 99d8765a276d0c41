using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.RecordPlanReview;

/// <summary>A review held on an active plan.</summary>
public sealed record PlanReviewInput
{
    /// <summary>The day it was held (today or earlier).</summary>
    /// <example>2027-04-02</example>
    public required DateOnly HeldOn { get; init; }

    /// <summary>The decisions taken (1–4,000 characters).</summary>
    /// <example>加派两名应用工程师支持新品试产。</example>
    [MaxLength(PlanLimits.Decisions)]
    public required string Decisions { get; init; }

    /// <summary>A variance comment per objective (objectives left out get none; each objective once).</summary>
    [MaxLength(PlanLimits.Objectives)]
    public IReadOnlyList<PlanReviewCommentInput> Objectives { get; init; } = [];
}

/// <summary>Why an objective stands where it does.</summary>
public sealed record PlanReviewCommentInput
{
    /// <summary>An objective of the plan.</summary>
    public required PlanObjectiveId ObjectiveId { get; init; }

    /// <summary>The variance comment (at most 2,000 characters).</summary>
    /// <example>新产线投产推迟一个季度。</example>
    [MaxLength(PlanLimits.Comment)]
    public string? Comment { get; init; }
}

/// <summary>Records a review of an active plan: a snapshot of each objective's progress against what was expected by then, with comments, and the decisions; the next review falls due a cadence later.</summary>
public sealed record RecordPlanReviewCommand(DevelopmentPlanId Id, PlanReviewInput Input) : ICommand<PlanReviewDto>;

public sealed class RecordPlanReviewValidator : AbstractValidator<RecordPlanReviewCommand>
{
    public RecordPlanReviewValidator()
    {
        RuleFor(x => x.Input.HeldOn).NotEqual(default(DateOnly)).OverridePropertyName("heldOn");
        RuleFor(x => x.Input.Decisions).NotEmpty().MaximumLength(PlanLimits.Decisions).OverridePropertyName("decisions");
        RuleFor(x => x.Input.Objectives).NotNull().Must(o => o is null || o.Count <= PlanLimits.Objectives).WithErrorCode(FieldErrorCodes.TooManyItems)
            .WithMessage($"At most {PlanLimits.Objectives} objectives.").WithState(_ => new Dictionary<string, object?> { ["max"] = PlanLimits.Objectives })
            .OverridePropertyName("objectives");
        RuleFor(x => x.Input.Objectives).Must(o => o is null || o.Select(c => c.ObjectiveId).Distinct().Count() == o.Count)
            .WithErrorCode(FieldErrorCodes.Duplicate).WithMessage("Each objective is commented once.").OverridePropertyName("objectives");
        RuleForEach(x => x.Input.Objectives).ChildRules(c => c.RuleFor(x => x.Comment).MaximumLength(PlanLimits.Comment)).OverridePropertyName("objectives");
    }
}

public sealed class RecordPlanReviewHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordPlanReviewCommand, PlanReviewDto>
{
    public async ValueTask<PlanReviewDto> Handle(RecordPlanReviewCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, null, cancellationToken).ConfigureAwait(false);
        var comments = command.Input.Objectives.ToDictionary(o => o.ObjectiveId, o => o.Comment ?? string.Empty);
        var review = plan.RecordReview(command.Input.HeldOn, me, command.Input.Decisions, comments, clock.Today(), clock.GetUtcNow());
        db.PlanReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (await db.ToDtosAsync([review], cancellationToken).ConfigureAwait(false))[0];
    }
}
