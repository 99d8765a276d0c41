using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.OpenCampaign;

/// <summary>
/// Draft or Scheduled → Open, now: writes one invitation per selected contact and one skip per contact left out, and
/// stores their counts — all in the command's one transaction, with the campaign's row locked so that two opens
/// cannot both write (the second finds it Open: 409, or changed: 412).
/// </summary>
public sealed record OpenCampaignCommand(SurveyCampaignId Id, uint ExpectedVersion) : ICommand<SurveyCampaignDto>;

public sealed class OpenCampaignHandler(IAppDbContext db, ICurrentUser user, ISurveyAudience audience, TimeProvider clock) : ICommandHandler<OpenCampaignCommand, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(OpenCampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var campaign = await db.LoadCampaignForUpdateAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        campaign.Open(now);
        var (invited, skipped) = await audience.WriteInvitationsAsync(campaign, now, cancellationToken).ConfigureAwait(false);
        campaign.RecordAudience(invited, skipped);
        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
