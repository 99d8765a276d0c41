using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace KeyAccount.Infrastructure.Jobs;

/// <summary>
/// The jobs' triggers, from configuration, and what happens to a missed occurrence (each chosen, not defaulted):
/// <list type="bullet">
/// <item>Every minute (complaint escalation, survey campaigns): <b>do nothing</b> — the next minute's run does the work,
/// so a node back after an hour runs once, at the next minute, not 60 times.</item>
/// <item>Every 15 minutes (account health), nightly and daily (plan metrics, reminders) and monthly (tiering):
/// <b>fire once now</b> — a missed occurrence runs once as soon as a node is back (recorded as a catch-up), however
/// many were missed, and the schedule goes on from there.</item>
/// <item>The pollers (mail, webhooks, every few seconds): <b>the next interval</b>, skipping the missed ones.</item>
/// </list>
/// An occurrence counts as missed when it is later than Quartz's misfire threshold (<c>Jobs:MisfireThresholdSeconds</c>,
/// 60 s by default).
/// </summary>
public static class JobSchedules
{
    /// <summary>The triggers this configuration asks for; a trigger with a null schedule is one that must not exist.</summary>
    public static IReadOnlyList<(TriggerKey Key, ITrigger? Trigger)> From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var utc = TimeZoneInfo.Utc;

        ITrigger Cron(JobKey job, TriggerKey key, string cron, bool catchUp) => TriggerBuilder.Create()
            .ForJob(job)
            .WithIdentity(key)
            .WithCronSchedule(cron, c =>
            {
                c.InTimeZone(utc);
                c.WithMisfireInstruction(catchUp ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing);
            })
            .Build();

