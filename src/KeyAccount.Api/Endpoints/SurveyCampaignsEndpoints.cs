using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Surveys.CloseCampaign;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Application.Surveys.CreateCampaign;
using KeyAccount.Application.Surveys.GetCampaign;
using KeyAccount.Application.Surveys.ListCampaignInvitations;
using KeyAccount.Application.Surveys.ListCampaigns;
using KeyAccount.Application.Surveys.ListCampaignSkips;
using KeyAccount.Application.Surveys.OpenCampaign;
using KeyAccount.Application.Surveys.PreviewAudience;
using KeyAccount.Application.Surveys.ScheduleCampaign;
using KeyAccount.Application.Surveys.UpdateCampaign;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/surveys/campaigns: the list, drafting and editing, the audience preview, one POST per workflow step, invitations and skips.</summary>
internal static class SurveyCampaignsEndpoints
{
    private const string Base = "/api/v1/surveys/campaigns";

    public static RouteGroupBuilder MapSurveyCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/surveys/campaigns").WithTags("Survey campaigns");
        campaigns.MapGet("/", List).WithName("ListSurveyCampaigns").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("The survey campaigns list")
            .WithDescription("Every campaign, latest opening first. Filter by `status` (repeat the parameter for several) and `q` (text in the name).")
            .ProducesValidationProblem();
        campaigns.MapPost("/", Create).WithName("CreateSurveyCampaign").RequireAuthorization(Permissions.SurveysRun).Creates().SendsETag()
            .WithSummary("Create a survey campaign (a Draft)")
            .WithDescription("Creates a Draft campaign: a Published template version, an audience (tiers, segments, industries, regions, explicit accounts, buying roles; an empty list means any), the per-account cap (1–50, default 3: contacts picked DecisionMaker, Champion, Influencer, User, Gatekeeper, then by name), opening and closing instants (any offset; `closesAt` after `opensAt`, else a 400 on `closesAt`), the reminder delay (1–30 days, default 5), the recurrence (`TwiceYearly` by default) and the language (`zh-CN` or `en`). A template that is not Published is a 409 `survey-template-not-published` on `templateId`; an unknown explicit account a 400 on `audience.accountIds`. Send an Idempotency-Key so that a retry returns the first campaign instead of creating a second.")
            .ProducesValidationProblem();
        campaigns.MapPost("/audience-preview", PreviewDraft).WithName("PreviewSurveyAudience").RequireAuthorization(Permissions.SurveysRun)
            .Action("computes who a draft audience would invite; writes nothing")
            .WithSummary("Preview an audience before creating the campaign")
            .WithDescription("Who the audience would invite now and who it would leave out, by reason (NoEmail, Unsubscribed, RecentlyInvited within the fatigue window, AccountLimit, OverCap, InactiveAccount), with a sample of the invited. The same SQL as opening, without writing.")
            .ProducesValidationProblem();
        campaigns.MapGet("/{id:guid}", Get).WithName("GetSurveyCampaign").RequireAuthorization(Permissions.SurveysRead).SendsETag()
            .WithSummary("A survey campaign with its invitations by status")
            .WithDescription("The campaign's settings, status, the counts stored when it opened, its invitations by status now (an AccountManager counts those of their accounts) and `allowedActions`. The ETag header carries its version: send it as If-Match with a change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPut("/{id:guid}", Update).WithName("UpdateSurveyCampaign").RequireAuthorization(Permissions.SurveysRun).SendsETag()
            .WithSummary("Edit a Draft campaign (the whole document)")
            .WithDescription("Replaces the draft's settings with the document sent (the same body as the create). Only a Draft is edited: any other status is a 409 `survey-campaign-not-editable`. A new template must be Published (409 `survey-template-not-published` on `templateId`); the draft's current template stays accepted even if retired meanwhile. Send the campaign's ETag as If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        Step(campaigns, "schedule", "ScheduleSurveyCampaign", "Schedule the campaign", "Draft → Scheduled: it opens by itself at `opensAt` (the campaign job looks every minute), as `open` would open it.",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new ScheduleCampaignCommand(new SurveyCampaignId(id), ifMatch.Version), ct));
        Step(campaigns, "open", "OpenSurveyCampaign", "Open the campaign now", "Draft or Scheduled → Open, now: writes one Pending invitation per selected contact (with its unguessable token; only the token's hash is stored) and one skip per contact left out, with its reason, in one transaction, and stores their counts. Opening twice is a 409; nothing is written twice. The invitations' email (in the campaign's language, with the survey link and a one-click unsubscribe) is queued by the campaign job within a minute, in batches; each invitation becomes Sent when its message was sent, or Failed when the mail gateway gives up, and its one reminder goes `reminderAfterDays` after sending, unless it was answered.",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new OpenCampaignCommand(new SurveyCampaignId(id), ifMatch.Version), ct));
        Step(campaigns, "close", "CloseSurveyCampaign", "Close the campaign", "Open → Closed: no more answers (the campaign job closes it by itself once `closesAt` has come). Its Pending and Sent invitations become Expired, in the same transaction; nothing more is mailed. A `TwiceYearly` campaign schedules its next one (a Scheduled copy six months later) while its template is still Published.",
            (Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new CloseCampaignCommand(new SurveyCampaignId(id), ifMatch.Version), ct));

        campaigns.MapGet("/{id:guid}/audience-preview", PreviewSaved).WithName("PreviewSurveyCampaignAudience").RequireAuthorization(Permissions.SurveysRun)
            .WithSummary("Preview a campaign's audience")
            .WithDescription("Who the campaign would invite if it opened now and who it would leave out, by reason, with a sample of the invited: the same SQL as opening, without writing. The campaign's own invitations do not count towards the fatigue rules.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:guid}/invitations", Invitations).WithName("ListSurveyInvitations").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("A campaign's invitations")
            .WithDescription("The invitations written when the campaign opened, by account name then contact name, with their status, channel, kind and sending state. Filter by `status` and `accountId`. An AccountManager sees those of their accounts only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id:guid}/skips", Skips).WithName("ListSurveySkips").RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("The contacts a campaign left out")
            .WithDescription("Every contact of the audience not invited when the campaign opened, with the reason (NoEmail, Unsubscribed, RecentlyInvited, AccountLimit, OverCap, InactiveAccount). Filter by `reason`. An AccountManager sees those of their accounts only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static void Step(RouteGroupBuilder group, string path, string name, string summary, string description, Delegate handler) =>
        group.MapPost($"/{{id:guid}}/{path}", handler).WithName(name).RequireAuthorization(Permissions.SurveysRun).SendsETag()
            .WithSummary(summary)
            .WithDescription(description + " Any other starting status is a 409 `survey-campaign-transition-not-allowed`. Send the campaign's ETag as If-Match: the step is refused (412) when the campaign changed since you read it.")
            .Produces<SurveyCampaignDto>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Sends one command and answers the campaign with its new ETag.</summary>
    private static async Task<Ok<SurveyCampaignDto>> Send(IMediator m, HttpContext http, ICommand<SurveyCampaignDto> command, CancellationToken ct)
    {
        var campaign = await m.Send(command, ct);
        ETags.Set(http, campaign.Version);
        return TypedResults.Ok(campaign);
    }

    private static async Task<Created<SurveyCampaignDto>> Create(SurveyCampaignInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var campaign = await m.Send(new CreateCampaignCommand(body), ct);
        ETags.Set(http, campaign.Version);
        return TypedResults.Created($"{Base}/{campaign.Id}", campaign);
    }

    private static async Task<Ok<SurveyCampaignDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var campaign = await m.Send(new GetCampaignQuery(new SurveyCampaignId(id)), ct);
        ETags.Set(http, campaign.Version);
        return TypedResults.Ok(campaign);
    }

    private static Task<Ok<SurveyCampaignDto>> Update(Guid id, SurveyCampaignInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new UpdateCampaignCommand(new SurveyCampaignId(id), body, ifMatch.Version), ct);

    private static async Task<Ok<AudiencePreviewDto>> PreviewDraft(AudiencePreviewInput body, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new PreviewAudienceQuery(null, body), ct));

