namespace KeyAccount.Domain.Surveys;

/// <summary>Where an invitation stands (design §1.4).</summary>
public enum SurveyInvitationStatus
{
    /// <summary>Written when the campaign opened; not sent yet.</summary>
    Pending,

    Sent,
    Responded,
    Expired,

    /// <summary>Sending failed for good (after its retries).</summary>
    Failed,

    /// <summary>The contact unsubscribed through this invitation.</summary>
    Unsubscribed,
}

/// <summary>How the invitation is answered: by the web page (email) or recorded by an agent on the phone.</summary>
public enum SurveyInvitationChannel
{
    Email,
    Phone,
}

/// <summary>A regular invitation counts towards the fatigue rules; a detractor's follow-up is exempt.</summary>
public enum SurveyInvitationKind
{
    Regular,
    FollowUp,
}
