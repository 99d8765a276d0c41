using System.ComponentModel.DataAnnotations;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Dashboard.GetPortfolio;
using KeyAccount.Application.Dashboard.ListAccountsAtRisk;
using KeyAccount.Application.Dashboard.ListOverdueContacts;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/dashboard: the portfolio, and the lists behind its figures (accounts at risk, accounts overdue for contact).</summary>
internal static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/dashboard").WithTags("Dashboard");
        dashboard.MapGet("/", async (Guid? ownerId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPortfolioQuery(ownerId is { } o ? new UserId(o) : null), ct)))
            .WithName("GetPortfolio").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("Portfolio: tier distribution, Pareto curve and value matrix")
            .WithDescription("Over the active accounts the caller may see (an AccountManager: own and team accounts), or one manager's (`ownerId`): accounts and revenue of the last 12 complete months per tier with their shares, the Pareto curve (cumulative revenue share by account rank, one point per percentile of accounts), the share held by the top 20 %, and the 3×3 value matrix (current value = revenue percentile third × potential value = estimate percentile third).");
        dashboard.MapGet("/at-risk", AtRisk)
            .WithName("ListAccountsAtRisk").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("Accounts at risk")
            .WithDescription("Active accounts whose stored health is Amber or Red (or only `band`; of one `tier` when given), worst first, each with its warnings and when the health was computed. Of one manager with `ownerId`; an AccountManager sees own and team accounts. The dashboard's health heat-map counts the same stored rows: its Amber and Red cells are this list's totals with `band` and `tier`.")
            .ProducesValidationProblem();
        dashboard.MapGet("/overdue-contacts", Overdue)
            .WithName("ListOverdueContacts").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("Accounts overdue for contact")
            .WithDescription("Active accounts whose last interaction (or creation, when there was none) is older than their tier's contact cadence from the published policy's service programme, longest overdue first. Of one manager with `ownerId`. The daily reminder job records a reminder for each, for its owner.")
            .ProducesValidationProblem();
        return api;
    }

    /// <param name="band">Amber or Red; both when absent.</param>
    /// <param name="tier">Only accounts of this tier.</param>
    /// <param name="ownerId">Only this manager's accounts.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<PagedResult<AccountAtRiskDto>>> AtRisk(HealthBand? band, Tier? tier, Guid? ownerId, IMediator m, CancellationToken ct, [Range(1, int.MaxValue)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListAccountsAtRiskQuery(band, ownerId is { } o ? new UserId(o) : null, page, pageSize, tier), ct));

    /// <param name="ownerId">Only this manager's accounts.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<PagedResult<OverdueContactDto>>> Overdue(Guid? ownerId, IMediator m, CancellationToken ct, [Range(1, int.MaxValue)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListOverdueContactsQuery(ownerId is { } o ? new UserId(o) : null, page, pageSize), ct));
}
