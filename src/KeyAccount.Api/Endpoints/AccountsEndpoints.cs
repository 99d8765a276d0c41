using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Accounts.CreateAccount;
using KeyAccount.Application.Accounts.DeleteAccount;
using KeyAccount.Application.Accounts.ExportAccounts;
using KeyAccount.Application.Accounts.GetAccount;
using KeyAccount.Application.Accounts.GetAccountTeam;
using KeyAccount.Application.Accounts.ListAccounts;
using KeyAccount.Application.Accounts.ReplaceAccountTeam;
using KeyAccount.Application.Accounts.UpdateAccount;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/accounts: the customer 360's profile and team.</summary>
internal static class AccountsEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("Accounts");

        group.MapGet("/", ListAccounts).WithName("ListAccounts").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("List accounts")
            .WithDescription("Filter by tier, segment, industry, region, owner, status and free text (name or registration number); sort by name, registrationNumber, createdAt or updatedAt ('-' for descending). Page with page/pageSize (≤ 200), or for deep lists pass the previous page's nextCursor as cursor (keyset paging). AccountManagers see only their own and their team's accounts.")
            .ProducesValidationProblem();

        group.MapGet("/export", ExportAccounts).WithName("ExportAccounts").RequireAuthorization(Permissions.AccountsRead).Exports()
            .WithSummary("Export the accounts list (CSV or Excel)")
            .WithDescription("Every account the list shows with the same filters and sort (no paging), as a CSV or .xlsx file streamed as it is read. AccountManagers get only their own and their team's accounts; the revenue columns (potential annual revenue and its currency) are only there for callers with revenue:read. At most Exports:MaxRows rows (default 1,000,000): more is a 400 on `filters` (narrow the filters).")
            .ProducesValidationProblem();

        group.MapPost("/", CreateAccount).WithName("CreateAccount").RequireAuthorization(Permissions.AccountsWrite).Creates().SendsETag()
            .WithSummary("Create an account")
            .WithDescription("Creates an account. An AccountManager becomes its owner; a Director may name any active AccountManager or Director as owner. The registration number must be unique.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", GetAccount).WithName("GetAccount").RequireAuthorization(Permissions.AccountsRead).SendsETag()
            .WithSummary("Get an account")
            .WithDescription("The account's profile. The ETag header carries its version; send it back as If-Match when updating.");

        group.MapPut("/{id:guid}", UpdateAccount).WithName("UpdateAccount").RequireAuthorization(Permissions.AccountsWrite).SendsETag()
            .WithSummary("Update an account")
            .WithDescription("Replaces the profile. Requires If-Match with the ETag of your last read: 412 when someone changed the account since, 428 without If-Match. Only a Director can change the owner.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id:guid}", DeleteAccount).WithName("DeleteAccount").RequireAuthorization(Permissions.AccountsDelete)
            .WithSummary("Delete an account")
            .WithDescription("Deletes the account with its contacts, interactions and revenue (Director only; usually set the status to Lost instead). Requires If-Match. An account that complaints or other records still refer to is not deleted: 409 names what holds it.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapGet("/{id:guid}/team", GetTeam).WithName("GetAccountTeam").RequireAuthorization(Permissions.AccountsRead).SendsETag()
            .WithSummary("Get the account team")
            .WithDescription("The owner and the users with a role on the account. Team members who are AccountManagers can see and work the account.");

        group.MapPut("/{id:guid}/team", ReplaceTeam).WithName("ReplaceAccountTeam").RequireAuthorization(Permissions.AccountsWrite).SendsETag()
            .WithSummary("Replace the account team")
            .WithDescription("Replaces the whole team (owner or Director). Requires If-Match with the account's ETag.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        return api;
    }

    /// <param name="tier">Only accounts of this tier.</param>
    /// <param name="segment">Only this customer type: a code of the Segment list, any case (e.g. enterprise).</param>
    /// <param name="industry">Only this industry: a code of the Industry list, any case (e.g. energy).</param>
    /// <param name="region">Only this region: a code of the Region list, any case (e.g. east-china).</param>
    /// <param name="ownerId">Only accounts owned by this user.</param>
    /// <param name="status">Only accounts in this status.</param>
    /// <param name="q">Free text: part of the name, or the start of the registration number.</param>
    /// <param name="sort">name (default), registrationNumber, createdAt, updatedAt; prefix '-' for descending.</param>
    /// <param name="page">1-based page (default 1).</param>
    /// <param name="pageSize">Rows per page, 1–200 (default 50).</param>
    /// <param name="cursor">nextCursor of the previous page (keyset paging); use instead of page.</param>
    private static async Task<Ok<PagedResult<AccountSummaryDto>>> ListAccounts(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] Tier? tier = null,
        [FromQuery, MaxLength(100)] string? segment = null,
        [FromQuery, MaxLength(100)] string? industry = null,
        [FromQuery, MaxLength(100)] string? region = null,
        [FromQuery] Guid? ownerId = null,
        [FromQuery] AccountStatus? status = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, MaxLength(19), RegularExpression("^-?(name|registrationNumber|createdAt|updatedAt)$")] string? sort = null,
        [FromQuery, Range(1, 100_000)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize,
        [FromQuery, MaxLength(2048)] string? cursor = null)
    {
        var result = await mediator.Send(
            new ListAccountsQuery
            {
                Tier = tier,
                Segment = segment,
                Industry = industry,
                Region = region,
                OwnerId = ownerId is { } o ? new UserId(o) : null,
                Status = status,
                Search = q,
                Sort = sort,
                Page = page,
                PageSize = pageSize,
                Cursor = cursor,
            },
            ct);
        return TypedResults.Ok(result);
    }

    /// <param name="mediator">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="format">csv (default) or xlsx.</param>
    /// <param name="lang">zh-CN or en: the language of the headers and values (default from Accept-Language, else Chinese).</param>
    /// <param name="tier">Only accounts of this tier.</param>
    /// <param name="segment">Only this customer type: a code of the Segment list, any case (e.g. enterprise).</param>
    /// <param name="industry">Only this industry: a code of the Industry list, any case (e.g. energy).</param>
    /// <param name="region">Only this region: a code of the Region list, any case (e.g. east-china).</param>
    /// <param name="ownerId">Only accounts owned by this user.</param>
    /// <param name="status">Only accounts in this status.</param>
    /// <param name="q">Free text: part of the name, or the start of the registration number.</param>
    /// <param name="sort">name (default), registrationNumber, createdAt, updatedAt; prefix '-' for descending.</param>
    private static async Task<IResult> ExportAccounts(
        IMediator mediator,
        HttpContext http,
        CancellationToken ct,
        [FromQuery, AllowedValues("csv", "xlsx")] string? format = null,
        [FromQuery, AllowedValues("zh-CN", "en")] string? lang = null,
        [FromQuery] Tier? tier = null,
        [FromQuery, MaxLength(100)] string? segment = null,
        [FromQuery, MaxLength(100)] string? industry = null,
        [FromQuery, MaxLength(100)] string? region = null,
        [FromQuery] Guid? ownerId = null,
        [FromQuery] AccountStatus? status = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, MaxLength(19), RegularExpression("^-?(name|registrationNumber|createdAt|updatedAt)$")] string? sort = null)
    {
        var (fileFormat, language) = FileExports.Read(http, format, lang);
        var filters = new ListAccountsQuery
        {
            Tier = tier,
            Segment = segment,
            Industry = industry,
            Region = region,
            OwnerId = ownerId is { } o ? new UserId(o) : null,
            Status = status,
            Search = q,
            Sort = sort,
        };
        var table = await mediator.Send(new ExportAccountsQuery(filters, language), ct);
        return FileExports.File(http, table, fileFormat);
    }

    private static async Task<Created<AccountDto>> CreateAccount(AccountProfileInput body, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var account = await mediator.Send(new CreateAccountCommand(body), ct);
        ETags.Set(http, account.Version);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", account);
    }

    private static async Task<Ok<AccountDto>> GetAccount(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(new AccountId(id)), ct);
        ETags.Set(http, account.Version);
        return TypedResults.Ok(account);
    }

    private static async Task<Ok<AccountDto>> UpdateAccount(Guid id, AccountProfileInput body, IfMatch ifMatch, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var account = await mediator.Send(new UpdateAccountCommand(new AccountId(id), body, ifMatch.Version), ct);
        ETags.Set(http, account.Version);
        return TypedResults.Ok(account);
    }

    private static async Task<NoContent> DeleteAccount(Guid id, IfMatch ifMatch, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteAccountCommand(new AccountId(id), ifMatch.Version), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountTeamDto>> GetTeam(Guid id, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var team = await mediator.Send(new GetAccountTeamQuery(new AccountId(id)), ct);
        ETags.Set(http, team.Version);
        return TypedResults.Ok(team);
    }

    private static async Task<Ok<AccountTeamDto>> ReplaceTeam(Guid id, [MaxLength(50)] List<AccountTeamMemberInput> body, IfMatch ifMatch, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var team = await mediator.Send(new ReplaceAccountTeamCommand(new AccountId(id), body, ifMatch.Version), ct);
        ETags.Set(http, team.Version);
        return TypedResults.Ok(team);
    }
}
