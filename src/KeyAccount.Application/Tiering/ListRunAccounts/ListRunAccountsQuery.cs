using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.ListRunAccounts;

/// <summary>An account as one tiering run recorded it (its line of the stored tier history).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name" example="华东精密制造有限公司">Its name.</param>
/// <param name="PreviousTier">Its tier before the run when it had been tiered by a run before; null at its first run.</param>
/// <param name="NewTier">The tier the run placed it in.</param>
/// <param name="Reason">Promoted, Demoted, Initial, Unchanged or Override, as the run recorded it.</param>
/// <param name="Score">Its weighted score, 0–100.</param>
public sealed record TierRunAccountDto(AccountId AccountId, string Name, Tier? PreviousTier, Tier NewTier, TierChangeReason Reason, decimal Score);

/// <summary>
/// The accounts of one run, from its stored tier history: of one <paramref name="Tier"/> (the tier it placed them in:
/// the run's count of that tier), and only those it moved (<paramref name="Moved"/>: Promoted or Demoted, or an
/// override that changed the tier an account had had from a run before), by name.
/// </summary>
public sealed record ListRunAccountsQuery(TieringRunId RunId, Tier? Tier, bool Moved, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<TierRunAccountDto>>, IPagedQuery;

public sealed class ListRunAccountsValidator : AbstractValidator<ListRunAccountsQuery>
{
    public ListRunAccountsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Tier).IsInEnum();
    }
}

/// <summary>Reads the rows the run wrote (<c>tier_assignments</c>); an AccountManager sees the lines of their own and their team's accounts.</summary>
public sealed class ListRunAccountsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListRunAccountsQuery, PagedResult<TierRunAccountDto>>
{
    public async ValueTask<PagedResult<TierRunAccountDto>> Handle(ListRunAccountsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await db.TieringRuns.AnyAsync(r => r.Id == query.RunId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Tiering run", query.RunId.Value);
        }

        var lines = db.TierAssignments.AsNoTracking().Where(a => a.RunId == query.RunId);
        if (AccountAccess.RestrictedTo(user) is not null)
        {
            var visible = db.VisibleAccounts(user);
            lines = lines.Where(l => visible.Any(a => a.Id == l.AccountId));
        }

        if (query.Tier is { } tier)
        {
            lines = lines.Where(l => l.NewTier == tier);
        }

        if (query.Moved)
        {
            lines = lines.Where(l => l.Reason == TierChangeReason.Promoted || l.Reason == TierChangeReason.Demoted
                || (l.Reason == TierChangeReason.Override && l.PreviousTier != null && l.PreviousTier != l.NewTier));
        }

        var rows = lines.Join(db.Accounts, l => l.AccountId, a => a.Id, (l, a) => new { Line = l, a.Name });
        var total = await lines.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderBy(r => r.Name).ThenBy(r => r.Line.AccountId)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new TierRunAccountDto(r.Line.AccountId, r.Name, r.Line.PreviousTier, r.Line.NewTier, r.Line.Reason, r.Line.Score))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<TierRunAccountDto>(page, query.Page, query.PageSize, total, null);
    }
}