        ITrigger Poll(JobKey job, TriggerKey key, int seconds) => TriggerBuilder.Create()
            .ForJob(job)
            .WithIdentity(key)
            .StartNow()
            .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(Math.Max(1, seconds))).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();

        var surveys = new TriggerKey("survey-campaigns-every-minute", "surveys");
        return
        [
            (Contact, Cron(ContactCadenceReminderJob.Key, Contact, configuration["Jobs:ContactCadenceReminders:Cron"] ?? "0 0 6 * * ?", catchUp: true)),
            (Tiering, Cron(TieringRunJob.Key, Tiering, configuration["Jobs:TieringRun:Cron"] ?? "0 0 2 1 * ?", catchUp: true)),
            (Health, Cron(AccountHealthJob.Key, Health, configuration["Jobs:AccountHealth:Cron"] ?? "0 */15 * * * ?", catchUp: true)),
            (PlanMetrics, Cron(PlanMetricsRefreshJob.Key, PlanMetrics, configuration["Jobs:PlanMetricsRefresh:Cron"] ?? "0 0 18 * * ?", catchUp: true)),
            (PlanReminders, Cron(PlanRemindersJob.Key, PlanReminders, configuration["Jobs:PlanReminders:Cron"] ?? "0 0 1 * * ?", catchUp: true)),
            (Escalation, Cron(ComplaintEscalationJob.Key, Escalation, configuration["Jobs:ComplaintEscalation:Cron"] ?? "0 * * * * ?", catchUp: false)),
            (surveys, configuration.GetValue("Jobs:SurveyCampaign:Enabled", true)
                ? Cron(SurveyCampaignJob.Key, surveys, configuration["Jobs:SurveyCampaign:Cron"] ?? "0 * * * * ?", catchUp: false)
                : null),
            (Webhooks, Poll(WebhookDeliveryJob.Key, Webhooks, configuration.GetValue(KeyAccount.Infrastructure.Webhooks.WebhookOptions.Section + ":PollSeconds", 2))),
            (Mail, Poll(MailDeliveryJob.Key, Mail, configuration.GetValue(Email.MailOptions.Section + ":PollSeconds", 5))),
        ];
    }

    public static readonly TriggerKey Contact = new("contact-cadence-reminders-daily", "accounts");
    public static readonly TriggerKey Tiering = new("tiering-run-monthly", "tiering");
    public static readonly TriggerKey Health = new("account-health-periodic", "accounts");
    public static readonly TriggerKey PlanMetrics = new("plan-metrics-refresh-nightly", "plans");
    public static readonly TriggerKey PlanReminders = new("plan-reminders-daily", "plans");
    public static readonly TriggerKey Escalation = new("complaint-escalation-every-minute", "complaints");
    public static readonly TriggerKey Webhooks = new("webhook-delivery-poll", "webhooks");
    public static readonly TriggerKey Mail = new("mail-delivery-poll", "mail");

    /// <summary>The account health run once when a replica starts (a one-shot trigger: gone once it fired).</summary>
    public static readonly TriggerKey HealthAtStart = new("account-health-at-start", "accounts");

    /// <summary>Whether the stored trigger runs on another schedule than the wanted one (or handles a missed occurrence differently).</summary>
    public static bool Differs(ITrigger stored, ITrigger wanted)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(wanted);
        if (!stored.JobKey.Equals(wanted.JobKey) || stored.MisfireInstructionCode != wanted.MisfireInstructionCode)
        {
            return true;
        }

        return (stored, wanted) switch
        {
            (ICronTrigger s, ICronTrigger w) => !string.Equals(s.CronExpressionString, w.CronExpressionString, StringComparison.Ordinal) || s.TimeZone.Id != w.TimeZone.Id,
            (ISimpleTrigger s, ISimpleTrigger w) => s.RepeatInterval != w.RepeatInterval || s.RepeatCount != w.RepeatCount,
            _ => true,
        };
    }

    /// <summary>
    /// Writes each wanted trigger only when it is missing or its schedule differs from the stored one; leaves an
    /// unchanged trigger's row (start time, next fire time) as it is, so that a replica starting does not move the
    /// schedule of all. Removes the triggers configuration turned off. Returns what it wrote, by trigger name.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SyncAsync(IScheduler scheduler, IReadOnlyList<(TriggerKey Key, ITrigger? Trigger)> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(wanted);
        var written = new List<string>();
        foreach (var (key, trigger) in wanted)
        {
            var stored = await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false);
            if (trigger is null)
            {
                if (stored is not null && await scheduler.UnscheduleJob(key, cancellationToken).ConfigureAwait(false))
                {
                    written.Add($"-{key.Name}");
                }

                continue;
            }

            if (stored is null)
            {
                try
                {
                    await scheduler.ScheduleJob(trigger, default(ScheduleJobOptions), cancellationToken).ConfigureAwait(false);
                    written.Add($"+{key.Name}");
                }
                catch (ObjectAlreadyExistsException)
                {
                    // Another replica starting at the same moment wrote it first (the same configuration, or its own).
                }
            }
            else if (Differs(stored, trigger))
            {
                await scheduler.RescheduleJob(key, trigger, cancellationToken).ConfigureAwait(false);
                written.Add($"~{key.Name}");
            }
        }

        return written;
    }
}

/// <summary>
/// Before the scheduler starts on this replica: the triggers are written where their schedule changed
/// (<see cref="JobSchedules.SyncAsync"/>), and the account health runs once.
/// </summary>
internal sealed partial class JobScheduleSync(ISchedulerFactory factory, IConfiguration configuration, ILogger<JobScheduleSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var written = await JobSchedules.SyncAsync(scheduler, JobSchedules.From(configuration), cancellationToken).ConfigureAwait(false);
        if (await scheduler.GetTrigger(JobSchedules.HealthAtStart, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await scheduler.ScheduleJob(TriggerBuilder.Create().ForJob(AccountHealthJob.Key).WithIdentity(JobSchedules.HealthAtStart).StartNow().Build(), default(ScheduleJobOptions), cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another replica's start-up run is still due: one is enough.
            }
        }

        LogSynced(logger, written.Count == 0 ? "none" : string.Join(", ", written));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job triggers written at start (+ added, ~ changed, - removed): {Written}")]
    private static partial void LogSynced(ILogger logger, string written);
}
