using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.AcknowledgeComplaint;
using KeyAccount.Application.Complaints.AddComplaintComment;
using KeyAccount.Application.Complaints.AssignComplaint;
using KeyAccount.Application.Complaints.AwaitCustomer;
using KeyAccount.Application.Complaints.CloseComplaint;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Application.Complaints.FileComplaint;
using KeyAccount.Application.Complaints.GetComplaint;
using KeyAccount.Application.Complaints.GetComplaintMetrics;
using KeyAccount.Application.Complaints.GetSlaPolicy;
using KeyAccount.Application.Complaints.ExportComplaints;
using KeyAccount.Application.Complaints.ListComplaints;
using KeyAccount.Application.Complaints.ReopenComplaint;
using KeyAccount.Application.Complaints.LinkComplaintInitiative;
using KeyAccount.Application.Complaints.ResolveComplaint;
using KeyAccount.Application.Complaints.ResumeComplaint;
using KeyAccount.Application.Complaints.UpdateSlaPolicy;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/complaints: intake, the queue, the detail with its timeline, one POST per workflow step, comments.</summary>
internal static class ComplaintsEndpoints
{
    public static RouteGroupBuilder MapComplaints(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaints");
        complaints.MapPost("/", File).WithName("FileComplaint").RequireAuthorization(Permissions.ComplaintsWrite).Creates().SendsETag()
            .WithSummary("File a complaint")
            .WithDescription("Records the complaint with a reference CMP-<year>-<6 digits>, its SLA targets from the account's tier (published service programme) and severity, and starts the first-response clock. Send an Idempotency-Key so that a retry returns the first complaint instead of filing a second one. An account that does not exist or that you may not see is a 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapGet("/export", Export).WithName("ExportComplaints").RequireAuthorization(Permissions.ComplaintsRead).Exports()
            .WithSummary("Export the complaints queue (CSV or Excel)")
            .WithDescription("Every complaint the queue shows with the same filters, in the queue's order (no paging), as a CSV or .xlsx file streamed as it is read: reference, account, tier at intake, severity, category, subject, status, department, assignee, received, the stored SLA state and due instant, breaches, resolved and closed. AccountManagers get the complaints of their own and their team's accounts. At most Exports:MaxRows rows (default 1,000,000): more is a 400 on `filters`.");

        complaints.MapGet("/", List).WithName("ListComplaints").RequireAuthorization(Permissions.ComplaintsRead)
            .WithSummary("The complaints queue")
            .WithDescription("Open complaints first, the most urgent due time first. Filter by status, severity, tier, category, account, assignee (or `mine`), SLA state, `overdue`, `openOnly` and the period received (`receivedFrom`, `receivedTo`: the complaint metrics' and the dashboard's period, so that their counts open as this list). AccountManagers see the complaints of their own and their team's accounts.")
            .ProducesValidationProblem();
        complaints.MapGet("/metrics", async (DateTimeOffset? from, DateTimeOffset? to, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetComplaintMetricsQuery(from, to), ct)))
            .WithName("GetComplaintMetrics").RequireAuthorization(Permissions.ComplaintsRead)
            .WithSummary("Complaint metrics")
            .WithDescription("For complaints received in [from, to) (default: the last 90 days): SLA compliance for first response and resolution, median and p90 times (hours, wall clock), overall and by tier, category and department; the root-cause Pareto; and accounts where the same root cause recurred 3 or more times in the 180 days before `to`. AccountManagers see their own and their team's accounts.")
            .ProducesValidationProblem();
        complaints.MapGet("/sla-policy", GetSlaPolicy).WithName("GetSlaPolicy").RequireAuthorization(Permissions.ComplaintsRead).SendsETag()
            .WithSummary("The complaint SLA policy in force")
            .WithDescription("How each severity scales the tier's targets (the tier's first-response and resolution hours come from the published service programme), the business calendar the clocks run on (24×7 by default), and the resulting tier × severity matrix.");
        complaints.MapPut("/sla-policy", UpdateSlaPolicy).WithName("UpdateSlaPolicy").RequireAuthorization(Permissions.ComplaintsManage).SendsETag()
            .WithSummary("Change the complaint SLA policy")
            .WithDescription("Saves a new version (Director, QualityManager). It applies to complaints received from now on; open complaints keep their targets. Refused with 400 when a cell's resolution target would be shorter than its first-response target, or when working hours overlap. Send the ETag of your read as If-Match (412 when stale).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        complaints.MapGet("/{id:guid}", Get).WithName("GetComplaint").RequireAuthorization(Permissions.ComplaintsRead).SendsETag()
            .WithSummary("A complaint with its SLA clocks, allowed next actions and timeline")
            .WithDescription("The complaint as filed, its status, assignment and resolution, both SLA clocks (due instant, at risk, breached, escalation level), the workflow steps allowed from its status, and its timeline. The ETag header carries its version: send it as If-Match with a workflow step.");
        complaints.MapGet("/{id:guid}/timeline", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok((await m.Send(new GetComplaintQuery(new ComplaintId(id)), ct)).Timeline))
            .WithName("GetComplaintTimeline").RequireAuthorization(Permissions.ComplaintsRead)
            .WithSummary("The complaint's timeline").WithDescription("Every change and comment, oldest first: who, when, what. Entries are never changed.");
        complaints.MapPost("/{id:guid}/comments", Comment).WithName("AddComplaintComment").RequireAuthorization(Permissions.ComplaintsWrite).Creates()
            .WithSummary("Comment on a complaint").WithDescription("A closed complaint takes no comments (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        Action(complaints, "acknowledge", "AcknowledgeComplaint", "Acknowledge: record the first response", "New → Acknowledged. Stops the first-response clock.",
            (Guid id, AcknowledgeInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new AcknowledgeComplaintCommand(new ComplaintId(id), body.Response, ifMatch.Version), ct));
        Action(complaints, "assign", "AssignComplaint", "Assign to a department and a person", "Acknowledged or Reopened → InProgress; in InProgress, a reassignment.",
            (Guid id, AssignInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new AssignComplaintCommand(new ComplaintId(id), body.Department, body.AssigneeId, ifMatch.Version), ct));
        Action(complaints, "await-customer", "AwaitCustomer", "Wait for the customer", "InProgress → AwaitingCustomer. The SLA clock pauses.",
            (Guid id, NoteInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new AwaitCustomerCommand(new ComplaintId(id), body.Note, ifMatch.Version), ct));
        Action(complaints, "resume", "ResumeComplaint", "The customer answered", "AwaitingCustomer → InProgress. The SLA clock runs again.",
            (Guid id, NoteInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new ResumeComplaintCommand(new ComplaintId(id), body.Note, ifMatch.Version), ct));
        Action(complaints, "resolve", "ResolveComplaint", "Resolve with root cause and corrective action", "InProgress → Resolved. Resolution, root cause and corrective action are required; initiativeId (optional) links the corrective action to an initiative of a development plan of the complaint's account (any other id is a 400 on initiativeId).",
            (Guid id, ResolveInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new ResolveComplaintCommand(new ComplaintId(id), body.Resolution, body.RootCause, body.CorrectiveAction, ifMatch.Version, body.InitiativeId), ct));
        Action(complaints, "close", "CloseComplaint", "Close: the customer confirmed", "Resolved → Closed.",
            (Guid id, NoteInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new CloseComplaintCommand(new ComplaintId(id), body.Note, ifMatch.Version), ct));
        Action(complaints, "reopen", "ReopenComplaint", "Reopen", "Resolved or Closed → Reopened. A breached target stays breached.",
            (Guid id, ReopenInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(m, http, new ReopenComplaintCommand(new ComplaintId(id), body.Reason, ifMatch.Version), ct));
        complaints.MapPut("/{id:guid}/initiative", LinkInitiative).WithName("LinkComplaintInitiative").RequireAuthorization(Permissions.ComplaintsWrite).SendsETag()
            .WithSummary("Link the corrective action to a development-plan initiative")
            .WithDescription("Links the complaint's corrective action to an initiative of a development plan of the complaint's account (the initiative then lists the complaint), or unlinks it with initiativeId null; in any status. An initiative of another account's plan, or no initiative, is a 400 on initiativeId; linking the initiative already linked changes nothing. The timeline records the change. Send the complaint's ETag as If-Match: refused (412) when the complaint changed since you read it.")
            .Produces<ComplaintDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    private static void Action(RouteGroupBuilder group, string path, string name, string summary, string description, Delegate handler) =>
        group.MapPost($"/{{id:guid}}/{path}", handler).WithName(name).RequireAuthorization(Permissions.ComplaintsWrite).SendsETag()
            .WithSummary(summary)
            .WithDescription(description + " Any other starting status is a 409. Send the complaint's ETag as If-Match: the step is refused (412) when the complaint changed since you read it.")
            .Produces<ComplaintDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>Sends one workflow step's command and answers the complaint with its new ETag.</summary>
    private static async Task<Ok<ComplaintDto>> Send(IMediator m, HttpContext http, ICommand<ComplaintDto> command, CancellationToken ct)
    {
        var complaint = await m.Send(command, ct);
        ETags.Set(http, complaint.Version);
        return TypedResults.Ok(complaint);
    }

    private static Task<Ok<ComplaintDto>> LinkInitiative(Guid id, InitiativeLinkInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct) =>
        Send(m, http, new LinkComplaintInitiativeCommand(new ComplaintId(id), body.InitiativeId, ifMatch.Version), ct);

    private static async Task<Created<ComplaintDto>> File(ComplaintIntakeInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var complaint = await m.Send(new FileComplaintCommand(body), ct);
        ETags.Set(http, complaint.Version);
        return TypedResults.Created($"/api/v1/complaints/{complaint.Id}", complaint);
    }

    private static async Task<Ok<SlaPolicyDto>> GetSlaPolicy(IMediator m, HttpContext http, CancellationToken ct)
    {
        var policy = await m.Send(new GetSlaPolicyQuery(), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }

    private static async Task<Ok<SlaPolicyDto>> UpdateSlaPolicy(SlaPolicyInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var policy = await m.Send(new UpdateSlaPolicyCommand(body, ifMatch.Version), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }

    private static async Task<Ok<ComplaintDto>> Get(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var complaint = await m.Send(new GetComplaintQuery(new ComplaintId(id)), ct);
        ETags.Set(http, complaint.Version);
        return TypedResults.Ok(complaint);
    }

    private static async Task<Created<ComplaintTimelineEntryDto>> Comment(Guid id, CommentInput body, IMediator m, CancellationToken ct)
    {
        var entry = await m.Send(new AddComplaintCommentCommand(new ComplaintId(id), body.Text), ct);
        return TypedResults.Created($"/api/v1/complaints/{id}/timeline", entry);
    }

    /// <param name="m">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="format">csv (default) or xlsx.</param>
    /// <param name="lang">zh-CN or en: the language of the headers and values (default from Accept-Language, else Chinese).</param>
    /// <param name="status">Only this status.</param>
    /// <param name="severity">Only this severity.</param>
    /// <param name="tier">Only complaints of accounts of this tier (at intake).</param>
    /// <param name="category">Only this category.</param>
    /// <param name="accountId">Only this account's complaints.</param>
    /// <param name="assigneeId">Only complaints assigned to this user.</param>
    /// <param name="mine">Only complaints assigned to me.</param>
    /// <param name="slaState">OnTime, AtRisk or Breached.</param>
    /// <param name="overdue">Only open complaints past their running target.</param>
    /// <param name="openOnly">Only complaints not resolved or closed.</param>
    /// <param name="receivedFrom">Only complaints received at or after this instant (ISO 8601 with offset; the metrics' `from`).</param>
    /// <param name="receivedTo">Only complaints received before this instant (the metrics' `to`, exclusive); after `receivedFrom`.</param>
    private static async Task<IResult> Export(
        IMediator m,
        HttpContext http,
        CancellationToken ct,
        [FromQuery, AllowedValues("csv", "xlsx")] string? format = null,
        [FromQuery, AllowedValues("zh-CN", "en")] string? lang = null,
        [FromQuery] ComplaintStatus? status = null,
        [FromQuery] Severity? severity = null,
        [FromQuery] Tier? tier = null,
        [FromQuery] ComplaintCategory? category = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery] Guid? assigneeId = null,
        [FromQuery] bool mine = false,
        [FromQuery] SlaState? slaState = null,
        [FromQuery] bool overdue = false,
        [FromQuery] bool openOnly = false,
        [FromQuery] DateTimeOffset? receivedFrom = null,
        [FromQuery] DateTimeOffset? receivedTo = null)
    {
        var (fileFormat, language) = FileExports.Read(http, format, lang);
        var filters = new ListComplaintsQuery
        {
            Status = status,
            Severity = severity,
            Tier = tier,
            Category = category,
            AccountId = accountId is { } a ? new AccountId(a) : null,
            AssigneeId = assigneeId is { } u ? new UserId(u) : null,
            Mine = mine,
            SlaState = slaState,
            Overdue = overdue,
            OpenOnly = openOnly,
            ReceivedFrom = receivedFrom,
            ReceivedTo = receivedTo,
        };
        var table = await m.Send(new ExportComplaintsQuery(filters, language), ct);
        return FileExports.File(http, table, fileFormat);
    }

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="severity">Only this severity.</param>
    /// <param name="tier">Only complaints of accounts of this tier (at intake).</param>
    /// <param name="category">Only this category.</param>
    /// <param name="accountId">Only this account's complaints.</param>
    /// <param name="assigneeId">Only complaints assigned to this user.</param>
    /// <param name="mine">Only complaints assigned to me.</param>
    /// <param name="slaState">OnTime, AtRisk or Breached.</param>
    /// <param name="overdue">Only open complaints past their running target.</param>
    /// <param name="openOnly">Only complaints not resolved or closed.</param>
    /// <param name="receivedFrom">Only complaints received at or after this instant (ISO 8601 with offset; the metrics' `from`).</param>
    /// <param name="receivedTo">Only complaints received before this instant (the metrics' `to`, exclusive); after `receivedFrom`.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<ComplaintSummaryDto>>> List(
        IMediator m,
        CancellationToken ct,
        [FromQuery] ComplaintStatus? status = null,
        [FromQuery] Severity? severity = null,
        [FromQuery] Tier? tier = null,
        [FromQuery] ComplaintCategory? category = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery] Guid? assigneeId = null,
        [FromQuery] bool mine = false,
        [FromQuery] SlaState? slaState = null,
        [FromQuery] bool overdue = false,
        [FromQuery] bool openOnly = false,
        [FromQuery] DateTimeOffset? receivedFrom = null,
        [FromQuery] DateTimeOffset? receivedTo = null,
        [FromQuery, Range(1, int.MaxValue)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(
            new ListComplaintsQuery
            {
                Status = status,
                Severity = severity,
                Tier = tier,
                Category = category,
                AccountId = accountId is { } a ? new AccountId(a) : null,
                AssigneeId = assigneeId is { } u ? new UserId(u) : null,
                Mine = mine,
                SlaState = slaState,
                Overdue = overdue,
                OpenOnly = openOnly,
                ReceivedFrom = receivedFrom,
                ReceivedTo = receivedTo,
                Page = page,
                PageSize = pageSize,
            },
            ct));
}
