using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Email;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// Survey invitations and reminders in the mail gateway. The queued row keeps only the invitation's id: when the
/// message is sent, the token is recomputed from the invitation's id and nonce (<see cref="InvitationToken.Create"/>
/// under <see cref="SurveyTokenKey"/>) into the survey link and the RFC 8058 unsubscribe address, in memory only. A
/// message no longer wanted (the campaign closed, the contact answered or unsubscribed) is not sent. The outcome moves
/// the invitation (<see cref="SurveyInvitation.MarkSent"/>, <see cref="SurveyInvitation.RecordFailedAttempt"/>).
/// </summary>
internal sealed class SurveyMailKinds(SurveyTokenKey key, IOptions<MailOptions> options) : IMailKindHandler
{
    public const string InvitationIdArg = "invitationId";

    public bool IsFor(MailKind kind) => kind is MailKind.SurveyInvitation or MailKind.SurveyReminder;

    public async Task<MailPreparation> PrepareAsync(AppDbContext db, QueuedMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        if (InvitationOf(mail) is not { } id)
        {
            return MailPreparation.Drop("no invitation");
        }

        var found = await (from i in db.SurveyInvitations.AsNoTracking()
                           join c in db.SurveyCampaigns.AsNoTracking() on i.CampaignId equals c.Id
                           where i.Id == id
                           select new { Invitation = i, Campaign = c }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return MailPreparation.Drop("the invitation no longer exists");
        }

        if (!found.Invitation.MayBeMailed(PurposeOf(mail.Kind), found.Campaign, now))
        {
            return MailPreparation.Drop($"the invitation is {found.Invitation.Status} and the campaign {found.Campaign.Status}");
        }

        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : throw new InvalidOperationException("App:PublicBaseUrl is not set: survey invitations need the installation's public address for their links.");
        var token = InvitationToken.Create(found.Invitation.Id, found.Invitation.TokenNonce, key.Value).Value;
        var args = new Dictionary<string, string>(mail.Args, StringComparer.Ordinal)
        {
            [MailTemplates.LinkArg] = $"{baseUrl}/s/{token}",
            [MailTemplates.UnsubscribeUrlArg] = $"{baseUrl}/api/v1/public/surveys/{token}/unsubscribe",
        };
        return MailPreparation.Send(mail.WithArgs(args));
    }

    public async Task RecordAsync(AppDbContext db, QueuedMail mail, MailOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(outcome);
        if (InvitationOf(mail) is not { } id)
        {
            return;
        }

        // Locked: the public endpoints (an answer, an unsubscribe) move the same row.
        var invitation = (await db.SurveyInvitations.FromSqlInterpolated($"SELECT * FROM survey_invitations WHERE id = {id.Value} FOR UPDATE")
            .ToListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (invitation is null)
        {
            return;
        }

        if (PurposeOf(mail.Kind) == SurveyMailPurpose.Reminder)
        {
            if (outcome.Error is { } reminderError && outcome.GivenUp)
            {
                invitation.RecordReminderFailure(reminderError);
            }
        }
        else if (outcome.Error is { } error)
        {
            invitation.RecordFailedAttempt(error, outcome.GivenUp);
        }
        else
        {
            var reminderAfterDays = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Id == invitation.CampaignId).Select(c => c.ReminderAfterDays)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            invitation.MarkSent(outcome.At, reminderAfterDays);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SurveyMailPurpose PurposeOf(MailKind kind) => kind == MailKind.SurveyReminder ? SurveyMailPurpose.Reminder : SurveyMailPurpose.Invitation;

    private static SurveyInvitationId? InvitationOf(QueuedMail mail) =>
        mail.Args.TryGetValue(InvitationIdArg, out var text) && Guid.TryParse(text, out var id) ? new SurveyInvitationId(id) : null;
}
