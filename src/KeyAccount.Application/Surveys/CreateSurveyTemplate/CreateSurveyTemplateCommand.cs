using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.CreateSurveyTemplate;

/// <summary>Creates version 1 of a new template, as a Draft.</summary>
public sealed record CreateSurveyTemplateCommand(SurveyTemplateInput Template) : ICommand<SurveyTemplateDto>;

public sealed class CreateSurveyTemplateValidator : AbstractValidator<CreateSurveyTemplateCommand>
{
    public CreateSurveyTemplateValidator() => RuleFor(x => x.Template).NotNull().SetValidator(new SurveyTemplateInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class CreateSurveyTemplateHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateSurveyTemplateCommand, SurveyTemplateDto>
{
    public async ValueTask<SurveyTemplateDto> Handle(CreateSurveyTemplateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var template = SurveyTemplate.Create(command.Template.ToContent(), clock.GetUtcNow());
        db.SurveyTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SurveyTemplateDto.From(template, hasRevision: false, usedByCampaigns: 0);
    }
}
