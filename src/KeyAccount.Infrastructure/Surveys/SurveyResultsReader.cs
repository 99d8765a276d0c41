using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// Survey results in SQL: counts of the stored groups (<see cref="SurveyResultsSql"/>), means and distributions of the
/// answers, breakdowns by tier and segment in one GROUPING SETS pass, and the revenue coverage over the shared trailing
/// revenue (<see cref="TrailingRevenueSql"/>), within the accounts of a scope (<see cref="AccountScopeSql"/>). Scores,
/// margins and percentages are left to <see cref="SurveyScores"/>.
/// </summary>
internal sealed class SurveyResultsReader(AppDbContext db, IOptions<SurveyOptions> options) : ISurveyResultsReader
{
    /// <summary>Rows of <paramref name="alias"/> (with an <c>account_id</c>) of the accounts in scope; nothing when the scope is everyone.</summary>
    private static string InScope(string alias, string filter) =>
        filter == "true" ? string.Empty : $"AND {alias}.account_id IN (SELECT a.id FROM accounts a WHERE {filter})";

    private static readonly AccountScopeSql.Scoped GroupsSql = AccountScopeSql.Statement(filter => $"""
        WITH {SurveyResultsSql.WeightsCte}
        SELECT CASE WHEN grouping(a.tier) = 0 THEN 'tier' WHEN grouping(a.segment) = 0 THEN 'segment' ELSE 'all' END AS dimension,
               CASE WHEN grouping(a.tier) = 0 THEN a.tier WHEN grouping(a.segment) = 0 THEN coalesce(a.segment, 'Unassigned') ELSE 'all' END AS key,
               {SurveyResultsSql.CountColumns("count(*)::int")}
        FROM survey_invitations i
        JOIN accounts a ON a.id = i.account_id
        LEFT JOIN survey_responses r ON r.invitation_id = i.id
        LEFT JOIN weights w ON w.role = r.buying_role
        WHERE i.campaign_id = @campaign AND {filter}
        GROUP BY GROUPING SETS ((), (a.tier), (a.segment))
        """);

    // The dashboard's NPS/CSAT trend: the same stored groups and counts (SurveyResultsSql), per month of the business's
    // calendar instead of per campaign; the scores are made from them by SurveyScores, as for a campaign.
    private static readonly AccountScopeSql.Scoped MonthlySql = AccountScopeSql.Statement(filter => $"""
        WITH {SurveyResultsSql.WeightsCte}
        SELECT date_trunc('month', (r.received_at AT TIME ZONE 'UTC') + @offset)::date AS month,
               {SurveyResultsSql.CountColumns("count(r.id)::int")}
        FROM survey_responses r
        LEFT JOIN weights w ON w.role = r.buying_role
        WHERE r.received_at >= @since {InScope("r", filter)}
        GROUP BY 1
        ORDER BY 1
        """);

    // One pass over the campaign's answers, counting each distinct answer (question, number, chosen keys) with its
    // text answers; then, over those few rows, per question (the total set) its answers, mean and texts, and per question
    // and value (a number as text, or each chosen key) the distribution. A multiple choice counts as one answer (its
    // first key's row) and once per chosen key in the distribution.
    private static readonly AccountScopeSql.Scoped QuestionsSql = AccountScopeSql.Statement(filter => $"""
        WITH answers AS (
            SELECT s.question_id, s.number, s.choices, count(*) AS n,
                   count(*) FILTER (WHERE s.text IS NOT NULL AND s.text <> '') AS texts
            FROM survey_answers s
            WHERE s.campaign_id = @campaign {InScope("s", filter)}
            GROUP BY s.question_id, s.number, s.choices
        )
        SELECT p.question_id, coalesce(p.number::text, c.choice) AS value,
               grouping(coalesce(p.number::text, c.choice))::int AS is_total,
               coalesce(sum(p.n) FILTER (WHERE c.ord IS NULL OR c.ord = 1), 0)::int AS answered,
               sum(p.n)::int AS chosen,
               (sum(p.number * p.n) / nullif(sum(p.n) FILTER (WHERE p.number IS NOT NULL), 0))::numeric AS mean,
               sum(p.texts)::int AS text_answers
        FROM answers p
        LEFT JOIN LATERAL unnest(p.choices) WITH ORDINALITY AS c(choice, ord) ON true
        GROUP BY GROUPING SETS ((p.question_id), (p.question_id, coalesce(p.number::text, c.choice)))
        """);

