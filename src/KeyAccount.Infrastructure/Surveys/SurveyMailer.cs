using System.Diagnostics;
using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// Queues the survey mail of open campaigns: the invitation message of each Pending Email invitation, and the one
/// reminder of each Sent, unanswered invitation whose reminder fell due. It works in rounds of
/// <see cref="SurveyOptions.MailBatch"/> invitations, each its own short transaction, for as long as a time budget
/// allows, so a campaign of 100,000 contacts goes out over several firings without one huge transaction. A round
/// claims its rows <c>FOR UPDATE SKIP LOCKED</c>: two replicas never queue the same message. The SQL picks the
/// candidates by the columns the invitation stores (<see cref="SurveyInvitation.MailQueuedAt"/>,
/// <see cref="SurveyInvitation.ReminderDueAt"/>); the invitation's methods decide and record. Only the invitation's id
/// goes into <c>mail_queue</c>, never its token.
/// </summary>
public sealed class SurveyMailer(IServiceScopeFactory scopes, IOptions<SurveyOptions> options, TimeProvider clock)
{
    private const string InvitationsToMail =
        """
        SELECT i.* FROM survey_invitations i
        JOIN survey_campaigns c ON c.id = i.campaign_id
        WHERE i.mail_queued_at IS NULL AND i.status = 'Pending' AND i.channel = 'Email'
          AND c.status = 'Open' AND c.closes_at > @now
        ORDER BY i.created_at, i.id
        LIMIT @batch
        FOR UPDATE OF i SKIP LOCKED
        """;

    private const string InvitationsToRemind =
        """
        SELECT i.* FROM survey_invitations i
        JOIN survey_campaigns c ON c.id = i.campaign_id
        WHERE i.reminder_due_at <= @now AND i.status = 'Sent'
          AND c.status = 'Open' AND c.closes_at > @now
        ORDER BY i.reminder_due_at, i.id
        LIMIT @batch
        FOR UPDATE OF i SKIP LOCKED
        """;

    /// <summary>Queues invitation messages until none is left or <paramref name="budget"/> has passed; returns how many.</summary>
    public Task<int> QueueInvitationsAsync(TimeSpan budget, CancellationToken cancellationToken) =>
        RunAsync(SurveyMailPurpose.Invitation, budget, cancellationToken);

    /// <summary>Queues due reminders until none is left or <paramref name="budget"/> has passed; returns how many.</summary>
    public Task<int> QueueRemindersAsync(TimeSpan budget, CancellationToken cancellationToken) =>
        RunAsync(SurveyMailPurpose.Reminder, budget, cancellationToken);

    private async Task<int> RunAsync(SurveyMailPurpose purpose, TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var queued = 0;
        while (started.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            var (picked, round) = await RoundAsync(purpose, cancellationToken).ConfigureAwait(false);
            queued += round;
            if (picked < options.Value.MailBatch)
            {
                break;
            }
        }

        return queued;
    }

    /// <summary>One round in one transaction: the rows claimed and the messages queued.</summary>
    private async Task<(int Picked, int Queued)> RoundAsync(SurveyMailPurpose purpose, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var invitations = await db.SurveyInvitations
            .FromSqlRaw(purpose == SurveyMailPurpose.Invitation ? InvitationsToMail : InvitationsToRemind, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", options.Value.MailBatch))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (invitations.Count == 0)
        {
            return (0, 0);
        }

        var campaignIds = invitations.Select(i => i.CampaignId).Distinct().ToList();
        var campaigns = await db.SurveyCampaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        var contactIds = invitations.Select(i => i.ContactId).Distinct().ToList();
        var names = (await db.Database.SqlQueryRaw<ContactName>(
                "SELECT id AS \"Id\", name AS \"Name\" FROM contacts WHERE id = ANY(@ids)",
                new NpgsqlParameter("ids", contactIds.Select(c => c.Value).ToArray()))
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => new ContactId(c.Id), c => c.Name);
        var queued = 0;
        foreach (var invitation in invitations)
        {
            var campaign = campaigns[invitation.CampaignId];
            if (purpose == SurveyMailPurpose.Invitation)
            {
                if (!invitation.AwaitsMail || !invitation.MayBeMailed(purpose, campaign, now))
                {
                    continue;
                }

                invitation.QueueMail(now);
            }
            else
            {
                if (!invitation.IsDueForReminder(now))
                {
                    continue;
                }

                invitation.Remind(now);
                if (!invitation.MayBeMailed(purpose, campaign, now))
                {
                    continue;
                }
            }

            outbox.Enqueue(new MailRequest(
                invitation.Email,
                names.GetValueOrDefault(invitation.ContactId, invitation.Email),
                invitation.Language,
                purpose == SurveyMailPurpose.Invitation ? MailKind.SurveyInvitation : MailKind.SurveyReminder,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [SurveyMailKinds.InvitationIdArg] = invitation.Id.Value.ToString(),
                    ["campaignName"] = campaign.Name,
                    ["closesAt"] = campaign.ClosesAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                }));
            queued++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (invitations.Count, queued);
    }

    private sealed record ContactName(Guid Id, string Name);
}
