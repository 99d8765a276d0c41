namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>Where a development plan stands (design §1.3); <see cref="PlanWorkflow"/> says how it moves.</summary>
public enum PlanStatus
{
    /// <summary>Being written; the only status in which its content is edited.</summary>
    Draft,

    /// <summary>Waiting for a Director's approval; its content is frozen.</summary>
    Submitted,

    /// <summary>Approved by a Director: its baseline is frozen.</summary>
    Approved,

    /// <summary>Being carried out; reviewed on its cadence.</summary>
    Active,

    /// <summary>Carried out to its end.</summary>
    Completed,

    /// <summary>Stopped before its end, with a reason.</summary>
    Cancelled,

    /// <summary>Replaced by a later version of the same plan, when that version was approved.</summary>
    Superseded,
}

/// <summary>One step of the plan workflow; each is one <c>POST /development-plans/{id}/&lt;action&gt;</c>.</summary>
public enum PlanAction
{
    Submit,
    Approve,
    Reject,
    Activate,
    Complete,
    Cancel,
}

/// <summary>The unit a measure counts in.</summary>
public enum MeasureUnit
{
    /// <summary>Money, in the measure's currency.</summary>
    Currency,

    /// <summary>A count or any plain number.</summary>
    Number,

    /// <summary>A percentage (e.g. a margin or a share).</summary>
    Percent,
}

/// <summary>Which way a measure improves.</summary>
public enum MeasureDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>
/// Where a measure's actual value comes from: typed in (<see cref="Manual"/>), or a metric KeyAccount computes for the
/// account (nobody types in what the system knows).
/// </summary>
public enum MeasureSource
{
    /// <summary>Typed in by the plan's team.</summary>
    Manual,

    /// <summary>Trailing-12-month revenue (the tiering criterion's definition), in currency.</summary>
    TtmRevenue,

    /// <summary>Revenue growth, TTM against the previous TTM, in percent.</summary>
    RevenueGrowth,

    /// <summary>TTM gross profit over TTM revenue, in percent.</summary>
    GrossMarginPercent,

    /// <summary>The account's latest NPS (−100..100).</summary>
    AccountNps,

    /// <summary>Share of the account's complaints of the last 12 months that met their SLA, in percent.</summary>
    ComplaintSlaCompliance,

    /// <summary>How well the contact cadence of the account's tier was kept over the last 12 months, in percent.</summary>
    ContactCadenceCoverage,
}

/// <summary>Where an initiative stands.</summary>
public enum InitiativeStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

/// <summary>A quadrant of the SWOT analysis.</summary>
public enum SwotQuadrant
{
    Strength,
    Weakness,
    Opportunity,
    Threat,
}

/// <summary>What a SWOT item cites as its evidence.</summary>
public enum EvidenceKind
{
    /// <summary>A complaint (its reference or id).</summary>
    Complaint,

    /// <summary>A survey response.</summary>
    SurveyResponse,

    /// <summary>A revenue trend (e.g. a period of the account's revenue).</summary>
    RevenueTrend,
}
