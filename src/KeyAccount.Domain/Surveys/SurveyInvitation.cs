using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// One contact's invitation to a campaign. Invitations are written set-based in SQL when the campaign opens (with
/// their token's random nonce; the token's hash is computed from it in C# by <see cref="InvitationToken"/>, in the same
/// transaction); this type is how they are read and later moved (sent, reminded, answered). The token itself is never
/// stored.
/// </summary>
public sealed partial class SurveyInvitation
{
    private SurveyInvitation()
    {
    }

    public SurveyInvitationId Id { get; private set; }

    public SurveyCampaignId CampaignId { get; private set; }

    public AccountId AccountId { get; private set; }

    public ContactId ContactId { get; private set; }

    /// <summary>The address it goes to, as the contact had it when the campaign opened.</summary>
    public string Email { get; private set; } = string.Empty;

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = SurveyCampaign.Chinese;

    /// <summary>The contact's buying role when the campaign opened (results weigh answers by it).</summary>
    public BuyingRole BuyingRole { get; private set; }

    /// <summary>The 16 random bytes of the token (<see cref="InvitationToken.NonceLength"/>); null for a phone invitation (no link).</summary>
    public byte[]? TokenNonce { get; private set; }

    /// <summary>SHA-256 of the token (<see cref="InvitationToken.Hash(string)"/>): how the public endpoints find the invitation; null for a phone invitation.</summary>
    public byte[]? TokenHash { get; private set; }

    public SurveyInvitationStatus Status { get; private set; }

    public SurveyInvitationChannel Channel { get; private set; }

    public SurveyInvitationKind Kind { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>Sending attempts so far.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The contact answered (by the page or by phone): Responded at <paramref name="now"/>. Once only (409
    /// <c>survey-already-answered</c>); not after the invitation expired (410 <c>survey-expired</c>). A failed or
    /// unsubscribed invitation may still be answered (by phone, or by a link the contact kept).
    /// </summary>
    public void MarkResponded(SurveyInvitationChannel channel, DateTimeOffset now)
    {
        Check(new SurveyMustNotBeAnsweredTwice(Status));
        Check(new SurveyInvitationMustNotBeExpired(Status));
        Status = SurveyInvitationStatus.Responded;
        Channel = channel;
        RespondedAt = now;
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}

/// <summary>An invitation is answered once: a second submit (a double click, a second tab, a retry) is a 409.</summary>
[RuleCode("survey-already-answered")]
public sealed class SurveyMustNotBeAnsweredTwice(SurveyInvitationStatus status) : IBusinessRule
{
    public bool IsBroken() => status == SurveyInvitationStatus.Responded;

    public string Message => "This survey has already been answered.";
}

/// <summary>An expired invitation (its campaign closed before it was answered) takes no answer: a 410.</summary>
[RuleCode("survey-expired")]
public sealed class SurveyInvitationMustNotBeExpired(SurveyInvitationStatus status) : IBusinessRule
{
    public bool IsBroken() => status == SurveyInvitationStatus.Expired;

    public string Message => "This survey invitation has expired.";
}

/// <summary>A campaign takes answers only while it is Open: a closed one is a 410.</summary>
[RuleCode("survey-closed")]
public sealed class SurveyCampaignMustTakeAnswers(SurveyCampaignStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SurveyCampaignStatus.Open;

    public string Message => "This survey is closed.";
}
