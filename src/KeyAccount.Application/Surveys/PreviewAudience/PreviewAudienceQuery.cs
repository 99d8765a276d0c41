using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.PreviewAudience;

/// <summary>
/// Who a campaign would invite now and who it would leave out, by reason — the same SQL as opening, without writing.
/// Either a saved campaign (<see cref="CampaignId"/>) or a draft's settings (<see cref="Input"/>).
/// </summary>
public sealed record PreviewAudienceQuery(SurveyCampaignId? CampaignId, AudiencePreviewInput? Input) : IQuery<AudiencePreviewDto>
{
    /// <summary>How many invited contacts the preview lists.</summary>
    public const int SampleSize = 20;
}

public sealed class PreviewAudienceValidator : AbstractValidator<PreviewAudienceQuery>
{
    public PreviewAudienceValidator()
    {
        RuleFor(x => x.Input!).SetValidator(new AudiencePreviewInputValidator()).OverridePropertyName(string.Empty).When(x => x.Input is not null);
    }
}

public sealed class PreviewAudienceHandler(IAppDbContext db, ISurveyAudience audience, TimeProvider clock) : IQueryHandler<PreviewAudienceQuery, AudiencePreviewDto>
{
    public async ValueTask<AudiencePreviewDto> Handle(PreviewAudienceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.CampaignId is { } id)
        {
            var campaign = await db.LoadCampaignAsync(id, null, cancellationToken).ConfigureAwait(false);
            return await audience.PreviewAsync(campaign.Audience, campaign.PerAccountCap, campaign.Id, clock.GetUtcNow(), PreviewAudienceQuery.SampleSize, cancellationToken).ConfigureAwait(false);
        }

        var input = query.Input ?? new AudiencePreviewInput();
        var wanted = (input.Audience ?? new AudienceInput()).ToAudience().Normalized();
        await db.CheckAccountsExistAsync(wanted, cancellationToken).ConfigureAwait(false);
        return await audience.PreviewAsync(wanted, input.PerAccountCap ?? SurveyCampaign.DefaultPerAccountCap, null, clock.GetUtcNow(), PreviewAudienceQuery.SampleSize, cancellationToken).ConfigureAwait(false);
    }
}
