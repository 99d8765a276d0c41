using KeyAccount.Domain.Accounts;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>The figures of recording survey answers that come from configuration (<c>Surveys</c> section).</summary>
public interface ISurveySettings
{
    /// <summary>How long the owner has to follow up a detractor or a low rating (<c>Surveys:FollowUpHours</c>, default 48), counted on the SLA policy's business calendar.</summary>
    TimeSpan FollowUpTarget { get; }
}

/// <summary>The contacts' survey subscription (<c>contacts.survey_unsubscribed_at</c>, read by the audience SQL).</summary>
public interface ISurveyContacts
{
    /// <summary>Marks the contact unsubscribed from surveys at <paramref name="now"/>, unless they already were (the first instant stays).</summary>
    Task UnsubscribeAsync(ContactId contact, DateTimeOffset now, CancellationToken cancellationToken);
}