    private static string InvitedAccounts(string filter) => $"""
        invited AS (
            SELECT i.account_id, bool_or(r.id IS NOT NULL) AS responded
            FROM survey_invitations i
            LEFT JOIN survey_responses r ON r.invitation_id = i.id
            WHERE i.campaign_id = @campaign {InScope("i", filter)}
            GROUP BY i.account_id)
        """;

    private static readonly AccountScopeSql.Scoped RevenueSql = AccountScopeSql.Statement(filter => $"""
        WITH {InvitedAccounts(filter)}, {TrailingRevenueSql.Cte("SELECT account_id FROM invited", previousYear: false)}
        SELECT coalesce(sum(rev.ttm) FILTER (WHERE v.responded), 0)::numeric AS responding_revenue,
               coalesce(sum(rev.ttm), 0)::numeric AS invited_revenue
        FROM invited v LEFT JOIN rev ON rev.account_id = v.account_id
        """);

    // The campaign's predecessors (recurrence), nearest first, each counted within the scope.
    private static readonly AccountScopeSql.Scoped PredecessorsSql = AccountScopeSql.Statement(filter => $"""
        WITH RECURSIVE chain AS (
            SELECT c.previous_campaign_id AS id, 1 AS depth FROM survey_campaigns c
            WHERE c.id = @campaign AND c.previous_campaign_id IS NOT NULL
            UNION ALL
            SELECT c.previous_campaign_id, ch.depth + 1 FROM chain ch JOIN survey_campaigns c ON c.id = ch.id
            WHERE c.previous_campaign_id IS NOT NULL AND ch.depth < @max_predecessors
        ), {SurveyResultsSql.WeightsCte}
        SELECT c.id AS campaign_id, c.name, c.opened_at, c.closed_at, k.*
        FROM chain ch
        JOIN survey_campaigns c ON c.id = ch.id
        CROSS JOIN LATERAL (
            SELECT {SurveyResultsSql.CountColumns("count(*)::int")}
            FROM survey_invitations i
            LEFT JOIN survey_responses r ON r.invitation_id = i.id
            LEFT JOIN weights w ON w.role = r.buying_role
            WHERE i.campaign_id = c.id {InScope("i", filter)}) k
        ORDER BY ch.depth DESC
        """);

    private static readonly AccountScopeSql.Scoped AccountsSql = AccountScopeSql.Statement(filter => $"""
        WITH {SurveyResultsSql.WeightsCte},
        counted AS (
            SELECT i.account_id, {SurveyResultsSql.CountColumns("count(*)::int")}
            FROM survey_invitations i
            LEFT JOIN survey_responses r ON r.invitation_id = i.id
            LEFT JOIN weights w ON w.role = r.buying_role
            WHERE i.campaign_id = @campaign {InScope("i", filter)}
            GROUP BY i.account_id
        ), {TrailingRevenueSql.Cte("SELECT account_id FROM counted", previousYear: false)}
        SELECT k.*, a.name, a.tier, coalesce(rev.ttm, 0)::numeric AS revenue, count(*) OVER ()::int AS total
        FROM counted k
        JOIN accounts a ON a.id = k.account_id
        LEFT JOIN rev ON rev.account_id = k.account_id
        ORDER BY coalesce(rev.ttm, 0) DESC, a.name, a.id
        OFFSET @skip LIMIT @take
        """);

