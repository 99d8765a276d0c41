namespace KeyAccount.Domain.DevelopmentPlans;

/// <summary>
/// Why an account whose tier's service programme requires a development plan has no Approved or Active plan covering
/// today (design §1.3). Decided in one place, the SQL module <c>Infrastructure/Sql/PlanCoverageSql</c>, which the list,
/// the dashboard figure and the owners' reminders all read.
/// </summary>
public enum PlanNeedReason
{
    /// <summary>No plan at all (or only cancelled ones).</summary>
    NoPlan,

    /// <summary>Only a Draft or Submitted plan: none was ever approved.</summary>
    NotApproved,

    /// <summary>The last approved plan ended before today.</summary>
    Expired,
}
