using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Users.Common;
using KeyAccount.Application.Users.CreateUser;
using KeyAccount.Application.Users.DeactivateUser;
using KeyAccount.Application.Users.GetUser;
using KeyAccount.Application.Users.ListUsers;
using KeyAccount.Application.Users.LookupUsers;
using KeyAccount.Application.Users.ReactivateUser;
using KeyAccount.Application.Users.ResetUserPassword;
using KeyAccount.Application.Users.UnlockUser;
using KeyAccount.Application.Users.UpdateUser;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/users: the people who sign in (Admin), and a picker of active users for those who assign work.</summary>
internal static class UsersEndpoints
{
    private const string OneRole = " Each user has exactly one role: the role decides every permission (see GET /api/v1/me), so \"changing roles\" is changing the role.";
    private const string Sessions = " The user's tokens are refused from their next request (a replica that did not make the change notices within Auth:SessionCheckCacheSeconds, 5 s by default).";

    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", List).WithName("ListUsers").RequireAuthorization(Permissions.UsersManage)
            .WithSummary("List users")
            .WithDescription("By name, with filters on role, department, active, and free text (part of the name or email, any case). Deactivated users are listed too unless `active=true`.")
            .ProducesValidationProblem();
        users.MapGet("/lookup", Lookup).WithName("LookupUsers").RequireAuthorization(Permissions.UsersLookup)
            .WithSummary("Pick a user")
            .WithDescription("Active users by name, for pickers (a complaint's assignee, an account's team): id, name, role and department — never the email. Open to Directors, QualityManagers, ServiceAgents and AccountManagers, who hand work to named people.")
            .ProducesValidationProblem();
        users.MapPost("/", Create).WithName("CreateUser").RequireAuthorization(Permissions.UsersManage).Creates().SendsETag()
            .WithSummary("Create a user")
            .WithDescription("With an initial `password` (12–256 characters, not the email) or `sendSetPasswordLink: true` — exactly one. A link is emailed in the user's language, works once and for 72 hours; until it is used no password signs the user in. Duplicate email → 409 on `email`; a second active head of a department → 409 on `isDepartmentHead`." + OneRole)
            .ProducesValidationProblem();
        users.MapGet("/{id:guid}", Get).WithName("GetUser").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Get a user").WithDescription("The user; the ETag header carries its version.");
        users.MapPut("/{id:guid}", Update).WithName("UpdateUser").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Change a user")
            .WithDescription("Replaces name, role, department, manager, department headship and language (the email, the sign-in name, stays). A manager must exist and may not be the user or anyone who reports to them (409 `manager-cycle` on `managerId`). The last active Admin keeps the role (409). A new role ends the user's sessions." + OneRole + " Requires If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        users.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateUser").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Deactivate a user")
            .WithDescription("The user can no longer sign in; open set-password links stop working." + Sessions + " You cannot deactivate yourself, nor the last active Admin (409). Requires If-Match.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        users.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateUser").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Reactivate a user")
            .WithDescription("The user may sign in again with their password (tokens from before stay refused). A department head whose department has another active head meanwhile → 409 on `isDepartmentHead`. Requires If-Match.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        users.MapPost("/{id:guid}/unlock", Unlock).WithName("UnlockUser").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Unlock a user")
            .WithDescription("Lifts the lockout that 5 failed sign-ins in a row set (15 minutes) before it runs out, and clears the failure count. Requires If-Match.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        users.MapPost("/{id:guid}/reset-password", ResetPassword).WithName("ResetUserPassword").RequireAuthorization(Permissions.UsersManage).SendsETag()
            .WithSummary("Reset a user's password")
            .WithDescription("To a new `password`, or (`sendSetPasswordLink: true`) to none until the user sets one from a link emailed to them (72 hours, once; a newer link voids older ones). Exactly one of the two. A lockout is lifted." + Sessions + " Requires If-Match.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    /// <param name="role">Only users with this role.</param>
    /// <param name="department">Only users of this department.</param>
    /// <param name="active">true: only active users; false: only deactivated ones.</param>
    /// <param name="q">Part of the name or email, any case (e.g. 李 or li.na).</param>
    /// <param name="page">1-based page (default 1).</param>
    /// <param name="pageSize">Rows per page, 1–200 (default 50).</param>
    private static async Task<Ok<PagedResult<UserDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery] Role? role = null,
        [FromQuery] Department? department = null,
        [FromQuery] bool? active = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListUsersQuery { Role = role, Department = department, Active = active, Search = q, Page = page, PageSize = pageSize }, ct));

    /// <param name="role">Only users with this role (e.g. ServiceAgent for a complaint's assignee).</param>
    /// <param name="q">Part of the name, any case.</param>
    /// <param name="limit">At most this many, 1–100 (default 20).</param>
    private static async Task<Ok<IReadOnlyList<UserLookupDto>>> Lookup(
        IMediator m,
        CancellationToken ct,
        [FromQuery] Role? role = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, Range(1, LookupUsersQuery.MaxLimit)] int limit = LookupUsersQuery.DefaultLimit) =>
        TypedResults.Ok(await m.Send(new LookupUsersQuery { Role = role, Search = q, Limit = limit }, ct));

    private static async Task<Created<UserDto>> Create(CreateUserCommand body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var user = await m.Send(body, ct);
        ETags.Set(http, user.Version);
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    private static Task<Ok<UserDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new GetUserQuery(new UserId(id)), ct), http);

    private static Task<Ok<UserDto>> Update(Guid id, UserFields body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new UpdateUserCommand(new UserId(id), body, ifMatch.Version), ct), http);

    private static Task<Ok<UserDto>> Deactivate(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new DeactivateUserCommand(new UserId(id), ifMatch.Version), ct), http);

    private static Task<Ok<UserDto>> Reactivate(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new ReactivateUserCommand(new UserId(id), ifMatch.Version), ct), http);

    private static Task<Ok<UserDto>> Unlock(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new UnlockUserCommand(new UserId(id), ifMatch.Version), ct), http);

    private static Task<Ok<UserDto>> ResetPassword(Guid id, PasswordResetInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Answer(m.Send(new ResetUserPasswordCommand(new UserId(id), body, ifMatch.Version), ct), http);

    private static async Task<Ok<UserDto>> Answer(ValueTask<UserDto> sent, HttpContext http)
    {
        var user = await sent;
        ETags.Set(http, user.Version);
        return TypedResults.Ok(user);
    }
}
