using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.DevelopmentPlans.ActivatePlan;
using KeyAccount.Application.DevelopmentPlans.ApprovePlan;
using KeyAccount.Application.DevelopmentPlans.CancelPlan;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Application.DevelopmentPlans.CompletePlan;
using KeyAccount.Application.DevelopmentPlans.CreatePlan;
using KeyAccount.Application.DevelopmentPlans.GetPlan;
using KeyAccount.Application.DevelopmentPlans.GetPlanChanges;
using KeyAccount.Application.DevelopmentPlans.GetPlanHistory;
using KeyAccount.Application.DevelopmentPlans.ListPlanReviews;
using KeyAccount.Application.DevelopmentPlans.ListPlans;
using KeyAccount.Application.DevelopmentPlans.RecordObjectiveActual;
using KeyAccount.Application.DevelopmentPlans.RecordPlanReview;
using KeyAccount.Application.DevelopmentPlans.RejectPlan;
using KeyAccount.Application.DevelopmentPlans.RevisePlan;
using KeyAccount.Application.DevelopmentPlans.SetInitiativeStatus;
using KeyAccount.Application.DevelopmentPlans.SubmitPlan;
using KeyAccount.Application.DevelopmentPlans.UpdatePlan;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/development-plans: the list, drafting and editing, one POST per workflow step, versions, progress and reviews.</summary>
internal static class DevelopmentPlansEndpoints
{
    private const string Base = "/api/v1/development-plans";

