using KeyAccount.Domain.Accounts;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// How survey figures are counted, set-based: responses by their stored NPS group, the buying-role weights of each
/// group summed (the weighted NPS), Rating answers by the counts each response stored (<c>SurveyResponse</c>). Only
/// counts and sums: the scores, rounding and margins are <c>SurveyScores</c>'s. Shared by the results, the account's
/// satisfaction and its refresh.
/// </summary>
internal static class SurveyResultsSql
{
    /// <summary><c>weights(role, weight)</c>: the configured weight of each buying role (bind <see cref="WeightParameters"/>).</summary>
    public const string WeightsCte = "weights AS (SELECT * FROM unnest(@role_names::text[], @role_weights::numeric[]) AS x(role, weight))";

    /// <summary>
    /// The counts over responses <c>r</c> (nullable: a left join from invitations) joined to <c>weights w</c> on the
    /// buying role; the CSAT counts are each response's stored <c>rating_answers</c> and <c>satisfied_ratings</c>.
    /// <paramref name="invited"/>: the expression counting invitations.
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
        coalesce(sum(r.rating_answers), 0)::int AS ratings,
        coalesce(sum(r.satisfied_ratings), 0)::int AS satisfied
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