    private static string TextAnswers(string question, string filter) => $"""
        SELECT s.response_id, s.account_id, a.name AS account_name, coalesce(ct.name, '') AS contact_name, r.buying_role, s.text, r.received_at,
               count(*) OVER ()::int AS total
        FROM survey_answers s
        JOIN survey_responses r ON r.id = s.response_id
        JOIN accounts a ON a.id = s.account_id
        LEFT JOIN contacts ct ON ct.id = r.contact_id
        WHERE s.campaign_id = @campaign AND s.text IS NOT NULL AND s.text <> '' {question} AND {filter}
        ORDER BY r.received_at DESC, s.response_id, s.question_id
        OFFSET @skip LIMIT @take
        """;

    private static readonly AccountScopeSql.Scoped TextAnswersSql = AccountScopeSql.Statement(filter => TextAnswers(string.Empty, filter));

    private static readonly AccountScopeSql.Scoped TextAnswersOfQuestionSql = AccountScopeSql.Statement(filter => TextAnswers("AND s.question_id = @question", filter));

    private static string CountTextAnswers(string question, string filter) => $"""
        SELECT count(*)::int AS "Value" FROM survey_answers s JOIN accounts a ON a.id = s.account_id
        WHERE s.campaign_id = @campaign AND s.text IS NOT NULL AND s.text <> '' {question} AND {filter}
        """;

    private static readonly AccountScopeSql.Scoped CountTextAnswersSql = AccountScopeSql.Statement(filter => CountTextAnswers(string.Empty, filter));

    private static readonly AccountScopeSql.Scoped CountTextAnswersOfQuestionSql = AccountScopeSql.Statement(filter => CountTextAnswers("AND s.question_id = @question", filter));

    private static readonly AccountScopeSql.Scoped CountAccountsSql = AccountScopeSql.Statement(filter =>
        $"SELECT count(DISTINCT i.account_id)::int AS \"Value\" FROM survey_invitations i WHERE i.campaign_id = @campaign {InScope("i", filter)}");

    private const string StoredSatisfactionSql = """
        SELECT s.campaign_id, c.name AS campaign_name, s.nps, s.weighted_nps, s.respondents, s.csat, s.measured_at
        FROM account_satisfaction s JOIN survey_campaigns c ON c.id = s.campaign_id
        WHERE s.account_id = @account
        """;

    private static readonly string AccountCampaignsSql = $"""
        WITH answered AS (
            SELECT c.id, c.name, c.opened_at, c.closed_at
            FROM survey_campaigns c
            WHERE c.id IN (SELECT ar.campaign_id FROM survey_responses ar WHERE ar.account_id = @account)
            ORDER BY c.opened_at DESC NULLS LAST, c.id DESC
            LIMIT @max
        ), {SurveyResultsSql.WeightsCte}
        SELECT x.id AS campaign_id, x.name, x.opened_at, x.closed_at, k.*
        FROM answered x
        CROSS JOIN LATERAL (
            SELECT {SurveyResultsSql.CountColumns("0")}
            FROM survey_responses r
            LEFT JOIN weights w ON w.role = r.buying_role
            WHERE r.campaign_id = x.id AND r.account_id = @account) k
        ORDER BY x.opened_at NULLS FIRST, x.id
        """;

    private const string OpenFollowUpsSql = "SELECT count(*)::int AS \"Value\" FROM survey_followups f WHERE f.account_id = @account AND f.status = 'Open'";

    private NpgsqlParameter[] Weights() => SurveyResultsSql.WeightParameters(options.Value.EffectiveRoleWeights());

