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

    /// <summary>How many campaigns run each of these versions (one grouped count over survey_campaigns.template_id).</summary>
    public static async Task<Dictionary<SurveyTemplateId, int>> CampaignCountsAsync(this IAppDbContext db, IReadOnlyCollection<SurveyTemplateId> ids, CancellationToken cancellationToken) =>
        await db.SurveyCampaigns.AsNoTracking().Where(c => ids.Contains(c.TemplateId)).GroupBy(c => c.TemplateId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);

    /// <summary>The DTO of a version as stored, with whether it was revised and how many campaigns run it.</summary>
    public static async Task<SurveyTemplateDto> ReadAsync(this IAppDbContext db, SurveyTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var revision = await db.RevisionOfAsync(template.Id, cancellationToken).ConfigureAwait(false);
        var used = await db.CampaignCountsAsync([template.Id], cancellationToken).ConfigureAwait(false);
        return SurveyTemplateDto.From(template, revision is not null, usedByCampaigns: used.GetValueOrDefault(template.Id));
    }
}
