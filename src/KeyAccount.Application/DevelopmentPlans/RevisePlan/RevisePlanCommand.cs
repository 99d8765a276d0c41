using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.RevisePlan;

/// <summary>
/// A new version of a plan in force (Approved or Active): a draft copy with <c>planVersion</c> + 1 that needs approval
/// again; once approved it supersedes this one. A version is revised once: the handler reads whether a revision exists
/// and the aggregate decides (a second revise is a 409 <c>plan-revision-exists</c> naming the first; the unique index on
/// <c>previous_version_id</c> stands behind it for two racing each other).
/// </summary>
/// <param name="Id">The plan version to revise.</param>
public sealed record RevisePlanCommand(DevelopmentPlanId Id) : ICommand<PlanDto>;

public sealed class RevisePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RevisePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(RevisePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = await db.LoadPlanAsync(command.Id, user, null, cancellationToken).ConfigureAwait(false);
        var existing = await db.RevisionOfAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        var next = plan.Revise(user.UserId, existing, clock.GetUtcNow());
        db.DevelopmentPlans.Add(next);
        return await db.SaveAndReadAsync(next, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
