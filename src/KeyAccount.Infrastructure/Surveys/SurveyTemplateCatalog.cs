using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// Whether a template version is Published, read from <c>survey_templates(id, status)</c> directly: campaigns do not load
/// the template aggregate. Registered by the lead once the templates' table exists (until then tests use a fake).
/// </summary>
internal sealed class SurveyTemplateCatalog(AppDbContext db) : ISurveyTemplateCatalog
{
    private const string Sql = "SELECT EXISTS (SELECT 1 FROM survey_templates WHERE id = @id AND status = 'Published') AS \"Value\"";

    public async Task<bool> IsPublishedAsync(SurveyTemplateId templateId, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<bool>(Sql, new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = templateId.Value })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
}
