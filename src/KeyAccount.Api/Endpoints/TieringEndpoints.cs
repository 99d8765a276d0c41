using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Health.GetAccountHealth;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Application.Tiering.CreatePolicy;
using KeyAccount.Application.Tiering.ExportTierHistory;
using KeyAccount.Application.Tiering.GetTierHistory;
using KeyAccount.Application.Tiering.ListPolicies;
using KeyAccount.Application.Tiering.ListRuns;
using KeyAccount.Application.Tiering.PublishPolicy;
using KeyAccount.Application.Tiering.SetTierOverride;
using KeyAccount.Application.Tiering.SimulatePolicy;
using KeyAccount.Application.Tiering.StartRun;
using KeyAccount.Application.Tiering.UpdatePolicy;
using KeyAccount.Application.Tiering.GetPolicy;
using KeyAccount.Application.Tiering.GetRun;
using KeyAccount.Application.Tiering.ListRunAccounts;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/tiering: policies, simulations, runs; and an account's tier history, override and health.</summary>
internal static class TieringEndpoints
{
    public static RouteGroupBuilder MapTiering(this RouteGroupBuilder api)
    {
        var tiering = api.MapGroup("/tiering").WithTags("Tiering");
        tiering.MapGet("/policies", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPoliciesQuery(), ct)))
            .WithName("ListTierPolicies").RequireAuthorization(Permissions.TieringRead)
            .WithSummary("List tier policy versions").WithDescription("Every version, newest first: drafts, the published one, and retired ones.");
        tiering.MapGet("/policies/{id:guid}", GetPolicy).WithName("GetTierPolicy").RequireAuthorization(Permissions.TieringRead).SendsETag()
            .WithSummary("Get a tier policy version")
            .WithDescription("The version's criteria and weights, cut-offs, Strategic cap, hysteresis margin, service programme and status. The ETag header carries its version: send it as If-Match to change or publish a draft.");
        tiering.MapPost("/policies", CreatePolicy).WithName("CreateTierPolicy").RequireAuthorization(Permissions.TieringManage).Creates().SendsETag()
            .WithSummary("Create a draft policy")
            .WithDescription("Weighted criteria (weights sum to 100), cut-offs (strategic > key > growth), optional cap on Strategic accounts, hysteresis margin and the per-tier service programme (defaults to the design's table).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tiering.MapPut("/policies/{id:guid}", UpdatePolicy).WithName("UpdateTierPolicy").RequireAuthorization(Permissions.TieringManage).SendsETag()
            .WithSummary("Change a draft policy").WithDescription("Published versions are frozen (409). Requires If-Match.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        tiering.MapPost("/policies/{id:guid}/publish", Publish).WithName("PublishTierPolicy").RequireAuthorization(Permissions.TieringManage).SendsETag()
            .WithSummary("Publish a draft policy").WithDescription("The previously published version is retired; runs use the published one. Publishing twice is a 409. The draft is simulated first: when a tier would lose or gain more than `Tiering:ShiftLimitPercent` (20 % by default) of its accounts, the answer is a 409 `tier-shift-over-limit` naming the tiers, unless `acknowledgeShift=true` says the shift is intended.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        tiering.MapPost("/simulations", Simulate).WithName("SimulateTierPolicy").RequireAuthorization(Permissions.TieringManage).Action("computes a what-if and writes nothing")
            .WithSummary("Simulate a draft policy")
            .WithDescription("Scores every active account under the policy sent, exactly as a run would, and returns the distribution per tier and the accounts that would move. Nothing is persisted.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tiering.MapPost("/runs", StartRun).WithName("StartTieringRun").RequireAuthorization(Permissions.TieringManage).Creates()
            .WithSummary("Run the published policy now")
            .WithDescription("Scores every active account in one set-based pass and records the run, each account's score, breakdown, previous and new tier and reason, in one transaction. Tier changes raise account.tier_changed events and notify the owners. A run while another is in progress answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        tiering.MapGet("/runs", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListRunsQuery(), ct)))
            .WithName("ListTieringRuns").RequireAuthorization(Permissions.TieringRead).WithSummary("List tiering runs").WithDescription("The latest 100 runs with their counts per tier.");
        tiering.MapGet("/runs/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetRunQuery(new TieringRunId(id)), ct)))
            .WithName("GetTieringRun").RequireAuthorization(Permissions.TieringRead).WithSummary("Get a tiering run")
            .WithDescription("When it ran and who or what started it, the policy version it used, and its counts per tier. Each account's result is in that account's tier history.");
        tiering.MapGet("/runs/{id:guid}/accounts", RunAccounts).WithName("ListTieringRunAccounts").RequireAuthorization(Permissions.TieringRead)
            .WithSummary("The accounts of a tiering run")
            .WithDescription("The run's lines of the stored tier history, by account name: the tier before (null at an account's first run), the tier it placed the account in, the reason and the score. `tier` keeps one tier (the run's count of that tier is this list's total for a Director); `moved=true` keeps the accounts the run moved (Promoted or Demoted, or an override that changed a tier set by an earlier run). AccountManagers see the lines of their own and their team's accounts. An unknown run is a 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        tiering.MapGet("/history/export", ExportHistory).WithName("ExportTierHistory").RequireAuthorization(Permissions.TieringRead).Exports()
            .WithSummary("Export the tier history (CSV or Excel)")
            .WithDescription("Each account's result in each run — run date, account, owner, policy version, score, previous and new tier, reason — newest run first, as a CSV or .xlsx file streamed as it is read. Filter by account, run, new tier, reason, `changedOnly` (the tier differs from the one before, first results included) and run dates `from`/`to`. AccountManagers get only their own and their team's accounts. At most Exports:MaxRows rows (default 1,000,000): more is a 400 on `filters`.");

        var accounts = api.MapGroup("/accounts/{id:guid}").WithTags("Tiering");
        accounts.MapGet("/health", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetAccountHealthQuery(new AccountId(id)), ct)))
            .WithName("GetAccountHealth").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("The account's health score and risk warnings")
            .WithDescription("Health 0–100 (Green ≥ 70, Amber 40–69, Red < 40): the weighted mean of satisfaction (latest NPS, 30), engagement (days since the last interaction against the tier's cadence, 30), service (open complaints and SLA breaches in 90 days, 20) and commercial trend (revenue year on year, 20). A signal without data is left out of the mean; each signal below 60 comes with a warning (a stable code, its figures and an English message).");
        accounts.MapGet("/tier-history", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTierHistoryQuery(new AccountId(id)), ct)))
            .WithName("GetTierHistory").RequireAuthorization(Permissions.AccountsRead)
            .WithSummary("The account's tier history")
            .WithDescription("Each run's score with its per-criterion breakdown (normalised value × weight), the previous and new tier and the reason: why the account has its tier.");
        accounts.MapPut("/tier-override", SetOverride).WithName("SetTierOverride").RequireAuthorization(Permissions.TieringManage)
            .WithSummary("Pin the account's tier")
            .WithDescription("A Director pins a tier with a reason until an expiry date; runs respect it until then and record that they did. Requires the account's ETag as If-Match.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        accounts.MapDelete("/tier-override", ClearOverride).WithName("ClearTierOverride").RequireAuthorization(Permissions.TieringManage)
            .WithSummary("Remove the account's tier pin").WithDescription("Requires the account's ETag as If-Match.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return api;
    }

    /// <param name="m">Mediator.</param>
    /// <param name="http">The request.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="format">csv (default) or xlsx.</param>
    /// <param name="lang">zh-CN or en: the language of the headers and values (default from Accept-Language, else Chinese).</param>
    /// <param name="accountId">Only this account's history.</param>
    /// <param name="runId">Only this run's results.</param>
    /// <param name="tier">Only results that gave this tier.</param>
    /// <param name="reason">Only results with this reason.</param>
    /// <param name="changedOnly">Only results whose tier differs from the one before (an account's first result included).</param>
    /// <param name="from">Only runs on or after this day (yyyy-MM-dd).</param>
    /// <param name="to">Only runs on or before this day (yyyy-MM-dd).</param>
    private static async Task<IResult> ExportHistory(
        IMediator m,
        HttpContext http,
        CancellationToken ct,
        [FromQuery, AllowedValues("csv", "xlsx")] string? format = null,
        [FromQuery, AllowedValues("zh-CN", "en")] string? lang = null,
        [FromQuery] Guid? accountId = null,
        [FromQuery] Guid? runId = null,
        [FromQuery] Tier? tier = null,
        [FromQuery] TierChangeReason? reason = null,
        [FromQuery] bool changedOnly = false,
        [FromQuery] DateOnly? from = null,
        [FromQuery] DateOnly? to = null)
    {
        var (fileFormat, language) = FileExports.Read(http, format, lang);
        var table = await m.Send(
            new ExportTierHistoryQuery
            {
                AccountId = accountId is { } a ? new AccountId(a) : null,
                RunId = runId is { } r ? new TieringRunId(r) : null,
                Tier = tier,
                Reason = reason,
                ChangedOnly = changedOnly,
                From = from,
                To = to,
                Language = language,
            },
            ct);
        return FileExports.File(http, table, fileFormat);
    }

    private static async Task<Ok<TierPolicyDto>> GetPolicy(Guid id, IMediator m, HttpContext http, CancellationToken ct)
    {
        var policy = await m.Send(new GetPolicyQuery(new TierPolicyId(id)), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }

    private static async Task<Created<TierPolicyDto>> CreatePolicy(TierPolicyInput body, IMediator m, HttpContext http, CancellationToken ct)
    {
        var policy = await m.Send(new CreatePolicyCommand(body), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Created($"/api/v1/tiering/policies/{policy.Id}", policy);
    }

    private static async Task<Ok<TierPolicyDto>> UpdatePolicy(Guid id, TierPolicyInput body, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct)
    {
        var policy = await m.Send(new UpdatePolicyCommand(new TierPolicyId(id), body, ifMatch.Version), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }

    /// <param name="id">The draft policy.</param>
    /// <param name="acknowledgeShift">The tier shift the simulation flagged is intended: publish anyway.</param>
    private static async Task<Ok<TierPolicyDto>> Publish(Guid id, IfMatch ifMatch, IMediator m, HttpContext http, CancellationToken ct, bool acknowledgeShift = false)
    {
        var policy = await m.Send(new PublishPolicyCommand(new TierPolicyId(id), ifMatch.Version, acknowledgeShift), ct);
        ETags.Set(http, policy.Version);
        return TypedResults.Ok(policy);
    }

    private static async Task<Ok<SimulationDto>> Simulate(TierPolicyInput body, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new SimulatePolicyCommand(body), ct));

    private static async Task<Created<TieringRunDto>> StartRun(IMediator m, CancellationToken ct)
    {
        var run = await m.Send(new StartRunCommand(RunTrigger.Manual), ct);
        return TypedResults.Created($"/api/v1/tiering/runs/{run.Id}", run);
    }

    private static async Task<NoContent> SetOverride(Guid id, TierOverrideInput body, IfMatch ifMatch, IMediator m, CancellationToken ct)
    {
        await m.Send(new SetTierOverrideCommand(new AccountId(id), body, ifMatch.Version), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ClearOverride(Guid id, IfMatch ifMatch, IMediator m, CancellationToken ct)
    {
        await m.Send(new SetTierOverrideCommand(new AccountId(id), null, ifMatch.Version), ct);
        return TypedResults.NoContent();
    }

    /// <param name="id">The run.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="tier">Only the accounts the run placed in this tier.</param>
    /// <param name="moved">Only the accounts whose tier the run changed.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">Rows per page, at most 200.</param>
    private static async Task<Ok<PagedResult<TierRunAccountDto>>> RunAccounts(
        Guid id,
        IMediator m,
        CancellationToken ct,
        [FromQuery] Tier? tier = null,
        [FromQuery] bool moved = false,
        [FromQuery, Range(1, int.MaxValue)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListRunAccountsQuery(new TieringRunId(id), tier, moved, page, pageSize), ct));
}
