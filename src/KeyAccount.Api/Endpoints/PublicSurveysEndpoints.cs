using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Surveys.GetPublicSurvey;
using KeyAccount.Application.Surveys.RecordResponse;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Application.Surveys.Unsubscribe;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>
/// /api/v1/public/surveys/{token}: what the survey page at /s/{token} calls, without signing in — the survey, the
/// answers, the one-click unsubscribe. The token (43 base64url characters from the invitation mail) is the only key;
/// requests are rate limited per client address; answers are never cached (<c>Cache-Control: no-store</c>) nor is the
/// token leaked as a Referer (<c>Referrer-Policy: no-referrer</c>): both are set on every API response.
/// </summary>
internal static class PublicSurveysEndpoints
{
    private const string Errors = " A token that is not 43 base64url characters is a 400 naming `token`; an unknown token a 404; a closed campaign a 410 `survey-closed`, an expired invitation a 410 `survey-expired`; too many requests from one address a 429 with Retry-After.";

    public static RouteGroupBuilder MapPublicSurveys(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/public/surveys").WithTags("Public surveys").AllowAnonymous().RequireRateLimiting(RateLimits.PublicSurveys);
        surveys.MapGet("/{token}", Get).WithName("GetPublicSurvey")
            .WithSummary("The survey behind an invitation link")
            .WithDescription("The campaign's title, its closing time and its questions with every text already in the invitation's language (or `lang`: `zh-CN` or `en`), and the unsubscribe URL. Records nothing (opening the link twice changes nothing). An invitation already answered is a 409 `survey-already-answered`: the page shows its thank-you." + Errors)
            .Produces<PublicSurveyDto>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status429TooManyRequests);
        surveys.MapPost("/{token}", Answer).WithName("AnswerPublicSurvey")
            .Action("records the invitation's one response: a second submit is a 409, never a second response")
            .WithSummary("Answer the survey")
            .WithDescription("Records the contact's answers: `answers[]` of `{ questionId, number?, choices?, text? }` (Nps 0–10, Rating 1–5, the keys of offered choices — exactly one for SingleChoice —, text at most the question's maxLength characters; every required question answered). Each broken rule is a 400 whose `errors` key names the answer's field (`answers[0].number`, `answers[1].choices`, `answers[2].text`, `answers[3].questionId`, `answers` for a required question left out); nothing is written then. A detractor (NPS 0–6) or a rating of 1–2 opens a follow-up for the account owner. A second submit (two tabs, a retry) is a 409 `survey-already-answered`." + Errors)
            .Produces<SurveyReceiptDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status429TooManyRequests);
        surveys.MapPost("/{token}/unsubscribe", Unsubscribe).WithName("UnsubscribeFromSurveys")
            .Action("unsubscribing twice is unsubscribing once")
            .WithSummary("Unsubscribe from surveys (one click)")
            .WithDescription("RFC 8058 one-click unsubscribe, as a mail client sends it from the `List-Unsubscribe` header (a form body `List-Unsubscribe=One-Click`; an empty body is accepted too, and any body is ignored). The contact receives no more surveys (later campaigns skip them as Unsubscribed) and the invitation becomes Unsubscribed unless it was answered. Works whatever the campaign's state; doing it again answers 204 too. A token that is not 43 base64url characters is a 400 naming `token`; an unknown token a 404; too many requests a 429.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    /// <param name="token">The invitation's token from its link (43 base64url characters).</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="lang">The language of the texts: `zh-CN` or `en` (default: the invitation's).</param>
    private static async Task<Ok<PublicSurveyDto>> Get([MaxLength(InvitationToken.Length)] string token, IMediator m, CancellationToken ct, [FromQuery, MaxLength(5)] string? lang = null) =>
        TypedResults.Ok(await m.Send(new GetPublicSurveyQuery(token, lang), ct));

    /// <param name="token">The invitation's token from its link (43 base64url characters).</param>
    /// <param name="body">The answers.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Created<SurveyReceiptDto>> Answer([MaxLength(InvitationToken.Length)] string token, SurveyAnswersInput body, IMediator m, CancellationToken ct)
    {
        var recorded = await m.Send(new RecordResponseCommand(token, null, body, SurveyInvitationChannel.Email), ct);
        // Location: the survey itself, which now answers that it was answered (the response has no public address).
        return TypedResults.Created($"/api/v1/public/surveys/{token}", new SurveyReceiptDto(recorded.ReceivedAt));
    }

    /// <param name="token">The invitation's token from its link (43 base64url characters).</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<NoContent> Unsubscribe([MaxLength(InvitationToken.Length)] string token, IMediator m, CancellationToken ct)
    {
        await m.Send(new UnsubscribeCommand(token), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The answers were recorded.</summary>
/// <param name="ReceivedAt">When (UTC).</param>
public sealed record SurveyReceiptDto(DateTimeOffset ReceivedAt);
