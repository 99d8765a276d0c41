using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using KeyAccount.Infrastructure.Outbox;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Tiering;

/// <summary>
/// The tiering run as SQL. It implements the domain's rules (<see cref="TierScoring"/>, <see cref="TierDecision"/>)
/// with the same definitions — percent_rank, the neutral 50, hysteresis, overrides, the cap with its tie-break — and
/// an integration test checks that both agree on the same data.
/// </summary>
internal sealed class TieringEngine(AppDbContext db) : ITieringEngine
{
    /// <summary>Any number will do, as long as every replica uses the same one.</summary>
    internal const long RunLock = 0x6B61_7469_6572;

    private static string Rank(string tier) => $"(CASE {tier} WHEN 'Strategic' THEN 0 WHEN 'Key' THEN 1 WHEN 'Growth' THEN 2 ELSE 3 END)";

    private static readonly string ScoreSql = $"""
        CREATE TEMP TABLE tiering_scores ON COMMIT DROP AS
        WITH active AS (
            SELECT a.id, a.registration_number, a.tier AS current_tier, a.strategic_fit,
                   a.potential_revenue_amount AS potential, a.first_contract_date,
                   CASE WHEN a.tier_override_expires_on > @run_date THEN a.tier_override_tier END AS pinned,
                   CASE WHEN EXISTS (SELECT 1 FROM tier_assignments t WHERE t.account_id = a.id) THEN a.tier END AS previous_tier
            FROM accounts a
            WHERE a.status = 'Active'
        ),
        rev AS (
            SELECT r.account_id,
                   sum(r.revenue) FILTER (WHERE r.month >= @ttm_start) AS ttm,
                   sum(r.revenue) FILTER (WHERE r.month < @ttm_start) AS prev,
                   sum(r.gross_profit) FILTER (WHERE r.month >= @ttm_start) AS gp
            FROM revenue_records r
            WHERE r.month >= @prev_start AND r.month < @this_month
            GROUP BY r.account_id
        ),
        facts AS (
            SELECT a.*, coalesce(r.ttm, 0) AS ttm,
                   CASE WHEN coalesce(r.prev, 0) > 0 THEN (coalesce(r.ttm, 0) - r.prev) / r.prev END AS growth,
                   CASE WHEN coalesce(r.ttm, 0) > 0 THEN r.gp / r.ttm END AS margin,
                   CASE WHEN a.first_contract_date < @run_date THEN (@run_date - a.first_contract_date) / 365.25 ELSE 0 END AS years,
                   s.nps
            FROM active a
            LEFT JOIN rev r ON r.account_id = a.id
            LEFT JOIN account_satisfaction s ON s.account_id = a.id
        ),
        norm AS (
            SELECT f.*,
                   round((percent_rank() OVER (ORDER BY ttm) * 100)::numeric, 4) AS n_revenue,
                   CASE WHEN growth IS NULL THEN 50 ELSE round((percent_rank() OVER (PARTITION BY growth IS NULL ORDER BY growth) * 100)::numeric, 4) END AS n_growth,
                   CASE WHEN margin IS NULL THEN 50 ELSE round((percent_rank() OVER (PARTITION BY margin IS NULL ORDER BY margin) * 100)::numeric, 4) END AS n_margin,
                   CASE WHEN strategic_fit IS NULL THEN 50 ELSE (strategic_fit - 1) * 25 END::numeric AS n_fit,
                   CASE WHEN potential IS NULL THEN 50 ELSE round((percent_rank() OVER (PARTITION BY potential IS NULL ORDER BY potential) * 100)::numeric, 4) END AS n_potential,
                   round((percent_rank() OVER (ORDER BY years) * 100)::numeric, 4) AS n_years,
                   CASE WHEN nps IS NULL THEN 50 ELSE (nps + 100) / 2.0 END::numeric AS n_satisfaction
            FROM facts f
        ),
        -- Materialised: the score is used by every rule below; inlined, PostgreSQL would recompute it for each use.
        scored AS MATERIALIZED (
            SELECT n.*, round(
                     round(@w_revenue * n_revenue / 100.0, 4) + round(@w_growth * n_growth / 100.0, 4)
                   + round(@w_margin * n_margin / 100.0, 4) + round(@w_fit * n_fit / 100.0, 4)
                   + round(@w_potential * n_potential / 100.0, 4) + round(@w_years * n_years / 100.0, 4)
                   + round(@w_satisfaction * n_satisfaction / 100.0, 4), 2) AS score
            FROM norm n
        ),
        proposed AS (
            SELECT s.*, coalesce(pinned, CASE
                     WHEN previous_tier IS NULL OR {Rank("plain")} <= {Rank("previous_tier")} THEN plain
                     WHEN score < (CASE previous_tier WHEN 'Strategic' THEN @c_strategic WHEN 'Key' THEN @c_key WHEN 'Growth' THEN @c_growth ELSE 0 END) - @margin THEN plain
                     ELSE previous_tier END) AS proposed
            FROM (SELECT s.*, CASE WHEN score >= @c_strategic THEN 'Strategic' WHEN score >= @c_key THEN 'Key'
                                   WHEN score >= @c_growth THEN 'Growth' ELSE 'Standard' END AS plain
                  FROM scored s) s
        ),
        capped AS (
            SELECT p.*, CASE
                     WHEN @cap >= 0 AND pinned IS NULL AND proposed = 'Strategic'
                      AND row_number() OVER (PARTITION BY (pinned IS NULL AND proposed = 'Strategic') ORDER BY score DESC, registration_number)
                          > greatest(@cap - count(*) FILTER (WHERE pinned = 'Strategic') OVER (), 0)
                     THEN 'Key' ELSE proposed END AS new_tier
            FROM proposed p
        )
        SELECT id AS account_id, current_tier, previous_tier, new_tier, score,
               CASE WHEN pinned IS NOT NULL THEN 'Override'
                    WHEN previous_tier IS NULL THEN 'Initial'
                    WHEN {Rank("new_tier")} < {Rank("previous_tier")} THEN 'Promoted'
                    WHEN {Rank("new_tier")} > {Rank("previous_tier")} THEN 'Demoted'
                    ELSE 'Unchanged' END AS reason,
               n_revenue, n_growth, n_margin, n_fit, n_potential, n_years, n_satisfaction
        FROM capped
        """;

