using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.UpdateCampaign;

/// <summary>Replaces a Draft campaign's settings (If-Match).</summary>
public sealed record UpdateCampaignCommand(SurveyCampaignId Id, SurveyCampaignInput Input, uint ExpectedVersion) : ICommand<SurveyCampaignDto>;

public sealed class UpdateCampaignValidator : AbstractValidator<UpdateCampaignCommand>
{
    public UpdateCampaignValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new SurveyCampaignInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateCampaignHandler(IAppDbContext db, ICurrentUser user, ISurveyTemplateCatalog templates, TimeProvider clock)
    : ICommandHandler<UpdateCampaignCommand, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(UpdateCampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var campaign = await db.LoadCampaignAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var settings = command.Input.ToSettings();
        await db.CheckAccountsExistAsync(settings.Audience, cancellationToken).ConfigureAwait(false);

        // A draft keeps the template it has even if that version was retired meanwhile; a new choice must be Published.
        var published = settings.TemplateId == campaign.TemplateId
            || await templates.IsPublishedAsync(settings.TemplateId, cancellationToken).ConfigureAwait(false);
        campaign.Edit(settings, published, clock.GetUtcNow());
        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
