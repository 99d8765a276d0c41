using Npgsql;

namespace KeyAccount.Bench.Host;

/// <summary>
/// The surveys benchmark's raw-SQL twin (deploy/bench/surveys.sh): a campaign's results as a director sees them,
/// written by hand — the counts by group with the weights inlined, the breakdowns by tier and segment, each question's
/// answers, mean and distribution, and the revenue coverage — with the arithmetic in SQL. Same pool, no auth, no
/// mediator, no EF. It reads what the application reads (each response's stored groups and rating counts; the answers
/// counted per distinct answer first, then unnested), so the ratio measures the application's own cost. Returns the
/// figures the benchmark compares with the application's.
/// </summary>
internal static partial class BenchEndpoints
{
    private const string RawGroupsSql = """
        SELECT CASE WHEN grouping(a.tier) = 0 THEN 'tier:' || a.tier WHEN grouping(a.segment) = 0 THEN 'segment:' || a.segment ELSE 'all' END,
               count(*)::int, count(r.id)::int,
               (count(*) FILTER (WHERE r.nps_group = 'Promoter'))::int, (count(*) FILTER (WHERE r.nps_group = 'Passive'))::int,
               (count(*) FILTER (WHERE r.nps_group = 'Detractor'))::int,
               round(100.0 * (count(*) FILTER (WHERE r.nps_group = 'Promoter') - count(*) FILTER (WHERE r.nps_group = 'Detractor'))
                     / nullif(count(r.nps_group), 0))::int,
               round(100.0 * (sum(CASE r.buying_role WHEN 'DecisionMaker' THEN 3 WHEN 'Champion' THEN 2 WHEN 'Influencer' THEN 2 ELSE 1 END) FILTER (WHERE r.nps_group = 'Promoter')
                            - coalesce(sum(CASE r.buying_role WHEN 'DecisionMaker' THEN 3 WHEN 'Champion' THEN 2 WHEN 'Influencer' THEN 2 ELSE 1 END) FILTER (WHERE r.nps_group = 'Detractor'), 0))
                     / nullif(sum(CASE r.buying_role WHEN 'DecisionMaker' THEN 3 WHEN 'Champion' THEN 2 WHEN 'Influencer' THEN 2 ELSE 1 END) FILTER (WHERE r.nps_group IS NOT NULL), 0))::int,
               round(100.0 * sum(r.satisfied_ratings) / nullif(sum(r.rating_answers), 0))::int
        FROM survey_invitations i
        JOIN accounts a ON a.id = i.account_id
        LEFT JOIN survey_responses r ON r.invitation_id = i.id
        WHERE i.campaign_id = $1
        GROUP BY GROUPING SETS ((), (a.tier), (a.segment))
        """;

    private const string RawQuestionsSql = """
        WITH p AS (
            SELECT s.question_id, s.number, s.choices, count(*) AS n FROM survey_answers s WHERE s.campaign_id = $1
            GROUP BY s.question_id, s.number, s.choices)
        SELECT p.question_id, coalesce(p.number::text, c.choice), grouping(coalesce(p.number::text, c.choice))::int,
               CASE WHEN grouping(coalesce(p.number::text, c.choice)) = 1 THEN sum(p.n) FILTER (WHERE c.ord IS NULL OR c.ord = 1) ELSE sum(p.n) END::int,
               round(sum(p.number * p.n) / nullif(sum(p.n) FILTER (WHERE p.number IS NOT NULL), 0), 2)
        FROM p
        LEFT JOIN LATERAL unnest(p.choices) WITH ORDINALITY AS c(choice, ord) ON true
        GROUP BY GROUPING SETS ((p.question_id), (p.question_id, coalesce(p.number::text, c.choice)))
        """;

    private const string RawRevenueSql = """
        WITH v AS (
            SELECT i.account_id, bool_or(r.id IS NOT NULL) AS responded
            FROM survey_invitations i LEFT JOIN survey_responses r ON r.invitation_id = i.id
            WHERE i.campaign_id = $1 GROUP BY i.account_id),
        rev AS (
            SELECT rr.account_id, sum(rr.revenue) AS ttm FROM revenue_records rr
            WHERE rr.month >= $2 AND rr.month < $3 AND rr.account_id IN (SELECT account_id FROM v) GROUP BY rr.account_id)
        SELECT coalesce(sum(rev.ttm) FILTER (WHERE v.responded), 0), coalesce(sum(rev.ttm), 0)
        FROM v LEFT JOIN rev ON rev.account_id = v.account_id
        """;

    private static void MapSurveys(RouteGroupBuilder raw) =>
        raw.MapGet("/survey-results/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            var groups = new Dictionary<string, object?>();
            await using (var command = dataSource.CreateCommand(RawGroupsSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    groups[reader.GetString(0)] = new
                    {
                        invited = reader.GetInt32(1),
                        responded = reader.GetInt32(2),
                        promoters = reader.GetInt32(3),
                        passives = reader.GetInt32(4),
                        detractors = reader.GetInt32(5),
                        nps = reader.IsDBNull(6) ? (int?)null : reader.GetInt32(6),
                        weightedNps = reader.IsDBNull(7) ? (int?)null : reader.GetInt32(7),
                        csat = reader.IsDBNull(8) ? (int?)null : reader.GetInt32(8),
                    };
                }
            }

            var questions = new List<object>();
            await using (var command = dataSource.CreateCommand(RawQuestionsSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    questions.Add(new
                    {
                        questionId = reader.GetGuid(0),
                        value = reader.IsDBNull(1) ? null : reader.GetString(1),
                        total = reader.GetInt32(2) == 1,
                        count = reader.GetInt32(3),
                        average = reader.IsDBNull(4) ? (decimal?)null : reader.GetDecimal(4),
                    });
                }
            }

            var today = DateTime.UtcNow;
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            decimal responding, invited;
            await using (var command = dataSource.CreateCommand(RawRevenueSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = thisMonth.AddMonths(-12) });
                command.Parameters.Add(new NpgsqlParameter { Value = thisMonth });
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                responding = reader.GetDecimal(0);
                invited = reader.GetDecimal(1);
            }

            return Results.Ok(new { groups, questions, respondingRevenue = responding, invitedRevenue = invited });
        });
}
