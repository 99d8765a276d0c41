using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.CloseFollowUp;
using KeyAccount.Application.Surveys.FollowUps;
using KeyAccount.Application.Surveys.GetFollowUp;
using KeyAccount.Application.Surveys.ListFollowUps;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/surveys/follow-ups: the closed loop — the tasks a detractor's or a low rating's response opens for the account owner.</summary>
internal static class SurveyFollowUpsEndpoints
{
    public static RouteGroupBuilder MapSurveyFollowUps(this RouteGroupBuilder api)
    {
        var followUps = api.MapGroup("/surveys/follow-ups").WithTags("Survey follow-ups");
        followUps.MapGet("/", List).WithName("ListSurveyFollowUps").RequireAuthorization(Permissions.SurveysFollowUps)
            .WithSummary("The survey follow-ups")
            .WithDescription("The follow-up tasks of survey responses from detractors (an NPS answer of 0–6) and low ratings (1–2): open ones first by due time, then closed ones newest first. Each is due 48 hours (configurable) after the response, counted on the complaints' business calendar; it warns at 80 % of that, escalates to the owner's manager (or the directors) when late and to the directors at twice the target; `slaState` is kept by the server. Filter by `status`, `accountId`, `ownerId`, `mine` (you are the owner) and `slaState`. AccountManagers see the follow-ups of their own and their team's accounts.")
            .ProducesValidationProblem();
        followUps.MapGet("/{id:guid}", Get).WithName("GetSurveyFollowUp").RequireAuthorization(Permissions.SurveysFollowUps).SendsETag()
            .WithSummary("A survey follow-up")
            .WithDescription("One follow-up with its clock. The ETag header carries its version: send it as If-Match to close it. One of an account you may not see is a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        followUps.MapPost("/{id:guid}/close", Close).WithName("CloseSurveyFollowUp").RequireAuthorization(Permissions.SurveysFollowUps).SendsETag()
            .WithSummary("Close a survey follow-up with what was done")
            .WithDescription("Closes an open follow-up with a `note` (required, at most 2,000 characters: 400 naming `note` otherwise). A follow-up closed after its due time stays Breached. Closing one that is already closed is a 409 `survey-followup-closed`; a stale If-Match a 412. Emits `survey.followup_closed`.")
            .Produces<SurveyFollowUpDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static async Task<Ok<PagedResult<SurveyFollowUpDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery] FollowUpStatus? status = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery] Guid? ownerId = null,
        [FromQuery] bool mine = false,
        [FromQuery] SlaState? slaState = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListFollowUpsQuery
            {
                Status = status,
                AccountId = accountId is { } a ? new AccountId(a) : null,
                OwnerId = ownerId is { } o ? new UserId(o) : null,
                Mine = mine,
                SlaState = slaState,
                Page = page,
                PageSize = pageSize,
            },
            ct));

    private static async Task<Ok<SurveyFollowUpDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var followUp = await m.Send(new GetFollowUpQuery(new SurveyFollowUpId(id)), ct);
        ETags.Set(http, followUp.Version);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<SurveyFollowUpDto>> Close(Guid id, CloseFollowUpInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var followUp = await m.Send(new CloseFollowUpCommand(new SurveyFollowUpId(id), body, ifMatch.Version), ct);
        ETags.Set(http, followUp.Version);
        return TypedResults.Ok(followUp);
    }
}
