using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Application.ReferenceData.CreateReferenceItem;
using KeyAccount.Application.ReferenceData.GetReferenceItem;
using KeyAccount.Application.ReferenceData.ListReferenceItems;
using KeyAccount.Application.ReferenceData.UpdateReferenceItem;
using KeyAccount.Domain.ReferenceData;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>
/// /api/v1/reference-data: the managed lists an account's industry, region and segment come from. Every signed-in
/// user and API client with referencedata:read reads them (pickers, labels); Admins maintain them.
/// </summary>
internal static class ReferenceDataEndpoints
{
    private const string Codes = " Accounts store an entry's `code` (lower case; any case is accepted on input and in filters), never its label: integrators send and receive codes in account bodies, list filters and webhook payloads, and read the labels here.";

    public static RouteGroupBuilder MapReferenceData(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/reference-data").WithTags("Reference data");
        lists.MapGet("/", List).WithName("ListReferenceItems").RequireAuthorization(Permissions.ReferenceDataRead)
            .WithSummary("List the entries of the managed lists")
            .WithDescription("Industries, regions and segments with their zh-CN and en labels, by list, position and code. Active entries only unless `includeInactive=true` (an account may still carry a deactivated value: read its label from there)." + Codes)
            .ProducesValidationProblem();
        lists.MapPost("/{kind}", Create).WithName("CreateReferenceItem").RequireAuthorization(Permissions.ReferenceDataManage).Creates().SendsETag()
            .WithSummary("Add an entry to a list")
            .WithDescription("With a new `code` (letters, digits, single hyphens; at most 50; stored lower case), both labels (1–100 characters each) and a `sortOrder`. A code the list already has, in any case → 409 `reference-code-taken` on `code`." + Codes)
            .ProducesValidationProblem();
        lists.MapGet("/{kind}/{code}", Get).WithName("GetReferenceItem").RequireAuthorization(Permissions.ReferenceDataRead).SendsETag()
            .WithSummary("Get an entry").WithDescription("The entry (code in any case); the ETag header carries its version.");
        lists.MapPut("/{kind}/{code}", Update).WithName("UpdateReferenceItem").RequireAuthorization(Permissions.ReferenceDataManage).SendsETag()
            .WithSummary("Change an entry")
            .WithDescription("Replaces the labels, the position and the active flag (the code never changes). Deactivating keeps the value on the accounts that have it, but it is no longer offered nor accepted as a new choice (400 `inactive-reference`). Requires If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="kind">Only this list: Industry, Region or Segment.</param>
    /// <param name="includeInactive">Also deactivated entries (default false).</param>
    private static async Task<Ok<IReadOnlyList<ReferenceItemDto>>> List(IMediator m, CancellationToken ct, [FromQuery] ReferenceKind? kind = null, [FromQuery] bool includeInactive = false) =>
        TypedResults.Ok(await m.Send(new ListReferenceItemsQuery(kind, includeInactive), ct));

    /// <param name="kind">The list: Industry, Region or Segment.</param>
    /// <param name="body">The new entry.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Created<ReferenceItemDto>> Create(ReferenceKind kind, NewReferenceItem body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var item = await m.Send(new CreateReferenceItemCommand(kind, body), ct);
        ETags.Set(http, item.Version);
        return TypedResults.Created($"/api/v1/reference-data/{item.Kind}/{item.Code}", item);
    }

    /// <param name="kind">The list: Industry, Region or Segment.</param>
    /// <param name="code">The entry's code, any case.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ReferenceItemDto>> Get(ReferenceKind kind, [MaxLength(ReferenceItem.MaxCodeLength)] string code, IMediator m, HttpContext http, CancellationToken ct)
    {
        var item = await m.Send(new GetReferenceItemQuery(kind, code), ct);
        ETags.Set(http, item.Version);
        return TypedResults.Ok(item);
    }

    /// <param name="kind">The list: Industry, Region or Segment.</param>
    /// <param name="code">The entry's code, any case.</param>
    /// <param name="body">The entry's new labels, position and state.</param>
    /// <param name="ifMatch">The version read (ETag).</param>
    /// <param name="m">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ReferenceItemDto>> Update(ReferenceKind kind, [MaxLength(ReferenceItem.MaxCodeLength)] string code, ReferenceItemFields body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var item = await m.Send(new UpdateReferenceItemCommand(kind, code, body, ifMatch.Version), ct);
        ETags.Set(http, item.Version);
        return TypedResults.Ok(item);
    }
}
