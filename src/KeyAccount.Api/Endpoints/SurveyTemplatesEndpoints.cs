using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Application.Surveys.CreateSurveyTemplate;
using KeyAccount.Application.Surveys.GetSurveyTemplate;
using KeyAccount.Application.Surveys.ListSurveyTemplates;
using KeyAccount.Application.Surveys.PublishSurveyTemplate;
using KeyAccount.Application.Surveys.ReviseSurveyTemplate;
using KeyAccount.Application.Surveys.UpdateSurveyTemplate;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/surveys/templates: satisfaction-survey templates, their drafts and published versions.</summary>
internal static class SurveyTemplatesEndpoints
{
    private const string Base = "/api/v1/surveys/templates";

    public static RouteGroupBuilder MapSurveyTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/surveys/templates").WithTags("Survey templates");
        templates.MapGet("/", List).WithName("ListSurveyTemplates").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("The survey templates list")
            .WithDescription("Every template version, newest change first, with its questions. Filter by `status` (repeat the parameter for several: `status=Published&status=Draft`) and `q` (text in the name). A new installation starts with one Published relationship survey (NPS, overall satisfaction and an open question).")
            .ProducesValidationProblem();
        templates.MapPost("/", Create).WithName("CreateSurveyTemplate").RequireAuthorization(Permissions.SurveysDesign).Creates().SendsETag()
            .WithSummary("Create a survey template")
            .WithDescription("Creates version 1 of a new template as a Draft: a name, an optional description and its questions in order. Each question has a type (Nps 0–10, Rating 1–5, SingleChoice, MultiChoice, Text), a required flag and its text in Chinese and English (`text.zh`, `text.en`, each at most 500 characters); Nps and Rating questions may label their ends (`lowLabel`, `highLabel`, at most 100 characters), choice questions offer 2–20 choices with keys of a–z, 0–9, '_' and '-' (at most 40, unique) and labels (at most 200), Text questions take `maxLength` (1–4000, default 2000). Lengths count characters as a reader does (一个汉字 is one). Anything else is a 400 naming the field (`questions[1].choices[2].key`). Send an Idempotency-Key so that a retry returns the first template instead of creating a second.")
            .ProducesValidationProblem();
        templates.MapGet("/{id:guid}", Get).WithName("GetSurveyTemplate").RequireAuthorization(Permissions.SurveysRead).SendsETag()
            .WithSummary("A survey template version")
            .WithDescription("The version with its questions, its status, the actions allowed now (`edit`, `publish`, `revise`) and how many campaigns use it. The ETag header carries its version: send it as If-Match with a change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPut("/{id:guid}", Update).WithName("UpdateSurveyTemplate").RequireAuthorization(Permissions.SurveysDesign).SendsETag()
            .WithSummary("Edit a draft template (the whole document)")
            .WithDescription("Replaces the draft's name, description and questions with the document sent. A question sent with the `id` of an existing question keeps its identity (answers compare across versions by it); one without an id is new; questions left out are removed; positions follow the list's order. Only a Draft is edited: a Published or Retired version is a 409 `survey-template-not-editable` (revise it instead). Field rules are a 400 naming the field. Send the template's ETag as If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        templates.MapPost("/{id:guid}/publish", Publish).WithName("PublishSurveyTemplate").RequireAuthorization(Permissions.SurveysDesign).SendsETag()
            .WithSummary("Publish a draft template")
            .WithDescription("Draft → Published: the version is frozen and campaigns may use it. A draft without questions is a 400 naming `questions`. Publishing a revision retires the version it revises (Retired: no new campaigns; campaigns that use it keep it). Any status but Draft is a 409 `survey-template-transition-not-allowed`. Send the template's ETag as If-Match (412 when stale).")
            .Produces<SurveyTemplateDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        templates.MapPost("/{id:guid}/revise", Revise).WithName("ReviseSurveyTemplate").RequireAuthorization(Permissions.SurveysDesign).Creates().SendsETag()
            .WithSummary("Make a new version of a published template")
            .WithDescription("Copies a Published version into a new Draft (`templateVersion` + 1, `previousVersionId` = this one, the questions with their ids) to change it; the published version stays in use until the new one is published, which retires it. Any other status is a 409 `survey-template-transition-not-allowed`; a version is revised once (409 `survey-template-revision-exists`; its `allowedActions` hold `revise` only while a new version may be made). Send an Idempotency-Key so that a retry returns the first copy.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<SurveyTemplateDto>> Create(SurveyTemplateInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var template = await m.Send(new CreateSurveyTemplateCommand(body), ct);
        ETags.Set(http, template.Version);
        return TypedResults.Created($"{Base}/{template.Id}", template);
    }

    private static async Task<Ok<SurveyTemplateDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var template = await m.Send(new GetSurveyTemplateQuery(new SurveyTemplateId(id)), ct);
        ETags.Set(http, template.Version);
        return TypedResults.Ok(template);
    }

    private static Task<Ok<SurveyTemplateDto>> Update(Guid id, SurveyTemplateInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new UpdateSurveyTemplateCommand(new SurveyTemplateId(id), body, ifMatch.Version), ct);

    private static Task<Ok<SurveyTemplateDto>> Publish(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new PublishSurveyTemplateCommand(new SurveyTemplateId(id), ifMatch.Version), ct);

    private static async Task<Created<SurveyTemplateDto>> Revise(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var template = await m.Send(new ReviseSurveyTemplateCommand(new SurveyTemplateId(id)), ct);
        ETags.Set(http, template.Version);
        return TypedResults.Created($"{Base}/{template.Id}", template);
    }

    /// <summary>Sends one command and answers the template with its new ETag.</summary>
    private static async Task<Ok<SurveyTemplateDto>> Send(IMediator m, HttpContext http, ICommand<SurveyTemplateDto> command, CancellationToken ct)
    {
        var template = await m.Send(command, ct);
        ETags.Set(http, template.Version);
        return TypedResults.Ok(template);
    }

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="status">Only versions in these statuses (repeat the parameter: `status=Draft&amp;status=Published`).</param>
    /// <param name="q">Text in the name (at most 100 characters).</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyTemplateDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery, MaxLength(3)] SurveyTemplateStatus[]? status = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListSurveyTemplatesQuery { Status = status ?? [], Q = q, Page = page, PageSize = pageSize }, ct));
}
