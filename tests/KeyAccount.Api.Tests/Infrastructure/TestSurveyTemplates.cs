using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// Real template versions for the tests that need one to start a campaign: written through the aggregate into
/// survey_templates, so campaigns are checked by the production catalogue (a Published row), never by a fake.
/// </summary>
public static class TestSurveyTemplates
{
    /// <summary>A new Published version of the default relationship template; its id.</summary>
    public static Guid Publish()
    {
        var now = DateTimeOffset.UtcNow;
        var template = SurveyTemplate.Create(DefaultSurveyTemplates.Relationship, now);
        template.Publish(null, null, now);
        using var scope = ApiFixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SurveyTemplates.Add(template);
        db.SaveChanges();
        return template.Id.Value;
    }

    /// <summary>Retires a version (as publishing its revision would): it starts no new campaign.</summary>
    public static void Retire(Guid id)
    {
        using var scope = ApiFixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.ExecuteSql($"UPDATE survey_templates SET status = 'Retired' WHERE id = {id}");
    }
}
