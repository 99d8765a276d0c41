using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Surveys;

/// <summary>A workflow step is taken only where <see cref="SurveyCampaignWorkflow"/> allows it.</summary>
[RuleCode("survey-campaign-transition-not-allowed")]
public sealed class SurveyCampaignTransitionMustBeAllowed(SurveyCampaignStatus from, SurveyCampaignAction action) : IBusinessRule
{
    private readonly SurveyCampaignStatus _to = SurveyCampaignWorkflow.TargetOf(action);
    private readonly IReadOnlyList<SurveyCampaignStatus> _allowedFrom = SurveyCampaignWorkflow.AllowedFrom(action);

    public bool IsBroken() => !SurveyCampaignWorkflow.Allows(from, action);

    public string Message => $"A campaign in status {from} does not allow {action} (→ {_to}); allowed from: {string.Join(", ", _allowedFrom)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["from"] = from.ToString(),
        ["to"] = _to.ToString(),
        ["action"] = action.ToString(),
        ["allowedFrom"] = _allowedFrom.Select(s => s.ToString()).ToArray(),
    };
}

/// <summary>Only a Draft campaign's settings are edited.</summary>
[RuleCode("survey-campaign-not-editable")]
public sealed class SurveyCampaignMustBeEditable(SurveyCampaignStatus status) : IBusinessRule
{
    public bool IsBroken() => !SurveyCampaignWorkflow.IsEditable(status);

    public string Message => $"A campaign in status {status} is not edited; only a Draft is.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["status"] = status.ToString() };
}

/// <summary>A campaign closes after it opens (the same instant is refused). The API checks it first as a 400 on <c>closesAt</c> (<see cref="SurveyCampaign.ClosesAfterOpens"/>).</summary>
[RuleCode("survey-campaign-closes-before-opening")]
public sealed class SurveyCampaignMustCloseAfterItOpens(DateTimeOffset opensAt, DateTimeOffset closesAt) : IBusinessRule
{
    public bool IsBroken() => !SurveyCampaign.ClosesAfterOpens(opensAt, closesAt);

    public string Message => "A campaign closes after it opens.";

    public string? Field => "closesAt";
}

/// <summary>A new campaign (or a draft's new template) uses a Published template version: not a draft, not a retired one.</summary>
[RuleCode("survey-template-not-published")]
public sealed class SurveyCampaignTemplateMustBePublished(SurveyTemplateId templateId, bool published) : IBusinessRule
{
    public bool IsBroken() => !published;

    public string Message => $"Template {templateId} is not a Published version; a campaign uses a Published template.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["templateId"] = templateId.Value };

    public string? Field => "templateId";
}

/// <summary>The settings checked by the API as field errors (400) and guarded here too: cap 1–50, reminder 1–30 days, a known language, a name.</summary>
[RuleCode("survey-campaign-setting-out-of-range")]
public sealed class SurveyCampaignSettingsMustBeInRange(string fieldName, bool valid, string message) : IBusinessRule
{
    public bool IsBroken() => !valid;

    public string Message => message;

    public string? Field => fieldName;
}

/// <summary>A campaign is scheduled or opened only before its close date: a campaign past it would invite people to a closed survey.</summary>
[RuleCode("survey-campaign-past-close")]
public sealed class SurveyCampaignMustNotBePastItsClose(DateTimeOffset closesAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => SurveyCampaign.IsPastClose(closesAt, now);

    public string Message => $"The campaign closed at {closesAt:O}: move its close date into the future before scheduling or opening it.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["closesAt"] = closesAt };

    public string? Field => "closesAt";
}
