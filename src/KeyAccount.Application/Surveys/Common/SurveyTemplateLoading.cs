using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>Loading a template version and answering it as its DTO (with what may be done to it now).</summary>
public static class SurveyTemplateLoading
{
    public static async Task<SurveyTemplate> LoadSurveyTemplateAsync(this IAppDbContext db, SurveyTemplateId id, CancellationToken cancellationToken) =>
        await db.SurveyTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false)
        ?? throw new EntityNotFoundException("Survey template", id.Value);

    /// <summary>The newer version made of <paramref name="id"/>, if any (a version is revised once).</summary>
    public static async Task<SurveyTemplateId?> RevisionOfAsync(this IAppDbContext db, SurveyTemplateId id, CancellationToken cancellationToken) =>
        await db.SurveyTemplates.AsNoTracking().Where(t => t.PreviousVersionId == id).Select(t => (SurveyTemplateId?)t.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The versions among <paramref name="ids"/> that have a newer version.</summary>
    public static async Task<HashSet<SurveyTemplateId>> RevisedAmongAsync(this IAppDbContext db, IReadOnlyCollection<SurveyTemplateId> ids, CancellationToken cancellationToken)
    {
        var nullable = ids.Select(i => (SurveyTemplateId?)i).ToList();
        var revised = await db.SurveyTemplates.AsNoTracking().Where(t => nullable.Contains(t.PreviousVersionId)).Select(t => t.PreviousVersionId!.Value).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. revised];
    }

    /// <summary>
    /// The DTO of a version as stored. <c>usedByCampaigns</c> is 0 until campaigns exist (issue 13, survey-campaigns):
    /// counting them is one query over <c>survey_campaigns.template_id</c> added here when they do.
    /// </summary>
    public static async Task<SurveyTemplateDto> ReadAsync(this IAppDbContext db, SurveyTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var revision = await db.RevisionOfAsync(template.Id, cancellationToken).ConfigureAwait(false);
        return SurveyTemplateDto.From(template, revision is not null, usedByCampaigns: 0);
    }
}