    public async Task<TieringOutcome> RunAsync(TierPolicy policy, TieringRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(run);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ScoreAsync(policy, run.RunDate, cancellationToken).ConfigureAwait(false);
        var (counts, changed) = await CountAsync(cancellationToken).ConfigureAwait(false);
        run.Complete(counts, changed, DateTimeOffset.UtcNow);
        db.TieringRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var now = new NpgsqlParameter("now", DateTimeOffset.UtcNow);
        var runId = new NpgsqlParameter("run_id", run.Id.Value);
        var today = new NpgsqlParameter("today", run.RunDate);
        await Execute("""
            INSERT INTO tier_assignments (run_id, account_id, score, previous_tier, new_tier, reason, n_trailing_revenue, n_revenue_growth,
                                          n_gross_margin, n_strategic_fit, n_potential_value, n_relationship_length, n_satisfaction)
            SELECT @run_id, account_id, score, previous_tier, new_tier, reason, n_revenue, n_growth, n_margin, n_fit, n_potential, n_years, n_satisfaction
            FROM tiering_scores
            """, cancellationToken, runId).ConfigureAwait(false);
        await Execute("""
            UPDATE accounts a SET tier = s.new_tier, updated_at = greatest(@now, a.updated_at + interval '1 microsecond')
            FROM tiering_scores s WHERE a.id = s.account_id AND a.tier <> s.new_tier
            """, cancellationToken, now).ConfigureAwait(false);
        // account.tier_changed through the outbox's one writer, like every other event (its shape is the event's record).
        var occurred = (DateTimeOffset)now.Value!;
        var changes = await db.Database.SqlQueryRaw<MoveRow>(
            """
            SELECT s.account_id, '' AS name, s.current_tier, s.new_tier, s.score, s.reason
            FROM tiering_scores s WHERE s.current_tier <> s.new_tier
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        await OutboxWriter.WriteAsync(
            db,
            [.. changes.Select(c => new AccountTierChanged(new AccountId(c.AccountId), Enum.Parse<Tier>(c.CurrentTier), Enum.Parse<Tier>(c.NewTier), c.Score, Enum.Parse<TierChangeReason>(c.Reason), run.Id, occurred))],
            cancellationToken).ConfigureAwait(false);
        await Execute("""
            INSERT INTO reminders (user_id, account_id, kind, subject_id, due_date, message, created_at)
            SELECT a.owner_id, a.id, 'TierChanged', a.id, @today,
                   a.name || ': ' || s.current_tier || ' → ' || s.new_tier || ' (score ' || s.score || ')', @now
            FROM tiering_scores s JOIN accounts a ON a.id = s.account_id
            WHERE s.current_tier <> s.new_tier
            ON CONFLICT DO NOTHING
            """, cancellationToken, today, Clone(now)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TieringOutcome(counts, changed, []);
    }

    public async Task<TieringOutcome> SimulateAsync(TierPolicy policy, DateOnly runDate, int maxMoves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ScoreAsync(policy, runDate, cancellationToken).ConfigureAwait(false);
        var (counts, changed) = await CountAsync(cancellationToken).ConfigureAwait(false);
        var moves = await db.Database.SqlQueryRaw<MoveRow>(
            """
            SELECT s.account_id, a.name, s.current_tier, s.new_tier, s.score, s.reason
            FROM tiering_scores s JOIN accounts a ON a.id = s.account_id
            WHERE s.current_tier <> s.new_tier
            ORDER BY s.score DESC, a.registration_number
            LIMIT @max
            """,
            new NpgsqlParameter("max", maxMoves)).ToListAsync(cancellationToken).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return new TieringOutcome(counts, changed, [.. moves.Select(m => new TierMove(new AccountId(m.AccountId), m.Name, Enum.Parse<Tier>(m.CurrentTier), Enum.Parse<Tier>(m.NewTier), m.Score, Enum.Parse<TierChangeReason>(m.Reason)))]);
    }

    private async Task ScoreAsync(TierPolicy policy, DateOnly runDate, CancellationToken cancellationToken)
    {
        // One large statement over every account: JIT compilation costs more than it saves here, and the window
        // sorts and the revenue aggregate need more than the default 4 MB to stay in memory (deploy/bench.sh tiering).
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off; SET LOCAL work_mem = '128MB'", cancellationToken).ConfigureAwait(false);
        var locked = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(@key) AS \"Value\"", new NpgsqlParameter("key", RunLock))
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        if (!locked)
        {
            throw new ConflictException(ProblemCodes.TieringRunInProgress, "A tiering run or simulation is in progress; try again when it has finished.");
        }

        var thisMonth = new DateOnly(runDate.Year, runDate.Month, 1);
        int W(Criterion c) => policy.Criteria.FirstOrDefault(x => x.Criterion == c)?.Weight ?? 0;
        await Execute(
            ScoreSql,
            cancellationToken,
            new NpgsqlParameter("run_date", runDate),
            new NpgsqlParameter("this_month", thisMonth),
            new NpgsqlParameter("ttm_start", thisMonth.AddMonths(-12)),
            new NpgsqlParameter("prev_start", thisMonth.AddMonths(-24)),
            new NpgsqlParameter("w_revenue", W(Criterion.TrailingRevenue)),
            new NpgsqlParameter("w_growth", W(Criterion.RevenueGrowth)),
            new NpgsqlParameter("w_margin", W(Criterion.GrossMargin)),
            new NpgsqlParameter("w_fit", W(Criterion.StrategicFit)),
            new NpgsqlParameter("w_potential", W(Criterion.PotentialValue)),
            new NpgsqlParameter("w_years", W(Criterion.RelationshipLength)),
            new NpgsqlParameter("w_satisfaction", W(Criterion.Satisfaction)),
            new NpgsqlParameter("c_strategic", policy.Cutoffs.Strategic),
            new NpgsqlParameter("c_key", policy.Cutoffs.Key),
            new NpgsqlParameter("c_growth", policy.Cutoffs.Growth),
            new NpgsqlParameter("margin", policy.HysteresisMargin),
            new NpgsqlParameter("cap", policy.StrategicCap ?? -1)).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyDictionary<Tier, int> Counts, int Changed)> CountAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<CountRow>(
            "SELECT new_tier AS tier, count(*)::int AS count, count(*) FILTER (WHERE current_tier <> new_tier)::int AS changed FROM tiering_scores GROUP BY new_tier")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = Enum.GetValues<Tier>().ToDictionary(t => t, t => rows.FirstOrDefault(r => r.Tier == t.ToString())?.Count ?? 0);
        return (counts, rows.Sum(r => r.Changed));
    }

    private Task<int> Execute(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters.Cast<object>(), cancellationToken);

    private static NpgsqlParameter Clone(NpgsqlParameter p) => p.Clone();

    // Column names follow the context's snake_case convention, ad-hoc result types included.
    private sealed record CountRow(string Tier, int Count, int Changed);

    private sealed record MoveRow(Guid AccountId, string Name, string CurrentTier, string NewTier, decimal Score, string Reason);

}
