using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.ReviseSurveyTemplate;

/// <summary>
/// A new Draft version of a Published template (its questions copied with their ids, <c>templateVersion</c> + 1). A
/// version is revised once: the handler reads whether a revision exists and the aggregate decides (409
/// <c>survey-template-revision-exists</c>); the unique index on <c>previous_version_id</c> stands behind it for two
/// racing each other.
/// </summary>
/// <param name="Id">The published version to revise.</param>
public sealed record ReviseSurveyTemplateCommand(SurveyTemplateId Id) : ICommand<SurveyTemplateDto>;

public sealed class ReviseSurveyTemplateHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ReviseSurveyTemplateCommand, SurveyTemplateDto>
{
    public async ValueTask<SurveyTemplateDto> Handle(ReviseSurveyTemplateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var template = await db.LoadSurveyTemplateAsync(command.Id, cancellationToken).ConfigureAwait(false);
        var existing = await db.RevisionOfAsync(template.Id, cancellationToken).ConfigureAwait(false);
        var next = template.Revise(existing, clock.GetUtcNow());
        db.SurveyTemplates.Add(next);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SurveyTemplateDto.From(next, hasRevision: false, usedByCampaigns: 0);
    }
}