    public static RouteGroupBuilder MapDevelopmentPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/development-plans").WithTags("Development plans");
        plans.MapGet("/", List).WithName("ListPlans").RequireAuthorization(Permissions.PlansRead)
            .WithSummary("The development plans list")
            .WithDescription("Every plan version you may see, newest change first by default. Filter by account, owner, status (repeat the parameter for several), `needsReview` (the next review is due today or earlier), `overdue` (an initiative that is not Done is past its due date) and `q` (text in the title or the account's name); order by `updatedAt`, `endDate`, `progress` or `accountName`. AccountManagers see the plans of their own and their team's accounts.")
            .ProducesValidationProblem();
        plans.MapPost("/", Create).WithName("CreatePlan").RequireAuthorization(Permissions.PlansWrite).Creates().SendsETag()
            .WithSummary("Draft a development plan")
            .WithDescription("Creates version 1 of a plan for an account, as a Draft led by `ownerId` (default: you), with its period (1 to 3 years), value proposition and strategic priorities; objectives, initiatives and the rest are added by editing the draft (PUT). Send an Idempotency-Key so that a retry returns the first draft instead of creating a second. An account that does not exist or that you may not see is a 404; a period under 1 or over 3 years a 409 on `endDate`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}", Get).WithName("GetPlan").RequireAuthorization(Permissions.PlansRead).SendsETag()
            .WithSummary("A development plan with its content, progress and allowed actions")
            .WithDescription("The plan version as a whole: header, objectives with their measures, actual values, progress, the progress expected today and the approved baseline's target, initiatives with owners, resources, overdue flags and linked complaints, milestones, stakeholders, SWOT, workflow state and the steps allowed now. The ETag header carries its version: send it as If-Match with a change.");
        plans.MapPut("/{id:guid}", Update).WithName("UpdatePlan").RequireAuthorization(Permissions.PlansWrite).SendsETag()
            .WithSummary("Edit a draft plan (the whole document)")
            .WithDescription("Replaces the draft's content with the document sent: header, objectives, initiatives (`objectiveIndex` points into this request's objectives), milestones, stakeholders and SWOT. Items sent with the `id` of an existing objective or initiative keep their identity; items without one are new; items left out are removed. Only a Draft is edited: any other status is a 409 `plan-not-editable` (revise an approved plan instead). Field rules are a 400 naming the field (`initiatives[2].ownerId` for an owner who is not an active user, `stakeholders[0].contactId` for a contact of another account); business rules a 409 naming it (`objectives[0].target` when the target equals the baseline, `objectives[1].actual` for a typed-in actual on a metric-sourced measure, `endDate` for a period under 1 or over 3 years). Send the plan's ETag as If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        Step(plans, "submit", "SubmitPlan", Permissions.PlansWrite, "Submit for approval", "Draft → Submitted. Needs at least one objective and one initiative (409 `plan-incomplete` otherwise).",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new SubmitPlanCommand(new DevelopmentPlanId(id), ifMatch.Version), ct));
        Step(plans, "approve", "ApprovePlan", Permissions.PlansApprove, "Approve (Director; four eyes)", "Submitted → Approved. Never by the plan's author or submitter (409 `plan-four-eyes`). Freezes the baseline that plan-vs-actual compares with. Refused with 409 `plan-overlaps` (on `startDate`) when the account has another Approved or Active plan for an overlapping period; approving a revision supersedes the version it revises. The body is optional: a `comment` (at most 2,000 characters) is kept in the plan's history.",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct, ApprovePlanInput? body = null) =>
                Send(m, http, new ApprovePlanCommand(new DevelopmentPlanId(id), ifMatch.Version, body?.Comment), ct));
        Step(plans, "reject", "RejectPlan", Permissions.PlansApprove, "Send back with a comment (Director)", "Submitted → Draft. The comment is kept on the plan for its author and in its history.",
            (Guid id, RejectPlanInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new RejectPlanCommand(new DevelopmentPlanId(id), body.Comment, ifMatch.Version), ct));
        Step(plans, "activate", "ActivatePlan", Permissions.PlansWrite, "Start carrying out the plan", "Approved → Active. The first review falls due a review cadence after today (or after the plan's start, when later).",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new ActivatePlanCommand(new DevelopmentPlanId(id), ifMatch.Version), ct));
        Step(plans, "complete", "CompletePlan", Permissions.PlansWrite, "Complete the plan", "Active → Completed.",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new CompletePlanCommand(new DevelopmentPlanId(id), ifMatch.Version), ct));
        Step(plans, "cancel", "CancelPlan", Permissions.PlansWrite, "Cancel the plan with a reason", "Approved or Active → Cancelled. The reason is kept on the plan and in its history.",
            (Guid id, CancelPlanInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new CancelPlanCommand(new DevelopmentPlanId(id), body.Reason, ifMatch.Version), ct));

        plans.MapPost("/{id:guid}/revise", Revise).WithName("RevisePlan").RequireAuthorization(Permissions.PlansWrite).Creates().SendsETag()
            .WithSummary("Make a new version of a plan in force")
            .WithDescription("Copies an Approved or Active plan into a new Draft version (`planVersion` + 1, `previousVersionId` = this one) to change it; the version in force stays in force until the new one is approved, which supersedes it. Any other status is a 409 `plan-not-in-force`; a version is revised once (409 `plan-revision-exists`; the plan's `revisionId` names the revision, and its `allowedActions` hold `revise` only while a new version may be made). Send an Idempotency-Key so that a retry returns the first copy.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/{id:guid}/changes", Changes).WithName("GetPlanChanges").RequireAuthorization(Permissions.PlansRead)
            .WithSummary("What a version changes against the approved baseline")
            .WithDescription("The diff of this version against the approved baseline of the version it revises (the approval inbox shows it): changed header fields, and every objective and initiative as Added, Removed, Changed or Unchanged with its terms before and after. For a first version everything is Added.");
        plans.MapGet("/{id:guid}/history", History).WithName("GetPlanHistory").RequireAuthorization(Permissions.PlansRead)
            .WithSummary("The history of a plan version: who decided what, when and why")
            .WithDescription("Every workflow step (submit, approve, reject, activate, complete, cancel), the revision made of this version, its replacement by a later approved version, and every initiative status change, newest first, a page at a time. Each line is data — `kind` with its arguments (`action`, `fromStatus`, `toStatus`, the initiative's key and title, the other version) — who (`by`, `byName`), when (`at`, UTC) and the words given with it (`comment`: the approval's or rejection's comment, the cancellation's reason, an initiative's note). A plan of an account you may not see is a 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:guid}/initiatives/{initiativeId:guid}/status", SetInitiativeStatus).WithName("SetInitiativeStatus").RequireAuthorization(Permissions.PlansWrite).SendsETag()
            .WithSummary("Move an initiative")
            .WithDescription("Sets one initiative's status (NotStarted, InProgress, Done, Blocked) on a Draft, Approved or Active plan, with an optional `note` (at most 2,000 characters) kept in the plan's history; the plan's done count and overdue flag follow. A Submitted, Completed, Cancelled or Superseded plan is a 409 `plan-not-in-progress`. Send the plan's ETag as If-Match (412 when stale).")
            .Produces<PlanDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plans.MapPost("/{id:guid}/objectives/{objectiveId:guid}/actual", RecordActual).WithName("RecordObjectiveActual").RequireAuthorization(Permissions.PlansWrite).SendsETag()
            .WithSummary("Record a manual measure's actual value")
            .WithDescription("Records the current value of a Manual measure on a Draft, Approved or Active plan; the objective's and the plan's progress follow. A metric-sourced measure is computed by KeyAccount and refuses a typed-in value (409 `measure-actual-computed` on `value`). Send the plan's ETag as If-Match (412 when stale).")
            .Produces<PlanDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        plans.MapGet("/{id:guid}/reviews", ListReviews).WithName("ListPlanReviews").RequireAuthorization(Permissions.PlansRead)
            .WithSummary("The reviews of a plan")
            .WithDescription("Every review of this plan version, latest first: the progress of each objective then against the progress expected by then, the variance comments and the decisions.");
        plans.MapPost("/{id:guid}/reviews", RecordReview).WithName("RecordPlanReview").RequireAuthorization(Permissions.PlansWrite).Creates()
            .WithSummary("Record a review")
            .WithDescription("Records a review of an Active plan (409 `plan-not-active` otherwise) held today or earlier: a snapshot of each objective's actual value and progress against the progress expected by the review day, a variance comment per objective, and the decisions taken. The plan's next review falls due a review cadence after this one. Send an Idempotency-Key so that a retry does not record it twice.")
            .ProducesValidationProblem();
        return api;
    }

    private static void Step(RouteGroupBuilder group, string path, string name, string permission, string summary, string description, Delegate handler) =>
        group.MapPost($"/{{id:guid}}/{path}", handler).WithName(name).RequireAuthorization(permission).SendsETag()
            .WithSummary(summary)
            .WithDescription(description + " Any other starting status is a 409 `plan-transition-not-allowed`. Send the plan's ETag as If-Match: the step is refused (412) when the plan changed since you read it.")
            .Produces<PlanDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Sends one command and answers the plan with its new ETag.</summary>
    private static async Task<Ok<PlanDto>> Send(IMediator m, HttpContext http, ICommand<PlanDto> command, CancellationToken ct)
    {
        var plan = await m.Send(command, ct);
        ETags.Set(http, plan.Version);
        return TypedResults.Ok(plan);
    }

    private static async Task<Created<PlanDto>> Create(CreatePlanInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var plan = await m.Send(new CreatePlanCommand(body), ct);
        ETags.Set(http, plan.Version);
        return TypedResults.Created($"{Base}/{plan.Id}", plan);
    }

    private static async Task<Ok<PlanDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var plan = await m.Send(new GetPlanQuery(new DevelopmentPlanId(id)), ct);
        ETags.Set(http, plan.Version);
        return TypedResults.Ok(plan);
    }

    private static Task<Ok<PlanDto>> Update(Guid id, UpdatePlanInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new UpdatePlanCommand(new DevelopmentPlanId(id), body, ifMatch.Version), ct);

    private static async Task<Created<PlanDto>> Revise(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var plan = await m.Send(new RevisePlanCommand(new DevelopmentPlanId(id)), ct);
        ETags.Set(http, plan.Version);
        return TypedResults.Created($"{Base}/{plan.Id}", plan);
    }

    private static async Task<Ok<PlanChangesDto>> Changes(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetPlanChangesQuery(new DevelopmentPlanId(id)), ct));

    private static Task<Ok<PlanDto>> SetInitiativeStatus(Guid id, Guid initiativeId, InitiativeStatusInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new SetInitiativeStatusCommand(new DevelopmentPlanId(id), new PlanInitiativeId(initiativeId), body.Status, ifMatch.Version, body.Note), ct);

    private static Task<Ok<PlanDto>> RecordActual(Guid id, Guid objectiveId, ObjectiveActualInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new RecordObjectiveActualCommand(new DevelopmentPlanId(id), new PlanObjectiveId(objectiveId), body.Value, ifMatch.Version), ct);

    /// <param name="id">The plan version.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Lines per page, at most 200.</param>
    private static async Task<Ok<PagedResult<PlanHistoryEntryDto>>> History(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new GetPlanHistoryQuery(new DevelopmentPlanId(id), page, pageSize), ct));

    private static async Task<Ok<IReadOnlyList<PlanReviewDto>>> ListReviews(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListPlanReviewsQuery(new DevelopmentPlanId(id)), ct));

    private static async Task<Created<PlanReviewDto>> RecordReview(Guid id, PlanReviewInput body, IMediator m, CancellationToken ct)
    {
        var review = await m.Send(new RecordPlanReviewCommand(new DevelopmentPlanId(id), body), ct);
        return TypedResults.Created($"{Base}/{id}/reviews", review);
    }

    /// <summary>A query parameter's value among an enum's names (any letter case), else a 400 on the parameter naming the allowed values.</summary>
    private static T Choice<T>(string parameter, string value)
        where T : struct, Enum
    {
        if (!int.TryParse(value, out _) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        var allowed = Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToArray();
        throw RequestValidationException.For(parameter, FieldErrorCodes.InvalidValue, $"One of: {string.Join(", ", allowed)}.", new Dictionary<string, object?> { ["allowed"] = allowed });
    }

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="accountId">Only this account's plans.</param>
    /// <param name="ownerId">Only plans led by this user.</param>
    /// <param name="status">Only plans in these statuses (repeat the parameter: `status=Approved&amp;status=Active`).</param>
    /// <param name="needsReview">Only plans whose next review is due today or earlier.</param>
    /// <param name="overdue">Only plans with an initiative that is not Done and past its due date.</param>
    /// <param name="q">Text in the plan's title or the account's name (at most 100 characters).</param>
    /// <param name="sort">updatedAt (default), endDate, progress or accountName.</param>
    /// <param name="direction">asc or desc; by default updatedAt and progress sort descending, endDate and accountName ascending.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<PlanSummaryDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery] Guid? accountId = null,
        [FromQuery] Guid? ownerId = null,
        [FromQuery, MaxLength(7)] PlanStatus[]? status = null,
        [FromQuery] bool needsReview = false,
        [FromQuery] bool overdue = false,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, MaxLength(20), AllowedValues("updatedAt", "endDate", "progress", "accountName")] string? sort = null,
        [FromQuery, MaxLength(4), AllowedValues("asc", "desc")] string? direction = null,
        [FromQuery, Range(1, int.MaxValue)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListPlansQuery
            {
                AccountId = accountId is { } a ? new AccountId(a) : null,
                OwnerId = ownerId is { } o ? new UserId(o) : null,
                Status = status ?? [],
                NeedsReview = needsReview,
                Overdue = overdue,
                Q = q,
                Sort = sort is null ? PlanSort.UpdatedAt : Choice<PlanSort>("sort", sort),
                Direction = direction is null ? null : Choice<SortDirection>("direction", direction),
                Page = page,
                PageSize = pageSize,
            },
            ct));
}
