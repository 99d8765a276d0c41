using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.ActivatePlan;

/// <summary>Approved → Active: the plan is carried out; its first review falls due a cadence from today (or from its start).</summary>
/// <param name="Id">The plan version.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record ActivatePlanCommand(DevelopmentPlanId Id, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class ActivatePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ActivatePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(ActivatePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.Activate(me, clock.Today(), clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
