using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.GetCampaign;

/// <summary>A campaign with its invitations by status and the steps allowed now.</summary>
public sealed record GetCampaignQuery(SurveyCampaignId Id) : IQuery<SurveyCampaignDto>;

public sealed class GetCampaignHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetCampaignQuery, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(GetCampaignQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var campaign = await db.LoadCampaignAsync(query.Id, null, cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
