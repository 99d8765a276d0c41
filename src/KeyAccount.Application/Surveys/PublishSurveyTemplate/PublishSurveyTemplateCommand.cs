using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.PublishSurveyTemplate;

/// <summary>
/// Draft → Published, freezing the version; a revision's publication retires the version it revises, in the same
/// save (under both rows' versions). A draft without questions is a 400 on <c>questions</c>: what is missing is the
/// document's content, which its author adds.
/// </summary>
public sealed record PublishSurveyTemplateCommand(SurveyTemplateId Id, uint ExpectedVersion) : ICommand<SurveyTemplateDto>;

public sealed class PublishSurveyTemplateHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PublishSurveyTemplateCommand, SurveyTemplateDto>
{
    public async ValueTask<SurveyTemplateDto> Handle(PublishSurveyTemplateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var template = await db.LoadSurveyTemplateAsync(command.Id, cancellationToken).ConfigureAwait(false);
        db.ExpectVersion(template, command.ExpectedVersion);
        var previous = template.PreviousVersionId is { } previousId ? await db.LoadSurveyTemplateAsync(previousId, cancellationToken).ConfigureAwait(false) : null;
        try
        {
            template.Publish(previous, user.UserId, clock.GetUtcNow());
        }
        catch (BusinessRuleViolationException e) when (e.Rule is SurveyTemplateMustHaveQuestions)
        {
            throw RequestValidationException.For(e.Rule.Field!, e.Rule.Code, e.Rule.Message);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadAsync(template, cancellationToken).ConfigureAwait(false);
    }
}
