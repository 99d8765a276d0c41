using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// One contact's invitation to a campaign. Opening a campaign picks its audience set-based in SQL and issues an
/// invitation for each contact to invite (<see cref="Issue"/>: a random nonce and the hash of the token it makes, by
/// <see cref="InvitationToken"/>), copied in at once; this type is also how they are read and later moved (sent,
/// reminded, answered). The token itself is never stored.
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
    /// An invitation for a contact the campaign skipped only for having no email address, created when an agent records
    /// their answers by phone: channel Phone, no token (there is no link to follow), no address, counted as Regular.
    /// </summary>
    public static SurveyInvitation ForPhone(SurveyCampaignId campaign, AccountId account, ContactId contact, BuyingRole buyingRole, string language, DateTimeOffset now) => new()
    {
        Id = SurveyInvitationId.New(),
        CampaignId = campaign,
        AccountId = account,
        ContactId = contact,
        Email = string.Empty,
        Language = language,
        BuyingRole = buyingRole,
        Status = SurveyInvitationStatus.Pending,
        Channel = SurveyInvitationChannel.Phone,
        Kind = SurveyInvitationKind.Regular,
        CreatedAt = now,
    };

    /// <summary>
    /// Whether the invitation takes answers now, in the order a respondent should hear it: answered already (409
    /// <c>survey-already-answered</c>: the page shows its thank-you), its campaign no longer Open (410
    /// <c>survey-closed</c>), expired (410 <c>survey-expired</c>). The public page checks it before showing the
    /// questions; recording checks it before <see cref="MarkResponded"/>.
    /// </summary>
    public void CheckTakesAnswers(SurveyCampaignStatus campaignStatus)
    {
        Check(new SurveyMustNotBeAnsweredTwice(Status));
        Check(new SurveyCampaignMustTakeAnswers(campaignStatus));
        Check(new SurveyInvitationMustNotBeExpired(Status));
    }

    /// <summary>
    /// The contact unsubscribed through this invitation (RFC 8058 one-click): Unsubscribed, unless it was answered (the
    /// answer stands). Doing it again changes nothing.
    /// </summary>
    public void Unsubscribe()
    {
        if (Status != SurveyInvitationStatus.Responded)
        {
            Status = SurveyInvitationStatus.Unsubscribed;
        }
    }

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
[RuleCode("survey-expired", Status = RuleCodeAttribute.Gone)]
public sealed class SurveyInvitationMustNotBeExpired(SurveyInvitationStatus status) : IBusinessRule
{
    public bool IsBroken() => status == SurveyInvitationStatus.Expired;

    public string Message => "This survey invitation has expired.";
}

/// <summary>A campaign takes answers only while it is Open: a closed one is a 410.</summary>
[RuleCode("survey-closed", Status = RuleCodeAttribute.Gone)]
public sealed class SurveyCampaignMustTakeAnswers(SurveyCampaignStatus status) : IBusinessRule
{
    public bool IsBroken() => status != SurveyCampaignStatus.Open;

    public string Message => "This survey is closed.";
}

/// <summary>
/// A phone response answers the contact's invitation in the campaign. A contact the campaign left out only for having no
/// email address may answer by phone (an invitation is created then); one left out for any other reason (unsubscribed,
/// recently asked, over the cap, …) or never in its audience is not asked: a 409 naming <c>contactId</c>.
/// </summary>
[RuleCode("survey-contact-not-invited")]
public sealed class ContactMustBeInvitedOrReachableByPhone(SkipReason? skipReason) : IBusinessRule
{
    public bool IsBroken() => skipReason != SkipReason.NoEmail;

    public string Message => skipReason is { } reason
        ? $"This contact was not invited by the campaign ({reason}): their answers are not recorded."
        : "This contact is not in the campaign's audience: their answers are not recorded.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["reason"] = skipReason?.ToString() };

    public string? Field => "contactId";
}
