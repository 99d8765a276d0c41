using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.ScheduleCampaign;

/// <summary>Draft → Scheduled: a job opens it at its <c>opensAt</c>.</summary>
public sealed record ScheduleCampaignCommand(SurveyCampaignId Id, uint ExpectedVersion) : ICommand<SurveyCampaignDto>;

public sealed class ScheduleCampaignHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ScheduleCampaignCommand, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(ScheduleCampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var campaign = await db.LoadCampaignAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        campaign.Schedule(clock.GetUtcNow());
        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
