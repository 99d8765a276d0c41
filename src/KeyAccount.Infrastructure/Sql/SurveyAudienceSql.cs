using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// The home of a survey campaign's audience and of the fatigue rules (design §1.4), set-based: the preview reads
/// <see cref="AudienceCte"/> and opening writes from it, so what the preview shows is what opening does.
/// <para>
/// Accounts: those matching every non-empty filter (tier, segment, industry, region), plus the named accounts; with no
/// filter at all, every account; with no filter but named accounts, those alone. Their contacts with a buying role in
/// the filter (any when empty) are the audience. Each is invited or skipped with the first reason that applies:
/// <c>InactiveAccount</c> (the account is not Active), <c>NoEmail</c> (null or blank), <c>Unsubscribed</c>
/// (<c>contacts.survey_unsubscribed_at</c> set), <c>RecentlyInvited</c> (a Regular invitation of another campaign
/// created within the last @fatigue_days days: strictly after now − N×24 h, so a contact invited exactly 90 days ago
/// to the second may be invited again). The remaining contacts of an account are ranked by buying-role priority
/// (@priority, from <see cref="Audience.BuyingRolePriority"/>), then name: beyond the campaign's cap is
/// <c>OverCap</c>; within it, beyond what the account may still receive (@account_limit less its Regular invitations of
/// other campaigns in the same window) is <c>AccountLimit</c>. Follow-up invitations count towards neither rule.
/// </para>
/// </summary>
internal static class SurveyAudienceSql
{
    /// <summary>
    /// CTEs ending in <c>audience(account_id, account_name, contact_id, contact_name, email, buying_role, reason)</c>;
    /// <c>reason</c> is null for a contact to invite. Bind <see cref="Parameters"/>.
    /// </summary>
    public const string AudienceCte = """
        filters AS (
            SELECT cardinality(@tiers) + cardinality(@segments) + cardinality(@industries) + cardinality(@regions) AS account_filters
        ),
        candidates AS (
            SELECT a.id AS account_id, a.name AS account_name, a.status = 'Active' AS active,
                   c.id AS contact_id, c.name AS contact_name, nullif(btrim(c.email), '') AS email, c.buying_role,
                   c.survey_unsubscribed_at IS NOT NULL AS unsubscribed
            FROM accounts a
            CROSS JOIN filters f
            JOIN contacts c ON c.account_id = a.id
            WHERE ((f.account_filters = 0 AND cardinality(@accounts) = 0)
                   OR (f.account_filters > 0
                       AND (cardinality(@tiers) = 0 OR a.tier = ANY(@tiers))
                       AND (cardinality(@segments) = 0 OR a.segment = ANY(@segments))
                       AND (cardinality(@industries) = 0 OR a.industry = ANY(@industries))
                       AND (cardinality(@regions) = 0 OR a.region = ANY(@regions)))
                   OR a.id = ANY(@accounts))
              AND (cardinality(@roles) = 0 OR c.buying_role = ANY(@roles))
        ),
        recent AS (
            SELECT DISTINCT i.contact_id
            FROM survey_invitations i
            WHERE i.kind = 'Regular' AND i.created_at > @now - make_interval(days => @fatigue_days)
              AND (@campaign::uuid IS NULL OR i.campaign_id <> @campaign)
              AND i.contact_id IN (SELECT contact_id FROM candidates)
        ),
        account_load AS (
            SELECT i.account_id, count(*)::int AS invitations
            FROM survey_invitations i
            WHERE i.kind = 'Regular' AND i.created_at > @now - make_interval(days => @fatigue_days)
              AND (@campaign::uuid IS NULL OR i.campaign_id <> @campaign)
              AND i.account_id IN (SELECT account_id FROM candidates)
            GROUP BY i.account_id
        ),
        checked AS (
            SELECT k.*,
                   CASE WHEN NOT k.active THEN 'InactiveAccount'
                        WHEN k.email IS NULL THEN 'NoEmail'
                        WHEN k.unsubscribed THEN 'Unsubscribed'
                        WHEN r.contact_id IS NOT NULL THEN 'RecentlyInvited' END AS early_reason
            FROM candidates k
            LEFT JOIN recent r ON r.contact_id = k.contact_id
        ),
        ranked AS (
            SELECT c.*,
                   row_number() OVER (PARTITION BY c.account_id, c.early_reason IS NULL
                                      ORDER BY array_position(@priority, c.buying_role::text), c.contact_name, c.contact_id) AS pick,
                   coalesce(l.invitations, 0) AS already
            FROM checked c
            LEFT JOIN account_load l ON l.account_id = c.account_id
        ),
        audience AS (
            SELECT r.account_id, r.account_name, r.contact_id, r.contact_name, r.email, r.buying_role,
                   coalesce(r.early_reason,
                            CASE WHEN r.pick > @cap THEN 'OverCap'
                                 WHEN r.pick > @account_limit - r.already THEN 'AccountLimit' END) AS reason
            FROM ranked r
        )
        """;

