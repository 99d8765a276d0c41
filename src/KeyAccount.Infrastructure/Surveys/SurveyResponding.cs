using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>The <c>Surveys</c> figures recording answers needs.</summary>
internal sealed class SurveySettings(IOptions<SurveyOptions> options) : ISurveySettings
{
    public TimeSpan FollowUpTarget => TimeSpan.FromHours(options.Value.FollowUpHours);
}

/// <summary>Writes <c>contacts.survey_unsubscribed_at</c> (a column the domain does not carry: only the audience SQL reads it).</summary>
internal sealed class SurveyContacts(AppDbContext db) : ISurveyContacts
{
    public Task UnsubscribeAsync(ContactId contact, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE contacts SET survey_unsubscribed_at = {now.ToUniversalTime()} WHERE id = {contact.Value} AND survey_unsubscribed_at IS NULL",
            cancellationToken);
}
