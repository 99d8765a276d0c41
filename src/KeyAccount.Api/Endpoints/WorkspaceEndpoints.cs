using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Workspace.GetMyDay;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/workspace: a user's worklist ("my day").</summary>
internal static class WorkspaceEndpoints
{
    public static RouteGroupBuilder MapWorkspace(this RouteGroupBuilder api)
    {
        var workspace = api.MapGroup("/workspace").WithTags("Workspace");
        workspace.MapGet("/today", Today)
            .WithName("GetMyDay").RequireAuthorization(Permissions.RemindersRead)
            .WithSummary("My day: what is due or overdue for me")
            .WithDescription("""
                The account manager's worklist, for the signed-in user (or, for a caller who sees every account such as a Director, the user in `ownerId`):
                - `nextSteps`: open next steps agreed in interactions on the user's accounts (or logged by the user), overdue or due by `horizon` (today + 7 days); mark one done with `POST /api/v1/accounts/{accountId}/interactions/{interactionId}/next-step/complete`;
                - `reminders`: the user's open reminders due by the horizon other than next steps and overdue contact (dismiss with `POST /api/v1/me/reminders/{id}/dismiss`);
                - `overdueContacts`: the user's accounts past their tier's contact cadence (the dashboard's list, `GET /api/v1/dashboard/overdue-contacts`);
                - `complaints`: open complaints on the user's accounts with their stored SLA state, most urgent first;
                - `initiatives`: initiatives of plans in force that the user owns, overdue or due by the horizon;
                - `followUps`: the user's open survey follow-ups.
                "Today" is the business day in China Standard Time (UTC+8): at 00:30 in Beijing a step due that day is `DueToday`, one due the day before `Overdue`. Each status comes from the server; clients show it. Sections the caller's role may not read are null. An AccountManager asking for another user's day gets 403.
                """);
        return api;
    }

    /// <param name="ownerId">Whose day (callers who see every account, e.g. a Director); default: the caller's own.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<MyDayDto>> Today(Guid? ownerId, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetMyDayQuery(ownerId is { } o ? new UserId(o) : null), ct));
}