    /// <summary>The parameters of <see cref="AudienceCte"/>.</summary>
    public static object[] Parameters(Audience audience, int perAccountCap, SurveyCampaignId? campaign, DateTimeOffset now, int fatigueDays, int accountLimit)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return
        [
            Texts("tiers", audience.Tiers.Select(t => t.ToString())),
            Texts("segments", audience.Segments),
            Texts("industries", audience.Industries),
            Texts("regions", audience.Regions),
            new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = audience.AccountIds.Select(a => a.Value).ToArray() },
            Texts("roles", audience.BuyingRoles.Select(r => r.ToString())),
            Texts("priority", Audience.BuyingRolePriority.Select(r => r.ToString())),
            new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = perAccountCap },
            new NpgsqlParameter("campaign", NpgsqlDbType.Uuid) { Value = (object?)campaign?.Value ?? DBNull.Value },
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.ToUniversalTime() },
            new NpgsqlParameter("fatigue_days", NpgsqlDbType.Integer) { Value = fatigueDays },
            new NpgsqlParameter("account_limit", NpgsqlDbType.Integer) { Value = accountLimit },
        ];
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    /// <summary>
    /// Opening, first step: the audience of <c>@campaign</c> computed once into a temporary table
    /// <c>opening_audience</c> (dropped at commit), which the next two statements read.
    /// </summary>
    public const string AudienceTableStatement = $"""
        DROP TABLE IF EXISTS opening_audience;
        CREATE TEMP TABLE opening_audience ON COMMIT DROP AS
        WITH {AudienceCte}
        SELECT x.account_id, x.contact_id, x.email, x.buying_role, x.reason FROM audience x
        """;

    /// <summary>Opening: every contact of the audience not invited, as a skip with its reason; returns how many.</summary>
    public const string SkipsStatement = """
        WITH sk AS (
            INSERT INTO survey_skips (campaign_id, account_id, contact_id, reason, created_at)
            SELECT @campaign, x.account_id, x.contact_id, x.reason, @now
            FROM opening_audience x WHERE x.reason IS NOT NULL
            RETURNING 1)
        SELECT count(*)::int AS "Value" FROM sk
        """;

    /// <summary>
    /// Opening: the contacts to invite. Each becomes an invitation issued by the domain
    /// (<c>SurveyInvitation.Issue</c>: its id, random nonce and token hash) and is copied in with
    /// <see cref="InvitationsCopy"/>.
    /// </summary>
    public const string InviteesStatement = """
        SELECT x.account_id, x.contact_id, x.email, x.buying_role
        FROM opening_audience x WHERE x.reason IS NULL
        """;

    /// <summary>The binary COPY of new invitations: the columns an issued invitation sets, in this order.</summary>
    public const string InvitationsCopy = """
        COPY survey_invitations (id, campaign_id, account_id, contact_id, email, language, buying_role, token_nonce, token_hash,
                                 status, channel, kind, attempts, created_at) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// Openings are serialised (a transaction-scoped advisory lock) so that two campaigns opening at the same moment
    /// both see each other's invitations for the fatigue rules.
    /// </summary>
    public const string SerializeOpenings = "SELECT pg_advisory_xact_lock(7130013)";

    /// <summary>The preview's counts: per reason (null: invited), contacts and distinct accounts.</summary>
    public const string CountsStatement = $"""
        WITH {AudienceCte}
        SELECT x.reason, count(*)::int AS contacts, count(DISTINCT x.account_id)::int AS accounts
        FROM audience x
        GROUP BY x.reason
        """;

    /// <summary>The preview's sample: the first invited contacts by account name, then the order they are picked in.</summary>
    public const string SampleStatement = $"""
        WITH {AudienceCte}
        SELECT x.account_id, x.account_name, x.contact_id, x.contact_name, x.buying_role
        FROM audience x
        WHERE x.reason IS NULL
        ORDER BY x.account_name, x.account_id, array_position(@priority, x.buying_role::text), x.contact_name, x.contact_id
        LIMIT @sample
        """;
}
