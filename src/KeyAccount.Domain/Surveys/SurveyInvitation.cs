using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Surveys;

/// <summary>
/// One contact's invitation to a campaign. Invitations are written set-based in SQL when the campaign opens (with
/// their token's nonce and hash: <see cref="InvitationToken"/>); this type is how they are read and later moved
/// (sent, reminded, answered). The token itself is never stored.
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

    /// <summary>The 16 random bytes of the token (<see cref="InvitationToken.NonceLength"/>).</summary>
    public byte[] TokenNonce { get; private set; } = [];

    /// <summary>SHA-256 of the token (<see cref="InvitationToken.Hash(string)"/>): how the public endpoints find the invitation.</summary>
    public byte[] TokenHash { get; private set; } = [];

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
}
