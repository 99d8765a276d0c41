using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.UpdateSurveyTemplate;

/// <summary>Replaces a draft's document as a whole (a published or retired version is frozen: 409 <c>survey-template-not-editable</c>).</summary>
public sealed record UpdateSurveyTemplateCommand(SurveyTemplateId Id, SurveyTemplateInput Template, uint ExpectedVersion) : ICommand<SurveyTemplateDto>;

public sealed class UpdateSurveyTemplateValidator : AbstractValidator<UpdateSurveyTemplateCommand>
{
    public UpdateSurveyTemplateValidator() => RuleFor(x => x.Template).NotNull().SetValidator(new SurveyTemplateInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class UpdateSurveyTemplateHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateSurveyTemplateCommand, SurveyTemplateDto>
{
    public async ValueTask<SurveyTemplateDto> Handle(UpdateSurveyTemplateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var template = await db.LoadSurveyTemplateAsync(command.Id, cancellationToken).ConfigureAwait(false);
        db.ExpectVersion(template, command.ExpectedVersion);
        template.Edit(command.Template.ToContent(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadAsync(template, cancellationToken).ConfigureAwait(false);
    }
}
