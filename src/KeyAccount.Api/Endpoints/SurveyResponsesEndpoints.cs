using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.GetResponse;
using KeyAccount.Application.Surveys.ListResponses;
using KeyAccount.Application.Surveys.RecordPhoneResponse;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>Survey responses: answers recorded by phone, one response, a campaign's responses.</summary>
internal static class SurveyResponsesEndpoints
{
    public static RouteGroupBuilder MapSurveyResponses(this RouteGroupBuilder api)
    {
        api.MapPost("/surveys/campaigns/{id:guid}/phone-responses", RecordByPhone).WithTags("Survey responses").WithName("RecordPhoneSurveyResponse")
            .RequireAuthorization(Permissions.SurveysRespond).Creates()
            .WithSummary("Record a contact's answers taken by phone")
            .WithDescription("An agent records the answers of `contactId` to the Open campaign (the same answer rules as the public page: each broken one is a 400 naming `answers[i].…`). The contact's invitation is answered with channel Phone and the agent as `recordedBy`. A contact the campaign left out only for having no email address gets a Phone invitation now; any other contact (left out for another reason, or not in the audience) is a 409 `survey-contact-not-invited` on `contactId`. Answered already: 409 `survey-already-answered`; a closed campaign: 410 `survey-closed`; an expired invitation: 410 `survey-expired`. A detractor or a rating of 1–2 opens a follow-up for the account owner. Send an Idempotency-Key so that a retry returns the first response.")
            .Produces<SurveyResponseDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapGet("/surveys/responses/{id:guid}", Get).WithTags("Survey responses").WithName("GetSurveyResponse").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A survey response")
            .WithDescription("One response with its answers, its NPS group, its lowest rating and the follow-up it opened. One of an account you may not see (an AccountManager: not theirs or their team's) is a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/surveys/campaigns/{id:guid}/responses", List).WithTags("Survey responses").WithName("ListSurveyResponses").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A campaign's responses")
            .WithDescription("The campaign's responses, newest first, with their answers. Filter by `accountId` and `npsGroup` (Promoter, Passive, Detractor). An AccountManager sees those of their accounts only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<SurveyResponseDto>> RecordByPhone(Guid id, PhoneResponseInput body, IMediator m, CancellationToken ct)
    {
        var response = await m.Send(new RecordPhoneResponseCommand(new SurveyCampaignId(id), body), ct);
        return TypedResults.Created($"/api/v1/surveys/responses/{response.Id}", response);
    }

    private static async Task<Ok<SurveyResponseDto>> Get(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetResponseQuery(new SurveyResponseId(id)), ct));

    /// <param name="id">The campaign.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="accountId">Only this account's responses.</param>
    /// <param name="npsGroup">Only responses in this NPS group.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyResponseDto>>> List(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] Guid? accountId = null,
        [FromQuery] NpsGroup? npsGroup = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListResponsesQuery(new SurveyCampaignId(id))
            {
                AccountId = accountId is { } a ? new AccountId(a) : null,
                NpsGroup = npsGroup,
                Page = page,
                PageSize = pageSize,
            },
            ct));
}
