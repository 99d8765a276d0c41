using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Contacts.AddContact;
using KeyAccount.Application.Contacts.Common;
using KeyAccount.Application.Contacts.ListContacts;
using KeyAccount.Application.Contacts.RemoveContact;
using KeyAccount.Application.Contacts.UpdateContact;
using KeyAccount.Application.Interactions.Common;
using KeyAccount.Application.Interactions.CompleteNextStep;
using KeyAccount.Application.Interactions.ListInteractions;
using KeyAccount.Application.Interactions.LogInteraction;
using KeyAccount.Application.Revenue.Common;
using KeyAccount.Application.Revenue.GetAccountRevenue;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/accounts/{id}/contacts, /interactions and /revenue.</summary>
internal static class ContactsEndpoints
{
    public static RouteGroupBuilder MapAccountChildren(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/accounts/{accountId:guid}/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListContacts).WithName("ListContacts").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("List the account's contacts")
            .WithDescription("Every contact with buying role, attitude, reports-to and relationship level (the decision chain), and the gaps of a key account's map (no decision maker, no supporter).");
        contacts.MapPost("/", AddContact).WithName("AddContact").RequireAuthorization(Permissions.AccountsWrite).Creates()
            .WithSummary("Add a contact")
            .WithDescription("reportsToId must be another contact of the same account.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapPut("/{contactId:guid}", UpdateContact).WithName("UpdateContact").RequireAuthorization(Permissions.AccountsWrite)
            .WithSummary("Update a contact")
            .WithDescription("Contacts are part of the account: send the account's ETag as If-Match. A reports-to chain may not loop (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        contacts.MapDelete("/{contactId:guid}", RemoveContact).WithName("RemoveContact").RequireAuthorization(Permissions.AccountsWrite)
            .WithSummary("Remove a contact")
            .WithDescription("Whoever reported to the contact then reports to no one. Send the account's ETag as If-Match.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        var interactions = api.MapGroup("/accounts/{accountId:guid}/interactions").WithTags("Interactions");
        interactions.MapGet("/", ListInteractions).WithName("ListInteractions").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("List the account's interactions")
            .WithDescription("The timeline, newest first.")
            .ProducesValidationProblem();
        interactions.MapPost("/", LogInteraction).WithName("LogInteraction").RequireAuthorization(Permissions.AccountsWrite).Creates()
            .WithSummary("Log an interaction")
            .WithDescription("A call, meeting, visit, email or event; it proves the contact cadence. The contacts involved must be the account's own.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        interactions.MapPost("/{interactionId:guid}/next-step/complete", CompleteNextStep).WithName("CompleteNextStep").RequireAuthorization(Permissions.AccountsWrite)
            .Action("marking a next step done twice is marking it once: the second call answers the same interaction")
            .WithSummary("Mark the interaction's next step done")
            .WithDescription("Closes the next step agreed in the interaction: it leaves \"my day\" and the reminder job, and its open NextStepDue reminders are dismissed. Idempotent: a step already done stays as it was (the first completion's time and user) and the call answers 200 with the same interaction. An interaction without a next step is a 409 (`no-next-step`). Interactions carry no version (a step is only ever closed once), so no If-Match is needed. Another manager's account, or an interaction of another account, is a 404.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/accounts/{accountId:guid}/revenue", GetRevenue).WithTags("Revenue").WithName("GetAccountRevenue").RequireAuthorization(Permissions.RevenueRead)
            .WithSummary("Get the account's monthly revenue")
            .WithDescription("Months between from and to (default: the last 24 months), with trailing-twelve-month revenue, the twelve months before, and TTM gross margin.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<ContactListDto>> ListContacts(Guid accountId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListContactsQuery(new AccountId(accountId)), ct));

    private static async Task<Created<ContactDto>> AddContact(Guid accountId, ContactInput body, IMediator mediator, CancellationToken ct)
    {
        var contact = await mediator.Send(new AddContactCommand(new AccountId(accountId), body), ct);
        return TypedResults.Created($"/api/v1/accounts/{accountId}/contacts/{contact.Id}", contact);
    }

    private static async Task<Ok<ContactDto>> UpdateContact(Guid accountId, Guid contactId, ContactInput body, IfMatch ifMatch, IMediator mediator, CancellationToken ct)
    {
        return TypedResults.Ok(await mediator.Send(new UpdateContactCommand(new AccountId(accountId), new ContactId(contactId), body, ifMatch.Version), ct));
    }

    private static async Task<NoContent> RemoveContact(Guid accountId, Guid contactId, IfMatch ifMatch, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveContactCommand(new AccountId(accountId), new ContactId(contactId), ifMatch.Version), ct);
        return TypedResults.NoContent();
    }

    /// <param name="type">Only interactions of this type.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, 1–200.</param>
    private static async Task<Ok<PagedResult<InteractionDto>>> ListInteractions(
        Guid accountId, IMediator mediator, CancellationToken ct, [FromQuery] InteractionType? type = null, [FromQuery, Range(1, 100_000)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListInteractionsQuery(new AccountId(accountId), type, page, pageSize), ct));

    private static async Task<Created<InteractionDto>> LogInteraction(Guid accountId, InteractionInput body, IMediator mediator, CancellationToken ct)
    {
        var interaction = await mediator.Send(new LogInteractionCommand(new AccountId(accountId), body), ct);
        return TypedResults.Created($"/api/v1/accounts/{accountId}/interactions/{interaction.Id}", interaction);
    }

    /// <param name="accountId">The account.</param>
    /// <param name="interactionId">The interaction whose next step is done.</param>
    /// <param name="mediator">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<InteractionDto>> CompleteNextStep(Guid accountId, Guid interactionId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new CompleteNextStepCommand(new AccountId(accountId), new InteractionId(interactionId)), ct));

    /// <param name="from">First month (yyyy-MM-dd; the day is ignored).</param>
    /// <param name="to">Last month (yyyy-MM-dd; the day is ignored).</param>
    private static async Task<Ok<AccountRevenueDto>> GetRevenue(Guid accountId, IMediator mediator, CancellationToken ct, [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null) =>
        TypedResults.Ok(await mediator.Send(new GetAccountRevenueQuery(new AccountId(accountId), from, to), ct));
}
