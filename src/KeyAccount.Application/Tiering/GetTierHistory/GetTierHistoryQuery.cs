using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.GetTierHistory;

/// <summary>One criterion's part of a score: normalised value × weight = contribution.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Normalised">The account's value of the criterion normalised to 0–100 (percentile rank across active accounts, or the criterion's linear scale).</param>
/// <param name="Weight">The criterion's weight in the policy, percent (all weights sum to 100).</param>
/// <param name="Contribution">Points it adds to the score: normalised × weight / 100.</param>
public sealed record CriterionScoreDto(Criterion Criterion, decimal Normalised, int Weight, decimal Contribution);

/// <summary>The account's result in one run: why it has its tier.</summary>
/// <param name="RunId">The tiering run.</param>
/// <param name="RunDate">The day the run scored (its data is as of that day).</param>
/// <param name="PolicyNumber">Version number of the policy the run used.</param>
/// <param name="Score">The account's score, 0–100: the sum of the breakdown's contributions.</param>
/// <param name="PreviousTier">The tier before the run; null in the account's first run.</param>
/// <param name="NewTier">The tier the run gave.</param>
/// <param name="Reason">Initial, Promoted, Demoted, Unchanged, or Override (a Director's pin decided it).</param>
/// <param name="Breakdown">Each criterion's part of the score.</param>
public sealed record TierHistoryEntryDto(
    TieringRunId RunId,
    DateOnly RunDate,
    int PolicyNumber,
    decimal Score,
    Tier? PreviousTier,
    Tier NewTier,
    TierChangeReason Reason,
    IReadOnlyList<CriterionScoreDto> Breakdown);

/// <summary>The account's tier history, newest first (at most 60 runs).</summary>
public sealed record GetTierHistoryQuery(AccountId AccountId) : IQuery<IReadOnlyList<TierHistoryEntryDto>>;

public sealed class GetTierHistoryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetTierHistoryQuery, IReadOnlyList<TierHistoryEntryDto>>
{
    public async ValueTask<IReadOnlyList<TierHistoryEntryDto>> Handle(GetTierHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var rows = await (
            from a in db.TierAssignments.AsNoTracking()
            join r in db.TieringRuns.AsNoTracking() on a.RunId equals r.Id
            join p in db.TierPolicies.AsNoTracking() on r.PolicyId equals p.Id
            where a.AccountId == query.AccountId
            orderby r.StartedAt descending
            select new { a, r.RunDate, p })
            .Take(60).ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows.Select(x =>
            {
                var breakdown = TierScoring.Breakdown(x.a.Normalised(), x.p.Criteria);
                return new TierHistoryEntryDto(x.a.RunId, x.RunDate, x.p.Number, x.a.Score, x.a.PreviousTier, x.a.NewTier, x.a.Reason,
                    [.. breakdown.Select(b => new CriterionScoreDto(b.Criterion, b.Normalised, b.Weight, b.Contribution))]);
            }),
        ];
    }
}
