using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Health;
using KeyAccount.Application.Health.RecomputeHealth;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Dashboard.ListAccountsAtRisk;

/// <summary>Active accounts whose health is Amber or Red (or only <paramref name="Band"/>; of one <paramref name="Tier"/> when given), worst first (equal scores in a stable order).</summary>
public sealed record ListAccountsAtRiskQuery(HealthBand? Band, UserId? OwnerId, int Page = 1, int PageSize = Paging.DefaultPageSize, Tier? Tier = null) : IQuery<PagedResult<AccountAtRiskDto>>, IPagedQuery;

public sealed class ListAccountsAtRiskValidator : AbstractValidator<ListAccountsAtRiskQuery>
{
    private static readonly string[] AtRiskBands = [nameof(HealthBand.Amber), nameof(HealthBand.Red)];

    public ListAccountsAtRiskValidator()
    {
        RuleFor(x => x.Band).Must(b => b is null or HealthBand.Amber or HealthBand.Red).WithErrorCode(FieldErrorCodes.InvalidValue).WithMessage("band must be Amber or Red.")
            .WithState(_ => new Dictionary<string, object?> { ["allowed"] = AtRiskBands });
        RuleFor(x => x.Tier).IsInEnum();
        Include(PagingValidator.Instance);
    }
}

/// <summary>
/// Reads the stored health (<see cref="RecomputeHealthCommand"/>): one indexed read of a page, whatever
/// the number of accounts in scope. The rules stay the domain's (<see cref="AccountHealth"/>); the page says when the
/// figures were computed.
/// </summary>
public sealed class ListAccountsAtRiskHandler(IAccountHealthStore store, ICurrentUser user)
    : IQueryHandler<ListAccountsAtRiskQuery, PagedResult<AccountAtRiskDto>>
{
    public async ValueTask<PagedResult<AccountAtRiskDto>> Handle(ListAccountsAtRiskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (rows, total) = await store.ReadAtRiskAsync(user.Scope(query.OwnerId), query.Band, query.Tier, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken)
            .ConfigureAwait(false);
        var page = rows
            .Select(r => new AccountAtRiskDto(r.AccountId, r.Name, r.Tier, r.OwnerId, r.OwnerName, r.Score, r.Band,
                [.. r.Warnings.Select(w => new HealthWarningDto(w.Component, w.Code, w.Message, w.Figures))], r.ComputedAt))
            .ToList();
        return new PagedResult<AccountAtRiskDto>(page, query.Page, query.PageSize, total, null);
    }
}
