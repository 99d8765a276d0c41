using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.ListAccountsNeedingPlan;

/// <summary>Accounts that need a development plan, by name; of one account, one manager, one tier or one reason when given.</summary>
public sealed record ListAccountsNeedingPlanQuery(UserId? OwnerId, Tier? Tier, PlanNeedReason? Reason, int Page = 1, int PageSize = Paging.DefaultPageSize, AccountId? AccountId = null)
    : IQuery<PagedResult<AccountNeedingPlanDto>>, IPagedQuery;

public sealed class ListAccountsNeedingPlanValidator : AbstractValidator<ListAccountsNeedingPlanQuery>
{
    public ListAccountsNeedingPlanValidator()
    {
        Include(PagingValidator.Instance);
    }
}

/// <summary>Reads the one home of the rule (<see cref="IPlanCoverage"/>) over the accounts the caller may see (an AccountManager: own and team accounts).</summary>
public sealed class ListAccountsNeedingPlanHandler(IPlanCoverage coverage, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListAccountsNeedingPlanQuery, PagedResult<AccountNeedingPlanDto>>
{
    public async ValueTask<PagedResult<AccountNeedingPlanDto>> Handle(ListAccountsNeedingPlanQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (rows, total) = await coverage.ReadAsync(
                user.Scope(query.OwnerId) with { Account = query.AccountId }, query.Tier, query.Reason, PlanDay.Today(clock.GetUtcNow()), (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken)
            .ConfigureAwait(false);
        return new PagedResult<AccountNeedingPlanDto>(
            [.. rows.Select(r => new AccountNeedingPlanDto(r.AccountId, r.AccountName, r.Tier, r.OwnerId, r.OwnerName, r.Reason, r.PlanId, r.PlanStatus, r.PlanEndDate))],
            query.Page, query.PageSize, total, null);
    }
}
