using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.CancelPlan;

/// <summary>Why a plan in force is stopped.</summary>
/// <param name="Reason" example="客户被收购，采购转由集团统一管理。">Why (required, at most 2,000 characters).</param>
public sealed record CancelPlanInput([property: MaxLength(PlanLimits.Reason)] string Reason);

/// <summary>Approved or Active → Cancelled, with a reason.</summary>
/// <param name="Id">The plan version.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record CancelPlanCommand(DevelopmentPlanId Id, string Reason, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class CancelPlanValidator : AbstractValidator<CancelPlanCommand>
{
    public CancelPlanValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(PlanLimits.Reason).OverridePropertyName("reason");
    }
}

public sealed class CancelPlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CancelPlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(CancelPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.Cancel(command.Reason, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
