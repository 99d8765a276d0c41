using System.ComponentModel.DataAnnotations;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.DevelopmentPlans.ListAccountsNeedingPlan;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/development-plans/accounts-needing-plan: the accounts the tier programme says must have a plan and that have none covering today.</summary>
internal static class PlanCoverageEndpoints
{
    public static RouteGroupBuilder MapPlanCoverage(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/development-plans").WithTags("Development plans");
        plans.MapGet("/accounts-needing-plan", List)
            .WithName("ListAccountsNeedingPlan").RequireAuthorization(Permissions.PlansRead)
            .WithSummary("Accounts that need a development plan")
            .WithDescription("Active accounts whose tier's service programme (the published tier policy's, or the defaults: Strategic and Key) requires a development plan and that have no Approved or Active plan covering today (China Standard Time), by name. `reason`: NoPlan (none, or only cancelled ones), NotApproved (only a Draft or Submitted one), Expired (the last approved plan has ended). Filters: `accountId` (one account: its row, or none when it needs no plan — the account 360's Plan tab), `ownerId`, `tier`, `reason`. An AccountManager sees own and team accounts. The same rule gives the dashboard's `accountsNeedingPlan` and the owners' weekly reminders.")
            .ProducesValidationProblem();
        return api;
    }

    /// <param name="accountId">Only this account (none when it needs no plan, or the caller may not see it).</param>
    /// <param name="ownerId">Only this manager's accounts.</param>
    /// <param name="tier">Only accounts of this tier.</param>
    /// <param name="reason">Only accounts needing a plan for this reason.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<PagedResult<AccountNeedingPlanDto>>> List(
        Guid? accountId, Guid? ownerId, Tier? tier, PlanNeedReason? reason, IMediator m, CancellationToken ct,
        [Range(1, int.MaxValue)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListAccountsNeedingPlanQuery(ownerId is { } o ? new UserId(o) : null, tier, reason, page, pageSize, accountId is { } a ? new AccountId(a) : null), ct));
}