    public async Task<SurveyResultsRows> ReadAsync(SurveyCampaignId campaign, AccountScope scope, DateOnly today, int maxTrend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        object[] Parameters(params NpgsqlParameter[] more) =>
            [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("campaign", campaign.Value), .. more];

        // One snapshot for every statement: the figures of one page agree with each other.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var groups = await db.Database.SqlQueryRaw<GroupRow>(GroupsSql.For(scope), Parameters(Weights())).ToListAsync(cancellationToken).ConfigureAwait(false);
        var questions = await db.Database.SqlQueryRaw<QuestionRow>(QuestionsSql.For(scope), Parameters()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var revenue = (await db.Database.SqlQueryRaw<RevenueRow>(RevenueSql.For(scope), Parameters(TrailingRevenueSql.Parameters(today))).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        var predecessors = maxTrend <= 1
            ? []
            : await db.Database.SqlQueryRaw<TrendRow>(PredecessorsSql.For(scope), Parameters([new NpgsqlParameter("max_predecessors", maxTrend - 1), .. Weights()])).ToListAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return new SurveyResultsRows(
            groups.FirstOrDefault(g => g.Dimension == "all")?.ToCounts() ?? SurveyGroupCounts.None,
            [.. groups.Where(g => g.Dimension != "all").Select(g => new SurveyBreakdownRow(g.Dimension, g.Key, g.ToCounts()))],
            [.. questions.Where(q => q.IsTotal == 1).Select(q => new SurveyQuestionRow(q.QuestionId, q.Answered, q.Mean, q.TextAnswers))],
            [.. questions.Where(q => q.IsTotal == 0 && q.Value is not null).Select(q => new SurveyDistributionRow(q.QuestionId, q.Value!, q.Chosen))],
            revenue.RespondingRevenue,
            revenue.InvitedRevenue,
            [.. predecessors.Select(p => new SurveyTrendRow(new SurveyCampaignId(p.CampaignId), p.Name, p.OpenedAt, p.ClosedAt, p.ToCounts()))]);
    }

    public async Task<(IReadOnlyList<SurveyAccountResultRow> Rows, int Total)> ReadAccountsAsync(SurveyCampaignId campaign, AccountScope scope, DateOnly today, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<AccountRow>(
            AccountsSql.For(scope),
            [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("campaign", campaign.Value), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take),
                .. Weights(), .. TrailingRevenueSql.Parameters(today)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = rows.Count > 0 ? rows[0].Total : skip == 0 ? 0 : await CountAccountsAsync(campaign, scope, cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new SurveyAccountResultRow(new AccountId(r.AccountId), r.Name, Enum.Parse<Tier>(r.Tier), r.Revenue, r.ToCounts()))], total);
    }

    private async Task<int> CountAccountsAsync(SurveyCampaignId campaign, AccountScope scope, CancellationToken cancellationToken)
    {
        var counts = await db.Database.SqlQueryRaw<int>(CountAccountsSql.For(scope), [.. AccountScopeSql.Parameters(scope), new NpgsqlParameter("campaign", campaign.Value)]).ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.Single();
    }

    public async Task<(IReadOnlyList<SurveyTextAnswerDto> Rows, int Total)> ReadTextAnswersAsync(SurveyCampaignId campaign, AccountScope scope, Guid? questionId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var statement = questionId is null ? TextAnswersSql : TextAnswersOfQuestionSql;
        object[] parameters =
        [
            .. AccountScopeSql.Parameters(scope), new NpgsqlParameter("campaign", campaign.Value), new NpgsqlParameter("skip", skip), new NpgsqlParameter("take", take),
            .. questionId is { } q ? [new NpgsqlParameter("question", NpgsqlDbType.Uuid) { Value = q }] : Array.Empty<NpgsqlParameter>(),
        ];
        var rows = await db.Database.SqlQueryRaw<TextRow>(statement.For(scope), parameters).ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        if (rows.Count == 0 && skip > 0)
        {
            // Past the end: the page says nothing of the total, so count.
            var count = questionId is null ? CountTextAnswersSql : CountTextAnswersOfQuestionSql;
            total = (await db.Database.SqlQueryRaw<int>(count.For(scope), [.. parameters.Cast<NpgsqlParameter>().Where(p => p.ParameterName is not ("skip" or "take")).Select(p => p.Clone())])
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        }

        return ([.. rows.Select(r => new SurveyTextAnswerDto(new SurveyResponseId(r.ResponseId), new AccountId(r.AccountId), r.AccountName, r.ContactName, Enum.Parse<BuyingRole>(r.BuyingRole), r.Text, r.ReceivedAt))], total);
    }

    public async Task<IReadOnlyList<SurveyMonthRow>> ReadMonthlyAsync(AccountScope scope, DateTimeOffset since, TimeSpan offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await db.Database.SqlQueryRaw<MonthRow>(
                MonthlySql.For(scope),
                [.. AccountScopeSql.Parameters(scope), .. Weights(), new NpgsqlParameter("since", since.ToUniversalTime()), new NpgsqlParameter("offset", offset)])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new SurveyMonthRow(r.Month, r.ToCounts()))];
    }

