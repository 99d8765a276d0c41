using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.GetSurveyTemplate;

/// <summary>One template version with its questions and allowed actions.</summary>
public sealed record GetSurveyTemplateQuery(SurveyTemplateId Id) : IQuery<SurveyTemplateDto>;

public sealed class GetSurveyTemplateHandler(IAppDbContext db) : IQueryHandler<GetSurveyTemplateQuery, SurveyTemplateDto>
{
    public async ValueTask<SurveyTemplateDto> Handle(GetSurveyTemplateQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Survey template", query.Id.Value);
        return await db.ReadAsync(template, cancellationToken).ConfigureAwait(false);
    }
}
