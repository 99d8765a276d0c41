using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>A survey template version (each version has its own id).</summary>
public readonly record struct SurveyTemplateId(Guid Value) : ITypedId<SurveyTemplateId>
{
    public static SurveyTemplateId New() => new(Guid.CreateVersion7());

    public static SurveyTemplateId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>A survey campaign.</summary>
public readonly record struct SurveyCampaignId(Guid Value) : ITypedId<SurveyCampaignId>
{
    public static SurveyCampaignId New() => new(Guid.CreateVersion7());

    public static SurveyCampaignId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>One contact's invitation to a campaign.</summary>
public readonly record struct SurveyInvitationId(Guid Value) : ITypedId<SurveyInvitationId>
{
    public static SurveyInvitationId New() => new(Guid.CreateVersion7());

    public static SurveyInvitationId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>The one response to an invitation (by the web page or recorded by phone).</summary>
public readonly record struct SurveyResponseId(Guid Value) : ITypedId<SurveyResponseId>
{
    public static SurveyResponseId New() => new(Guid.CreateVersion7());

    public static SurveyResponseId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>The follow-up task a detractor's or low rating's response opens for the account owner.</summary>
public readonly record struct SurveyFollowUpId(Guid Value) : ITypedId<SurveyFollowUpId>
{
    public static SurveyFollowUpId New() => new(Guid.CreateVersion7());

    public static SurveyFollowUpId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
