using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.CloseCampaign;

/// <summary>
/// Open → Closed (by a user, or by the campaign job once its close date has passed): its unanswered invitations expire
/// (<see cref="SurveyInvitation.StatusAfterClose"/>, applied set-based: a campaign may have 100,000), and a twice-yearly
/// campaign schedules its next one six months later (while its template is still Published) — in one transaction.
/// </summary>
public sealed record CloseCampaignCommand(SurveyCampaignId Id, uint ExpectedVersion) : ICommand<SurveyCampaignDto>;

public sealed class CloseCampaignHandler(IAppDbContext db, ICurrentUser user, ISurveyTemplateCatalog templates, TimeProvider clock) : ICommandHandler<CloseCampaignCommand, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(CloseCampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var campaign = await db.LoadCampaignAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var published = campaign.Recurrence == SurveyRecurrence.TwiceYearly
            && await templates.IsPublishedAsync(campaign.TemplateId, cancellationToken).ConfigureAwait(false);
        var next = campaign.Close(clock.GetUtcNow(), published);
        if (next is not null)
        {
            db.SurveyCampaigns.Add(next);
        }

        var expiring = SurveyInvitation.ExpiringStatuses.ToArray();
        await db.SurveyInvitations.Where(i => i.CampaignId == campaign.Id && expiring.Contains(i.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SurveyInvitationStatus.Expired).SetProperty(i => i.ReminderDueAt, (DateTimeOffset?)null), cancellationToken)
            .ConfigureAwait(false);

        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
