using System.ComponentModel.DataAnnotations;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Jobs.Common;
using KeyAccount.Application.Jobs.GetJobRun;
using KeyAccount.Application.Jobs.ListJobRuns;
using KeyAccount.Application.Jobs.ListJobs;
using KeyAccount.Application.Jobs.StartJobRun;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Endpoints;

/// <summary>/api/v1/admin/jobs: the scheduled jobs, their runs, and starting one by hand (Admin).</summary>
internal static class AdminJobsEndpoints
{
    private const int MaxKeyLength = 100;

    public static RouteGroupBuilder MapAdminJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/admin/jobs").WithTags("Jobs");
        jobs.MapGet("/", List).WithName("ListJobs").RequireAuthorization(Permissions.JobsManage)
            .WithSummary("List the scheduled jobs")
            .WithDescription("Every job of the clustered scheduler (each fires once across replicas): its key, its schedules (cron with time zone, or interval), the next time it fires, whether it is paused, and its latest run with the outcome. A failed run is retried at 1, 2, 4 and 8 minutes (`Jobs:Retry:*`) unless the job's next regular occurrence comes first; a missed daily or monthly occurrence runs once when a node is back (a catch-up); an every-minute job simply runs at the next minute.");
        jobs.MapGet("/{key}/runs", ListRuns).WithName("ListJobRuns").RequireAuthorization(Permissions.JobsManage)
            .WithSummary("A job's runs")
            .WithDescription("The job's runs, newest first: what set each off (Scheduled, Manual, Retry, CatchUp, Recovery), the attempt, when it was due, started and ended, the outcome (Succeeded, Failed, Interrupted; none while queued or running), a short error summary, the job's own counts and the node that ran it. The pollers (mail-delivery, webhook-delivery) list only runs that did something or failed. An unknown job → 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{key}/runs/{runId:guid}", GetRun).WithName("GetJobRun").RequireAuthorization(Permissions.JobsManage)
            .WithSummary("One run of a job")
            .WithDescription("A manual run's Location: queued until a worker of any replica takes it (`startedAt` null), running until `endedAt` and `outcome` are set.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{key}/runs", Start).WithName("StartJobRun").RequireAuthorization(Permissions.JobsManage).Creates()
            .WithSummary("Run a job now")
            .WithDescription("Records a run with the trigger `Manual` and fires the job at once on whichever replica has a free worker; answers 202 with the run and its Location (poll it for the outcome). A job already running (jobs never run twice at once) starts when that run ends. Send an `Idempotency-Key` to make a retried click start one run, not two. An unknown job → 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<IReadOnlyList<JobDto>>> List(IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new ListJobsQuery(), ct));

    /// <param name="key">The job's key, e.g. tiering-run.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="page">1-based page (default 1).</param>
    /// <param name="pageSize">Rows per page, 1–200 (default 50).</param>
    private static async Task<Ok<PagedResult<JobRunDto>>> ListRuns(
        [MaxLength(MaxKeyLength)] string key,
        IMediator m,
        CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1,
        [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await m.Send(new ListJobRunsQuery(key) { Page = page, PageSize = pageSize }, ct));

    /// <param name="key">The job's key, e.g. tiering-run.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<JobRunDto>> GetRun([MaxLength(MaxKeyLength)] string key, Guid runId, IMediator m, CancellationToken ct) =>
        TypedResults.Ok(await m.Send(new GetJobRunQuery(key, runId), ct));

    /// <param name="key">The job's key, e.g. tiering-run.</param>
    /// <param name="m">Mediator.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Accepted<JobRunDto>> Start([MaxLength(MaxKeyLength)] string key, IMediator m, CancellationToken ct)
    {
        var run = await m.Send(new StartJobRunCommand(key), ct);
        return TypedResults.Accepted($"/api/v1/admin/jobs/{Uri.EscapeDataString(run.JobKey)}/runs/{run.Id}", run);
    }
}
