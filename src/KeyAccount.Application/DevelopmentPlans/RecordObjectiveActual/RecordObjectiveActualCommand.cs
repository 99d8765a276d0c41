using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.RecordObjectiveActual;

/// <summary>A manual measure's current value.</summary>
/// <param name="Value" example="9800000">The value (at most 16 digits before the point and 4 after).</param>
public sealed record ObjectiveActualInput(decimal Value);

/// <summary>Records a Manual measure's actual value (Draft, Approved and Active plans); the objective's and the plan's progress follow. A metric-sourced measure refuses it (409 on <c>value</c>).</summary>
/// <param name="PlanId">The plan version.</param>
/// <param name="ObjectiveId">The objective.</param>
/// <param name="Value">The value.</param>
/// <param name="ExpectedVersion">The plan's version from the client's If-Match.</param>
public sealed record RecordObjectiveActualCommand(DevelopmentPlanId PlanId, PlanObjectiveId ObjectiveId, decimal Value, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class RecordObjectiveActualValidator : AbstractValidator<RecordObjectiveActualCommand>
{
    public RecordObjectiveActualValidator()
    {
        RuleFor(x => x.Value).PrecisionScale(20, 4, true).OverridePropertyName("value");
    }
}

public sealed class RecordObjectiveActualHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordObjectiveActualCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(RecordObjectiveActualCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = await db.LoadPlanAsync(command.PlanId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.RecordActual(command.ObjectiveId, command.Value, clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
