using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.DevelopmentPlans;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.Common;

internal static class PlanReviewReading
{
    /// <summary>Reviews as their DTOs, with the names of who recorded them.</summary>
    public static async Task<IReadOnlyList<PlanReviewDto>> ToDtosAsync(this IAppDbContext db, IReadOnlyList<PlanReview> reviews, CancellationToken cancellationToken)
    {
        var ids = reviews.Select(r => r.By).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        return [.. reviews.Select(r => new PlanReviewDto(
            r.Id, r.HeldOn, r.By, names.TryGetValue(r.By, out var name) ? name : null, r.Progress,
            [.. r.Objectives.Select(o => new PlanReviewObjectiveDto(o.ObjectiveId, o.Title, o.Progress, o.Actual, o.ExpectedProgress, o.Comment))],
            r.Decisions, r.CreatedAt))];
    }
}
