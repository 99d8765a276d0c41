using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.CompletePlan;

/// <summary>Active → Completed.</summary>
/// <param name="Id">The plan version.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record CompletePlanCommand(DevelopmentPlanId Id, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class CompletePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompletePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(CompletePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.Complete(me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
