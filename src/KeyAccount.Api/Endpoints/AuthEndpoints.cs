using KeyAccount.Application.Auth.GetMe;
using KeyAccount.Application.Auth.Login;
using KeyAccount.Application.Auth.SetPassword;
using KeyAccount.Application.Common.Security;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Reminders.DismissReminder;
using KeyAccount.Application.Reminders.ListMyReminders;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>Sign-in, the current user and their reminders.</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login).WithTags("Auth").WithName("Login").AllowAnonymous().Action("signs in; it creates nothing a retry could duplicate")
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Sign in")
            .WithDescription("Exchanges email and password for a bearer token. After 5 failed attempts in a row the user is locked for 15 minutes. Send the token as `Authorization: Bearer <accessToken>`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/auth/set-password", SetPassword).WithTags("Auth").WithName("SetPassword").AllowAnonymous()
            .Action("uses a one-time link; a second use is refused, so a retry creates nothing")
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Set a password from a link")
            .WithDescription("The token of a set-password link (emailed when an Admin creates a user or resets their password) and the new password (12–256 characters, not the email). Answers 204; then sign in. The token works once, for 72 hours, and only while it is the user's newest link: otherwise 400 with `set-password-token-invalid` on `token`. Rate limited like sign-in.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/me", Me).WithTags("Auth").WithName("GetMe").RequireAuthorization()
            .WithSummary("The signed-in user")
            .WithDescription("Who you are, your role and the permissions it grants (the SPA builds its navigation from them). A person's endpoint: an API client's token gets 403 (a client has no user or role; its scopes are in its token response).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/me/reminders", Reminders).WithTags("Reminders").WithName("ListMyReminders").RequireAuthorization(Permissions.RemindersRead)
            .WithSummary("My open reminders")
            .WithDescription("Overdue contacts (by the tier's contact cadence), contact birthdays in the next 7 days and next steps due, as recorded by the daily reminder job.");

        api.MapPost("/me/reminders/{id:guid}/dismiss", Dismiss).WithTags("Reminders").WithName("DismissReminder").RequireAuthorization(Permissions.RemindersRead)
            .Action("dismissing twice is dismissing once")
            .WithSummary("Dismiss a reminder")
            .WithDescription("Removes one of your reminders from your open list. Dismissing a reminder that is already dismissed does nothing; another user's reminder is a 404.");
        return api;
    }

    private static async Task<Ok<LoginResult>> Login(LoginCommand body, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(body, ct));

    private static async Task<NoContent> SetPassword(SetPasswordCommand body, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(body, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeDto>> Me(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMeQuery(), ct));

    private static async Task<Ok<IReadOnlyList<ReminderDto>>> Reminders(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyRemindersQuery(), ct));

    private static async Task<NoContent> Dismiss(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DismissReminderCommand(id), ct);
        return TypedResults.NoContent();
    }
}