    public async Task<AccountSatisfactionRows> ReadAccountAsync(AccountId account, int maxTrend, CancellationToken cancellationToken)
    {
        NpgsqlParameter Account() => new("account", account.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var stored = await db.Database.SqlQueryRaw<StoredRow>(StoredSatisfactionSql, [Account()]).ToListAsync(cancellationToken).ConfigureAwait(false);
        var campaigns = await db.Database.SqlQueryRaw<TrendRow>(AccountCampaignsSql, [Account(), new NpgsqlParameter("max", maxTrend), .. Weights()]).ToListAsync(cancellationToken).ConfigureAwait(false);
        var open = await db.Database.SqlQueryRaw<int>(OpenFollowUpsSql, [Account()]).ToListAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var latest = stored.SingleOrDefault() is { } s
            ? new StoredSatisfactionRow(new SurveyCampaignId(s.CampaignId), s.CampaignName, s.Nps, s.WeightedNps, s.Respondents, s.Csat, s.MeasuredAt)
            : null;
        return new AccountSatisfactionRows(
            latest,
            [.. campaigns.Select(p => new SurveyTrendRow(new SurveyCampaignId(p.CampaignId), p.Name, p.OpenedAt, p.ClosedAt, p.ToCounts()))],
            open.Single());
    }

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record GroupRow(
        string Dimension, string Key, int Invited, int Responded, int Promoters, int Passives, int Detractors,
        decimal PromoterWeight, decimal PassiveWeight, decimal DetractorWeight, int Ratings, int Satisfied) : ISurveyCountColumns;

    private sealed record MonthRow(
        DateOnly Month, int Invited, int Responded, int Promoters, int Passives, int Detractors,
        decimal PromoterWeight, decimal PassiveWeight, decimal DetractorWeight, int Ratings, int Satisfied) : ISurveyCountColumns;

    private sealed record QuestionRow(Guid QuestionId, string? Value, int IsTotal, int Answered, int Chosen, decimal? Mean, int TextAnswers);

    private sealed record RevenueRow(decimal RespondingRevenue, decimal InvitedRevenue);

    private sealed record TrendRow(
        Guid CampaignId, string Name, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, int Invited, int Responded, int Promoters, int Passives, int Detractors,
        decimal PromoterWeight, decimal PassiveWeight, decimal DetractorWeight, int Ratings, int Satisfied) : ISurveyCountColumns;

    private sealed record AccountRow(
        Guid AccountId, string Name, string Tier, decimal Revenue, int Total, int Invited, int Responded, int Promoters, int Passives, int Detractors,
        decimal PromoterWeight, decimal PassiveWeight, decimal DetractorWeight, int Ratings, int Satisfied) : ISurveyCountColumns;

    private sealed record TextRow(Guid ResponseId, Guid AccountId, string AccountName, string ContactName, string BuyingRole, string Text, DateTimeOffset ReceivedAt, int Total);

    private sealed record StoredRow(Guid CampaignId, string CampaignName, int Nps, int? WeightedNps, int Respondents, int? Csat, DateTimeOffset MeasuredAt);
}
