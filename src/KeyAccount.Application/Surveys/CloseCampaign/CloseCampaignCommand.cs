using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.CloseCampaign;

/// <summary>Open → Closed; a twice-yearly campaign schedules its next one six months later (while its template is still Published).</summary>
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

        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
