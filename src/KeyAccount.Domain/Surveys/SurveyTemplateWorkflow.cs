namespace KeyAccount.Domain.Surveys;

/// <summary>Draft (edited), Published (frozen; campaigns use it), Retired (replaced by its next published version).</summary>
public enum SurveyTemplateStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>What a user may do to a template version (its <c>allowedActions</c>, in camelCase on the wire).</summary>
public enum SurveyTemplateAction
{
    /// <summary>Replace the draft's document (PUT).</summary>
    Edit,

    /// <summary>Draft → Published (retires the version it revises).</summary>
    Publish,

    /// <summary>A Published version → a new Draft version copying it.</summary>
    Revise,
}

/// <summary>
/// The template workflow as one table, the home of the state machine: the aggregate moves by it and a template's
/// <c>allowedActions</c> are read from it. Retiring is not an action anyone takes: it happens to the previous version
/// when its revision is published.
/// </summary>
public static class SurveyTemplateWorkflow
{
    private static readonly (SurveyTemplateStatus From, SurveyTemplateAction Action)[] Table =
    [
        (SurveyTemplateStatus.Draft, SurveyTemplateAction.Edit),
        (SurveyTemplateStatus.Draft, SurveyTemplateAction.Publish),
        (SurveyTemplateStatus.Published, SurveyTemplateAction.Revise),
    ];

    public static bool Allows(SurveyTemplateStatus from, SurveyTemplateAction action) => Table.Contains((from, action));

    public static IReadOnlyList<SurveyTemplateStatus> AllowedFrom(SurveyTemplateAction action) =>
        [.. Table.Where(t => t.Action == action).Select(t => t.From)];

    /// <summary>The actions allowed now; <paramref name="hasRevision"/>: a newer version of this one exists (it is revised once).</summary>
    public static IReadOnlyList<SurveyTemplateAction> AllowedActions(SurveyTemplateStatus status, bool hasRevision) =>
        [.. Table.Where(t => t.From == status && !(t.Action == SurveyTemplateAction.Revise && hasRevision)).Select(t => t.Action).Order()];
}