    private static async Task<Ok<AudiencePreviewDto>> PreviewSaved(Guid id, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new PreviewAudienceQuery(new SurveyCampaignId(id), null), ct));

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="status">Only campaigns in these statuses (repeat the parameter: `status=Scheduled&amp;status=Open`).</param>
    /// <param name="q">Text in the name (at most 100 characters).</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyCampaignSummaryDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery, MaxLength(4)] SurveyCampaignStatus[]? status = null,
        [FromQuery, MaxLength(100)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListCampaignsQuery { Status = status ?? [], Q = q, Page = page, PageSize = pageSize }, ct));

    /// <param name="id">The campaign.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="status">Only invitations in this status.</param>
    /// <param name="accountId">Only this account's invitations.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveyInvitationDto>>> Invitations(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] SurveyInvitationStatus? status = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListCampaignInvitationsQuery(new SurveyCampaignId(id))
            {
                Status = status,
                AccountId = accountId is { } a ? new AccountId(a) : null,
                Page = page,
                PageSize = pageSize,
            },
            ct));

    /// <param name="id">The campaign.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="reason">Only skips for this reason.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<SurveySkipDto>>> Skips(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] SkipReason? reason = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListCampaignSkipsQuery(new SurveyCampaignId(id)) { Reason = reason, Page = page, PageSize = pageSize }, ct));
}
