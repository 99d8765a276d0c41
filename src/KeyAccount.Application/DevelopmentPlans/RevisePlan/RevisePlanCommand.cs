using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.RevisePlan;

/// <summary>
/// A new version of a plan in force (Approved or Active): a draft copy with <c>planVersion</c> + 1 that needs approval
/// again; once approved it supersedes this one. A version is revised once (a second revise is a 409 naming the first).
/// </summary>
/// <param name="Id">The plan version to revise.</param>
public sealed record RevisePlanCommand(DevelopmentPlanId Id) : ICommand<PlanDto>;

public sealed class RevisePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RevisePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(RevisePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = await db.LoadPlanAsync(command.Id, user, null, cancellationToken).ConfigureAwait(false);
        var next = plan.Revise(user.UserId, clock.GetUtcNow());
        db.DevelopmentPlans.Add(next);
        return await db.SaveAndReadAsync(next, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
