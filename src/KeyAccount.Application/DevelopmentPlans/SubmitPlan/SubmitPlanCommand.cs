using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.SubmitPlan;

/// <summary>Draft → Submitted: the plan waits for a Director's approval (it needs an objective and an initiative).</summary>
/// <param name="Id">The plan version.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record SubmitPlanCommand(DevelopmentPlanId Id, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class SubmitPlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SubmitPlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(SubmitPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.Submit(me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
