using KeyAccount.Domain.Accounts;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// How survey figures are counted, set-based: responses by their stored NPS group, the buying-role weights of each
/// group summed (the weighted NPS), Rating answers by their stored group. Only counts and sums: the scores, rounding
/// and margins are <c>SurveyScores</c>'s. Shared by the results, the account's satisfaction and its refresh.
/// </summary>
internal static class SurveyResultsSql
{
    /// <summary><c>weights(role, weight)</c>: the configured weight of each buying role (bind <see cref="WeightParameters"/>).</summary>
    public const string WeightsCte = "weights AS (SELECT * FROM unnest(@role_names::text[], @role_weights::numeric[]) AS x(role, weight))";

    /// <summary>
    /// The counts over responses <c>r</c> (nullable: a left join from invitations) joined to <c>weights w</c> on the
    /// buying role and to rating counts <c>g(ratings, satisfied)</c> per response. <paramref name="invited"/>: the
    /// expression counting invitations.
    /// </summary>
    public static string CountColumns(string invited) => $"""
        {invited} AS invited,
        count(r.id)::int AS responded,
        (count(*) FILTER (WHERE r.nps_group = 'Promoter'))::int AS promoters,
        (count(*) FILTER (WHERE r.nps_group = 'Passive'))::int AS passives,
        (count(*) FILTER (WHERE r.nps_group = 'Detractor'))::int AS detractors,
        coalesce(sum(w.weight) FILTER (WHERE r.nps_group = 'Promoter'), 0)::numeric AS promoter_weight,
        coalesce(sum(w.weight) FILTER (WHERE r.nps_group = 'Passive'), 0)::numeric AS passive_weight,
        coalesce(sum(w.weight) FILTER (WHERE r.nps_group = 'Detractor'), 0)::numeric AS detractor_weight,
        coalesce(sum(g.ratings), 0)::int AS ratings,
        coalesce(sum(g.satisfied), 0)::int AS satisfied
        """;

    /// <summary>A response's Rating answers and the satisfied ones, read by the answers' primary key (response_id, …).</summary>
    public const string RatingsOfResponse = """
        LEFT JOIN LATERAL (
            SELECT count(*) AS ratings, count(*) FILTER (WHERE sa.rating_group = 'Satisfied') AS satisfied
            FROM survey_answers sa
            WHERE sa.response_id = r.id AND sa.rating_group IS NOT NULL) g ON true
        """;

    /// <summary><c>ratings(response_id, ratings, satisfied)</c> of every response of @campaign: one pass over its answers.</summary>
    public const string CampaignRatingsCte = """
        ratings AS (
            SELECT sa.response_id, count(*) AS ratings, count(*) FILTER (WHERE sa.rating_group = 'Satisfied') AS satisfied
            FROM survey_answers sa
            WHERE sa.campaign_id = @campaign AND sa.rating_group IS NOT NULL
            GROUP BY sa.response_id)
        """;

    public static NpgsqlParameter[] WeightParameters(IReadOnlyDictionary<BuyingRole, decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return
        [
            new NpgsqlParameter("role_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = weights.Keys.Select(k => k.ToString()).ToArray() },
            new NpgsqlParameter("role_weights", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = weights.Values.ToArray() },
        ];
    }
}

/// <summary>The ten count columns of <see cref="SurveyResultsSql.CountColumns"/>, as ad-hoc result types carry them.</summary>
internal interface ISurveyCountColumns
{
    int Invited { get; }

    int Responded { get; }

    int Promoters { get; }

    int Passives { get; }

    int Detractors { get; }

    decimal PromoterWeight { get; }

    decimal PassiveWeight { get; }

    decimal DetractorWeight { get; }

    int Ratings { get; }

    int Satisfied { get; }
}

internal static class SurveyCountColumnsExtensions
{
    public static Application.Common.Abstractions.SurveyGroupCounts ToCounts(this ISurveyCountColumns c) =>
        new(c.Invited, c.Responded, c.Promoters, c.Passives, c.Detractors, c.PromoterWeight, c.PassiveWeight, c.DetractorWeight, c.Ratings, c.Satisfied);
}
