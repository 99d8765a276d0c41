using System.ComponentModel.DataAnnotations;
using KeyAccount.Application.Audit.ListAuditEntries;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/audit: who changed what and when.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit")
            .WithName("ListAuditEntries").RequireAuthorization(Permissions.AuditRead)
            .WithSummary("The audit trail")
            .WithDescription("Changes of accounts, contacts, account teams, tier overrides, tier policies, the SLA policy, users and webhook endpoints, newest first: who (a user, or the system for scheduled jobs), when, the request's correlation id, and each changed field before and after. Written in the same transaction as the change. Secrets (password hashes, security stamps, signing secrets) are listed as changed with \"***\" for values; timestamps and the concurrency version are not recorded. Filter by `entityType` and `entityId` (one record's history) or `accountId` (everything of one account: the account, its contacts, team and tier override). An AccountManager sees only rows of the accounts they may see; naming another account answers 404. Changes made by set-based statements (tiering runs setting tiers: see the tier history; revenue imports) are not in the trail.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="entityType">Only records of this type: account, contact, accountTeamMember, tierOverride, tierPolicy, slaPolicy, user or webhookEndpoint.</param>
    /// <param name="entityId">Only this record (a team membership: the member's user id; a tier override: the account's id).</param>
    /// <param name="accountId">Only records of this account (the account, its contacts, team members and tier override).</param>
    /// <param name="page">1-based page (default 1).</param>
    /// <param name="pageSize">Rows per page, 1–200 (default 50).</param>
    private static async Task<Ok<PagedResult<AuditEntryDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery, MaxLength(50)] string? entityType = null,
        [FromQuery] Guid? entityId = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListAuditEntriesQuery
            {
                EntityType = entityType,
                EntityId = entityId,
                AccountId = accountId is { } a ? new AccountId(a) : null,
                Page = page,
                PageSize = pageSize,
            },
            ct));
}
