using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.CreateCampaign;

/// <summary>Creates a campaign as a Draft (a retry with the same Idempotency-Key is answered by the API's idempotency step).</summary>
public sealed record CreateCampaignCommand(SurveyCampaignInput Input) : ICommand<SurveyCampaignDto>;

public sealed class CreateCampaignValidator : AbstractValidator<CreateCampaignCommand>
{
    public CreateCampaignValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new SurveyCampaignInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateCampaignHandler(IAppDbContext db, ICurrentUser user, ISurveyTemplateCatalog templates, TimeProvider clock)
    : ICommandHandler<CreateCampaignCommand, SurveyCampaignDto>
{
    public async ValueTask<SurveyCampaignDto> Handle(CreateCampaignCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = command.Input.ToSettings();
        await db.CheckAccountsExistAsync(settings.Audience, cancellationToken).ConfigureAwait(false);
        var published = await templates.IsPublishedAsync(settings.TemplateId, cancellationToken).ConfigureAwait(false);
        var campaign = SurveyCampaign.Draft(settings, published, user.UserId, clock.GetUtcNow());
        db.SurveyCampaigns.Add(campaign);
        return await db.SaveAndReadAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }
}
