using System.Globalization;
using KeyAccount.Domain.Tiering;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// One definition of a tier's contact cadence — the published policy's service programme, or the design's defaults
/// while none is published — and of "overdue for contact", shared by health and the overdue list (Tiering) and the
/// cadence reminders (Persistence/ReminderWriter).
/// </summary>
internal static class ContactCadenceSql
{
    /// <summary>tier → contact cadence in days, for the tiers that have one.</summary>
    public static readonly string CadenceCte = $"""
        cadence AS (
            SELECT x."Tier" AS tier, x."ContactCadenceDays" AS days
            FROM tier_policies p CROSS JOIN LATERAL jsonb_to_recordset(p.programme) AS x("Tier" text, "ContactCadenceDays" int)
            WHERE p.status = 'Published' AND x."ContactCadenceDays" IS NOT NULL
            UNION ALL
            SELECT d.tier, d.days FROM (VALUES {DefaultCadences()}) AS d(tier, days)
            WHERE NOT EXISTS (SELECT 1 FROM tier_policies WHERE status = 'Published')
        )
        """;

    /// <summary>Active accounts in scope with their cadence, last interaction and the day they became overdue.</summary>
    public static readonly string OverdueCte = $"""
        {CadenceCte},
        overdue AS (
            SELECT a.id, a.name, a.tier, a.owner_id, c.days AS cadence_days, l.last_at,
                   coalesce(l.last_at, a.created_at) + make_interval(days => c.days) AS overdue_since
            FROM accounts a
            JOIN cadence c ON c.tier = a.tier
            LEFT JOIN LATERAL (SELECT max(i.occurred_at) AS last_at FROM interactions i WHERE i.account_id = a.id) l ON true
            WHERE a.status = 'Active'
        )
        """;

    private static string DefaultCadences() => string.Join(", ", TierPolicy.DefaultProgramme
        .Where(s => s.ContactCadenceDays is not null)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"('{s.Tier}', {s.ContactCadenceDays})")));
}
