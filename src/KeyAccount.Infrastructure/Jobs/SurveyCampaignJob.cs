using KeyAccount.Application.Surveys.CloseCampaign;
using KeyAccount.Application.Surveys.OpenCampaign;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// The survey campaigns' clock (<c>Jobs:SurveyCampaign:Cron</c>, every minute by default): (a) opens Scheduled
/// campaigns whose opening time has come and (b) closes Open campaigns past their close, each through the same
/// command as <c>POST /open</c> and <c>POST /close</c> (as the system: no user in the job's scope), then (c) queues
/// the invitation mail of open campaigns and (d) their due reminders, in batches within a time budget
/// (<see cref="SurveyMailer"/>). Not concurrent on one scheduler, fired once across replicas by the clustered
/// store; and should two runs meet anyway, opening locks the campaign's row, closing is refused by its version
/// (one of them gets a 409 or 412 and logs it), and mail rows are claimed with SKIP LOCKED.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SurveyCampaignJob(IServiceScopeFactory scopes, SurveyMailer mail, IOptions<SurveyOptions> options, TimeProvider clock, ILogger<SurveyCampaignJob> logger) : IJob
{
    public static readonly JobKey Key = new("survey-campaigns", "surveys");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (toOpen, toClose) = await DueAsync(now, cancellationToken).ConfigureAwait(false);
        var opened = 0;
        foreach (var (id, version) in toOpen)
        {
            opened += await SendAsync(new OpenCampaignCommand(id, version), id, "open", cancellationToken).ConfigureAwait(false);
        }

        var closed = 0;
        foreach (var (id, version) in toClose)
        {
            closed += await SendAsync(new CloseCampaignCommand(id, version), id, "close", cancellationToken).ConfigureAwait(false);
        }

        var budget = TimeSpan.FromSeconds(options.Value.MailBudgetSeconds);
        var invitations = await mail.QueueInvitationsAsync(budget, cancellationToken).ConfigureAwait(false);
        var reminders = await mail.QueueRemindersAsync(budget / 4, cancellationToken).ConfigureAwait(false);
        if (opened + closed + invitations + reminders > 0)
        {
            LogRun(logger, opened, closed, invitations, reminders);
        }

        JobCounts.Report(context, ("campaignsOpened", opened), ("campaignsClosed", closed), ("invitationsQueued", invitations), ("remindersQueued", reminders));
    }

    /// <summary>The campaigns to open and to close now, with the versions they were read at (campaigns are few: the domain decides).</summary>
    private async Task<(List<(SurveyCampaignId, uint)> Open, List<(SurveyCampaignId, uint)> Close)> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var candidates = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => (c.Status == SurveyCampaignStatus.Scheduled && c.OpensAt <= now) || c.Status == SurveyCampaignStatus.Open)
            .OrderBy(c => c.OpensAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (
            [.. candidates.Where(c => c.IsDueToOpen(now)).Select(c => (c.Id, c.Version))],
            [.. candidates.Where(c => c.IsDueToClose(now)).Select(c => (c.Id, c.Version))]);
    }

    /// <summary>One campaign's command in a scope of its own; a refusal (another run got there first) is logged, not thrown.</summary>
    private async Task<int> SendAsync<TResponse>(ICommand<TResponse> command, SurveyCampaignId id, string action, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken).ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefused(logger, action, id.Value, e);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey campaigns: {Opened} opened, {Closed} closed, {Invitations} invitations and {Reminders} reminders queued")]
    private static partial void LogRun(ILogger logger, int opened, int closed, int invitations, int reminders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey campaign {CampaignId}: the job could not {Action} it")]
    private static partial void LogRefused(ILogger logger, string action, Guid campaignId, Exception exception);
}
