using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Health.ListAccountsAtRisk;

/// <summary>Active accounts whose health is Amber or Red (or only <paramref name="Band"/>), worst first.</summary>
public sealed record ListAccountsAtRiskQuery(HealthBand? Band, UserId? OwnerId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<AccountAtRiskDto>>, IPagedQuery;

public sealed class ListAccountsAtRiskValidator : AbstractValidator<ListAccountsAtRiskQuery>
{
    public ListAccountsAtRiskValidator()
    {
        RuleFor(x => x.Band).Must(b => b is null or HealthBand.Amber or HealthBand.Red).WithMessage("band must be Amber or Red.");
        Include(PagingValidator.Instance);
    }
}

/// <summary>
/// The health rules are the domain's (<see cref="AccountHealth"/>); the facts come from one set-based read of the
/// accounts in the caller's scope, then every account is assessed in memory — a few hundred bytes per account.
/// </summary>
public sealed class ListAccountsAtRiskHandler(IAccountSignals signals, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListAccountsAtRiskQuery, PagedResult<AccountAtRiskDto>>
{
    public async ValueTask<PagedResult<AccountAtRiskDto>> Handle(ListAccountsAtRiskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var rows = await signals.ReadAsync(user.Scope(query.OwnerId), now, cancellationToken).ConfigureAwait(false);
        var atRisk = rows
            .Select(r => (Row: r, Health: AccountHealth.Assess(r.ToHealthFacts(), now)))
            .Where(x => query.Band is { } band ? x.Health.Band == band : x.Health.Band != HealthBand.Green)
            .OrderBy(x => x.Health.Score).ThenBy(x => x.Row.Name, StringComparer.Ordinal)
            .ToList();
        var page = atRisk.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new AccountAtRiskDto(x.Row.AccountId, x.Row.Name, x.Row.Tier, x.Row.OwnerId, x.Row.OwnerName, x.Health.Score, x.Health.Band,
                [.. x.Health.Warnings.Select(w => new HealthWarningDto(w.Component, w.Code, w.Message, w.Figures))]))
            .ToList();
        return new PagedResult<AccountAtRiskDto>(page, query.Page, query.PageSize, atRisk.Count, null);
    }
}
