using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Tiering;

/// <summary>
/// One account's result in one run — the tier history. Written set-based by the run; the breakdown is kept as the
/// normalised value of each criterion (× the run's policy weights gives each contribution).
/// </summary>
public sealed class TierAssignment
{
    private TierAssignment()
    {
    }

    public TieringRunId RunId { get; private set; }

    public AccountId AccountId { get; private set; }

    public decimal Score { get; private set; }

    public Tier? PreviousTier { get; private set; }

    public Tier NewTier { get; private set; }

    public TierChangeReason Reason { get; private set; }

    public decimal NTrailingRevenue { get; private set; }

    public decimal NRevenueGrowth { get; private set; }

    public decimal NGrossMargin { get; private set; }

    public decimal NStrategicFit { get; private set; }

    public decimal NPotentialValue { get; private set; }

    public decimal NRelationshipLength { get; private set; }

    public decimal NSatisfaction { get; private set; }

    public NormalisedCriteria Normalised() =>
        new(NTrailingRevenue, NRevenueGrowth, NGrossMargin, NStrategicFit, NPotentialValue, NRelationshipLength, NSatisfaction);
}
