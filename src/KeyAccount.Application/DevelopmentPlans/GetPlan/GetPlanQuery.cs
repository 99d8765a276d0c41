using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.GetPlan;

/// <summary>One plan version with its whole content, progress and allowed actions.</summary>
public sealed record GetPlanQuery(DevelopmentPlanId Id) : IQuery<PlanDto>;

public sealed class GetPlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPlanQuery, PlanDto>
{
    public async ValueTask<PlanDto> Handle(GetPlanQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = await db.LoadPlanAsync(query.Id, user, null, cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
