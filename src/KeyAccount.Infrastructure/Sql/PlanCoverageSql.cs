using System.Globalization;
using KeyAccount.Domain.Tiering;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// The home of "accounts that need a development plan" (design §1.3): the active accounts whose tier's service
/// programme (the published policy's, or the design's defaults while none is published) sets
/// <see cref="ServiceLevel.DevelopmentPlanRequired"/>, and that have no Approved or Active plan covering @today
/// (start ≤ today ≤ end, both days included). The reason (<see cref="Domain.DevelopmentPlans.PlanNeedReason"/>):
/// <c>Expired</c> when the account's last approved plan (the latest-ending plan that reached approval: Approved,
/// Active, Completed or Superseded) has ended — its end date is before today, or it was completed; otherwise
/// <c>NotApproved</c> when it has a Draft or Submitted plan; otherwise <c>NoPlan</c> (cancelled plans count as none).
/// The list, the dashboard figure and the owners' reminders all read <see cref="NeedingPlan"/>; nothing else restates it.
/// </summary>
internal static class PlanCoverageSql
{
    /// <summary>tier → the tiers whose programme requires a plan.</summary>
    public static readonly string PlanRequiredCte = $"""
        plan_required AS (
            SELECT x."Tier" AS tier
            FROM tier_policies p CROSS JOIN LATERAL jsonb_to_recordset(p.programme) AS x("Tier" text, "DevelopmentPlanRequired" boolean)
            WHERE p.status = 'Published' AND x."DevelopmentPlanRequired"
            UNION ALL
            SELECT d.tier FROM (VALUES {DefaultRequired()}) AS d(tier)
            WHERE NOT EXISTS (SELECT 1 FROM tier_policies WHERE status = 'Published')
        )
        """;

    /// <summary>
    /// CTEs ending in <c>plan_gaps(account_id, name, tier, owner_id)</c>: the accounts (aliased <c>a</c>, matching
    /// <paramref name="filter"/>, e.g. an <see cref="AccountScopeSql"/> predicate) that need a plan — the rule itself,
    /// without the reason. Bind @today.
    /// </summary>
    public static string GapsCte(string filter) => $"""
        {PlanRequiredCte},
        plan_gaps AS (
            SELECT a.id AS account_id, a.name, a.tier, a.owner_id
            FROM accounts a
            JOIN plan_required r ON r.tier = a.tier
            WHERE a.status = 'Active'
              AND NOT EXISTS (
                  SELECT 1 FROM development_plans c
                  WHERE c.account_id = a.id AND c.status IN ('Approved', 'Active') AND c.start_date <= @today AND c.end_date >= @today)
              AND {filter}
        )
        """;

    /// <summary>
    /// The reason of each gap row aliased <c>g</c> (its <see cref="ReasonJoins"/> are joined):
    /// <c>reason, plan_id, plan_status, plan_end_date</c>. <c>plan_id</c> is the plan the reason is about: the expired
    /// plan, else the latest draft or submitted one, else an approved plan that has not started yet (null when none).
    /// </summary>
    public const string ReasonColumns = """
        CASE WHEN ap.ended THEN 'Expired' WHEN dp.id IS NOT NULL THEN 'NotApproved' ELSE 'NoPlan' END AS reason,
        CASE WHEN ap.ended THEN ap.id ELSE coalesce(dp.id, ap.id) END AS plan_id,
        CASE WHEN ap.ended THEN ap.status ELSE coalesce(dp.status, ap.status) END AS plan_status,
        CASE WHEN ap.ended THEN ap.end_date WHEN dp.id IS NOT NULL THEN dp.end_date ELSE ap.end_date END AS plan_end_date
        """;

    /// <summary>Per gap row <c>g</c>, two index lookups on development_plans (account_id): the latest plan that ever reached approval, and the latest draft or submitted one.</summary>
    public const string ReasonJoins = """
        LEFT JOIN LATERAL (
            SELECT p.id, p.status, p.end_date, (p.end_date < @today OR p.status = 'Completed') AS ended
            FROM development_plans p
            WHERE p.account_id = g.account_id AND p.status IN ('Approved', 'Active', 'Completed', 'Superseded')
            ORDER BY p.end_date DESC, p.plan_version DESC
            LIMIT 1
        ) ap ON true
        LEFT JOIN LATERAL (
            SELECT p.id, p.status, p.end_date
            FROM development_plans p
            WHERE p.account_id = g.account_id AND p.status IN ('Draft', 'Submitted')
            ORDER BY p.updated_at DESC
            LIMIT 1
        ) dp ON true
        """;

    /// <summary>
    /// CTEs ending in <c>needing_plan(account_id, name, tier, owner_id, reason, plan_id, plan_status, plan_end_date)</c>:
    /// <see cref="GapsCte"/> with each gap's reason. Readers that page by name without a reason filter take the gaps, page
    /// them, and join <see cref="ReasonJoins"/> to the page's rows only.
    /// </summary>
    public static string NeedingPlan(string filter) => $"""
        {GapsCte(filter)},
        needing_plan AS (
            SELECT g.account_id, g.name, g.tier, g.owner_id, {ReasonColumns}
            FROM plan_gaps g
            {ReasonJoins}
        )
        """;

    private static string DefaultRequired() => string.Join(", ", TierPolicy.DefaultProgramme
        .Where(s => s.DevelopmentPlanRequired)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"('{s.Tier}')")));
}
