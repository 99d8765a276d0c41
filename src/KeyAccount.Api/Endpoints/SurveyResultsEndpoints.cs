using System.ComponentModel.DataAnnotations;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Application.Surveys.GetAccountSatisfaction;
using KeyAccount.Application.Surveys.GetCampaignResults;
using KeyAccount.Application.Surveys.ListCampaignAccountResults;
using KeyAccount.Application.Surveys.ListCampaignTextAnswers;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>Survey results (a campaign's figures, its accounts, its text answers) and an account's satisfaction.</summary>
internal static class SurveyResultsEndpoints
{
    public static RouteGroupBuilder MapSurveyResults(this RouteGroupBuilder api)
    {
        var results = api.MapGroup("/surveys/campaigns/{id:guid}/results").WithTags("Survey results");
        results.MapGet("/", Results).WithName("GetSurveyResults").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A campaign's results")
            .WithDescription("Counted in SQL from the answers' stored groups, computed by the one home of the formulas: invitations and responses with the response rate; NPS (% promoters − % detractors) with its respondents, groups and 95 % margin of error corrected for the finite panel (the contacts invited); the NPS weighted by the respondents' buying roles (`Surveys:RoleWeights`); CSAT (ratings of 4–5); the responding accounts' share of the invited accounts' trailing-12-month revenue; every question with its answers, mean and distribution; breakdowns by the accounts' tier and segment; and the trend over the campaign's predecessors (twice-yearly recurrence, oldest first, at most 12). A campaign without responses answers zero counts and null scores. An AccountManager's results count the accounts they may see only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        results.MapGet("/accounts", Accounts).WithName("ListSurveyAccountResults").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A campaign's results by account")
            .WithDescription("Each invited account (those the caller may see) with its invitations, responses, NPS (margin corrected for its invited contacts), weighted NPS, CSAT and trailing-12-month revenue, highest revenue first.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        results.MapGet("/text-answers", TextAnswers).WithName("ListSurveyTextAnswers").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A campaign's text answers")
            .WithDescription("The non-empty answers to Text questions (of one question with `questionId`), newest first, with the account, the contact and their buying role. An AccountManager sees those of their accounts only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/accounts/{id:guid}/satisfaction", Satisfaction).WithTags("Survey results").WithName("GetAccountSatisfaction").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("The account's satisfaction")
            .WithDescription("The latest measure — the account's NPS, weighted NPS, respondents and CSAT in the latest campaign (by opening) in which it has an NPS answer: what tiering and the health score read — the campaigns it answered (oldest first, at most 12) and its open survey follow-ups. The responses and follow-ups themselves are in their lists, filtered by `accountId`. An account the caller may not see is a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<SurveyResultsDto>> Results(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetCampaignResultsQuery(new SurveyCampaignId(id)), ct));

    /// <param name="id">The campaign.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyAccountResultDto>>> Accounts(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListCampaignAccountResultsQuery(new SurveyCampaignId(id)) { Page = page, PageSize = pageSize }, ct));

    /// <param name="id">The campaign.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="questionId">Only the answers to this question.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyTextAnswerDto>>> TextAnswers(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] Guid? questionId = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListCampaignTextAnswersQuery(new SurveyCampaignId(id)) { QuestionId = questionId, Page = page, PageSize = pageSize }, ct));

    private static async Task<Ok<AccountSatisfactionDto>> Satisfaction(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetAccountSatisfactionQuery(new AccountId(id)), ct));
}
