namespace KeyAccount.Application.Common.Abstractions;

/// <summary>What a message says; each has a template in zh-CN and en (Infrastructure/Email/MailTemplates).</summary>
public enum MailKind
{
    /// <summary>A one-time link to set a password. Args: <c>link</c>, <c>expiresAt</c> (ISO 8601).</summary>
    SetPassword,

    /// <summary>Reminders (escalations among them) that reached a user in the app. Args: <c>count</c>, <c>items</c> (the rendered list).</summary>
    Reminders,

    /// <summary>A webhook endpoint was disabled. Args: <c>url</c>, <c>reason</c>, <c>endpointId</c>.</summary>
    WebhookEndpointDisabled,

    /// <summary>
    /// A contact's invitation to a satisfaction survey. Args: <c>invitationId</c>, <c>campaignName</c>, <c>closesAt</c>
    /// (ISO 8601). The link and the unsubscribe address carry the invitation's token, which is never stored: the sender
    /// recomputes it from the invitation when it renders the message.
    /// </summary>
    SurveyInvitation,

    /// <summary>The one reminder of an unanswered survey invitation. Args as <see cref="SurveyInvitation"/>.</summary>
    SurveyReminder,
}

/// <summary>A message to send to one recipient, in their language (<c>zh-CN</c> or <c>en</c>).</summary>
/// <param name="ToAddress">The recipient's address.</param>
/// <param name="ToName">The recipient's display name.</param>
/// <param name="Language">The recipient's language; the template's language.</param>
/// <param name="Kind">Which template.</param>
/// <param name="Args">The template's arguments (plain text; the template escapes them).</param>
public sealed record MailRequest(string ToAddress, string ToName, string Language, MailKind Kind, IReadOnlyDictionary<string, string> Args);

/// <summary>
/// The notification gateway's entry: a message is queued in the caller's unit of work, so it is stored with the business
/// change (and never exists when that change rolls back), and sent after commit by the mail job, with retries.
/// Nothing is ever sent inside a business transaction.
/// </summary>
public interface IMailOutbox
{
    void Enqueue(MailRequest mail);
}
