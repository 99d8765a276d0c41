namespace KeyAccount.Domain.Surveys;

/// <summary>Where a survey campaign stands (design §1.4); <see cref="SurveyCampaignWorkflow"/> says how it moves.</summary>
public enum SurveyCampaignStatus
{
    /// <summary>Being prepared; the only status in which it is edited.</summary>
    Draft,

    /// <summary>Waiting for its <c>OpensAt</c>: a job opens it then.</summary>
    Scheduled,

    /// <summary>Invitations written; answers are taken until <c>ClosesAt</c> or until it is closed.</summary>
    Open,

    /// <summary>Over: no more answers.</summary>
    Closed,
}

/// <summary>One step of the campaign workflow; each is one <c>POST /surveys/campaigns/{id}/&lt;action&gt;</c>.</summary>
public enum SurveyCampaignAction
{
    Schedule,
    Open,
    Close,
}

/// <summary>Whether a campaign repeats: a twice-yearly campaign makes its next one (a Scheduled copy six months later) when it closes.</summary>
public enum SurveyRecurrence
{
    None,
    TwiceYearly,
}
