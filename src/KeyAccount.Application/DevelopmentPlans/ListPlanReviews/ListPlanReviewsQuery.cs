using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.ListPlanReviews;

/// <summary>The reviews of a plan version, latest first.</summary>
public sealed record ListPlanReviewsQuery(DevelopmentPlanId Id) : IQuery<IReadOnlyList<PlanReviewDto>>;

public sealed class ListPlanReviewsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListPlanReviewsQuery, IReadOnlyList<PlanReviewDto>>
{
    public async ValueTask<IReadOnlyList<PlanReviewDto>> Handle(ListPlanReviewsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = db.VisibleAccounts(user);
        if (!await db.DevelopmentPlans.AnyAsync(p => p.Id == query.Id && visible.Any(a => a.Id == p.AccountId), cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Development plan", query.Id.Value);
        }

        var reviews = await db.PlanReviews.AsNoTracking().Where(r => r.PlanId == query.Id)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await db.ToDtosAsync(reviews, cancellationToken).ConfigureAwait(false);
    }
}
