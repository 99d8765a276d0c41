using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeyAccount.Infrastructure.Surveys;

/// <summary>
/// The only writer of <c>account_satisfaction</c>: counts, in SQL, the stored groups of the account's responses in the
/// campaign (NPS groups, their summed role weights, Rating answers and satisfied ones), computes the figures with
/// <see cref="SurveyScores"/> and upserts them — only when that campaign is the account's latest (by the campaign's
/// <c>opened_at</c>) with an NPS answer, so an old campaign's late answer does not replace a newer measure. Call it after
/// the response is saved, in the same transaction; a per-account advisory lock makes two responses of one account
/// refresh one after the other, the second counting the first.
/// </summary>
internal sealed class SatisfactionRefresh(AppDbContext db, IOptions<SurveyOptions> options) : ISatisfactionRefresh
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('account_satisfaction:' || @account::text, 0))";

    private static readonly string CountSql = $"""
        WITH {SurveyResultsSql.WeightsCte}
        SELECT {SurveyResultsSql.CountColumns("0")},
               max(r.received_at) AS measured_at,
               (SELECT lr.campaign_id
                FROM survey_responses lr JOIN survey_campaigns lc ON lc.id = lr.campaign_id
                WHERE lr.account_id = @account AND lr.nps_group IS NOT NULL
                ORDER BY lc.opened_at DESC NULLS LAST, lc.id DESC
                LIMIT 1) AS latest_campaign_id
        FROM survey_responses r
        LEFT JOIN weights w ON w.role = r.buying_role
        WHERE r.campaign_id = @campaign AND r.account_id = @account
        """;

    private const string UpsertSql = """
        INSERT INTO account_satisfaction (account_id, campaign_id, nps, weighted_nps, respondents, csat, measured_at)
        VALUES (@account, @campaign, @nps, @weighted_nps, @respondents, @csat, @measured_at)
        ON CONFLICT (account_id) DO UPDATE
        SET campaign_id = excluded.campaign_id, nps = excluded.nps, weighted_nps = excluded.weighted_nps,
            respondents = excluded.respondents, csat = excluded.csat, measured_at = excluded.measured_at
        """;

    public async Task RefreshAsync(AccountId account, SurveyCampaignId campaign, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(LockSql, [new NpgsqlParameter("account", account.Value)], cancellationToken).ConfigureAwait(false);
        var rows = await db.Database.SqlQueryRaw<CountRow>(
            CountSql,
            [new NpgsqlParameter("account", account.Value), new NpgsqlParameter("campaign", campaign.Value), .. SurveyResultsSql.WeightParameters(options.Value.EffectiveRoleWeights())])
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var row = rows.Single();
        var counts = row.ToCounts();
        var nps = SurveyScores.Nps(counts.Promoters, counts.Passives, counts.Detractors);
        if (row.LatestCampaignId == campaign.Value && nps.Score is { } score && row.MeasuredAt is { } measuredAt)
        {
            await db.Database.ExecuteSqlRawAsync(
                UpsertSql,
                [
                    new NpgsqlParameter("account", account.Value),
                    new NpgsqlParameter("campaign", campaign.Value),
                    new NpgsqlParameter("nps", score),
                    new NpgsqlParameter("weighted_nps", (object?)SurveyScores.WeightedNps(counts.PromoterWeight, counts.PassiveWeight, counts.DetractorWeight) ?? DBNull.Value),
                    new NpgsqlParameter("respondents", nps.Respondents),
                    new NpgsqlParameter("csat", (object?)SurveyScores.Csat(counts.Satisfied, counts.Ratings) ?? DBNull.Value),
                    new NpgsqlParameter("measured_at", measuredAt),
                ],
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record CountRow(
        int Invited, int Responded, int Promoters, int Passives, int Detractors, decimal PromoterWeight, decimal PassiveWeight, decimal DetractorWeight,
        int Ratings, int Satisfied, DateTimeOffset? MeasuredAt, Guid? LatestCampaignId) : ISurveyCountColumns;
}
