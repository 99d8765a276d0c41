using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Surveys;

/// <summary>Why a contact of a campaign's audience was not invited when it opened (decided in SQL: Infrastructure/Sql/SurveyAudienceSql.cs).</summary>
public enum SkipReason
{
    /// <summary>The contact has no email address.</summary>
    NoEmail,

    /// <summary>The contact unsubscribed from surveys.</summary>
    Unsubscribed,

    /// <summary>Invited by a campaign (a regular invitation) within the last <c>Surveys:FatigueDays</c>.</summary>
    RecentlyInvited,

    /// <summary>The account already had <c>Surveys:AccountInvitationLimit</c> regular invitations in that window.</summary>
    AccountLimit,

    /// <summary>Beyond the campaign's per-account cap (contacts are picked by buying-role priority).</summary>
    OverCap,

    /// <summary>The account matches the audience but is not Active.</summary>
    InactiveAccount,
}

/// <summary>One contact of a campaign's audience left out when it opened, with the reason (written by SQL, read by the skips list).</summary>
public sealed class SurveySkip
{
    private SurveySkip()
    {
    }

    public SurveyCampaignId CampaignId { get; private set; }

    public AccountId AccountId { get; private set; }

    public ContactId ContactId { get; private set; }

    public SkipReason Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
