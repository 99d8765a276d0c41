using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.DevelopmentPlans;

namespace KeyAccount.Application.DevelopmentPlans.Common;

/// <summary>Measuring one plan at its save, as the nightly refresh measures them all.</summary>
public static class PlanMetrics
{
    /// <summary>
    /// Gives each metric-bound objective of <paramref name="plan"/> its account's figure now (one statement, only when the
    /// plan has such an objective), so a measure bound to a metric shows its actual as soon as it is saved instead of
    /// after the next refresh.
    /// </summary>
    public static async Task MeasureAsync(this IAccountMetrics metrics, DevelopmentPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Objectives.Any(o => o.Measure.IsComputed))
        {
            return;
        }

        var rows = await metrics.ReadAsync([plan.AccountId], now, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 1)
        {
            plan.ApplyMetrics(rows[0].Figures, now);
        }
    }
}
