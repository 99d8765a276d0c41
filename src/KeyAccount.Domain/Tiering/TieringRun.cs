using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tiering;

public readonly record struct TieringRunId(Guid Value) : ITypedId<TieringRunId>
{
    public static TieringRunId From(Guid value) => new(value);

    public static TieringRunId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public enum RunTrigger
{
    Manual,
    Scheduled,
}

/// <summary>
/// One pass of scoring over every active account under a published policy. Its per-account assignments
/// (score, breakdown, previous and new tier, reason) are the tier history; they are written set-based with it.
/// </summary>
public sealed class TieringRun
{
    private TieringRun()
    {
    }

    public TieringRunId Id { get; private set; }

    public TierPolicyId PolicyId { get; private set; }

    public int PolicyNumber { get; private set; }

    public RunTrigger Trigger { get; private set; }

    public UserId? StartedBy { get; private set; }

    /// <summary>The day the run scores for: trailing months end before it, and overrides expiring on it no longer apply.</summary>
    public DateOnly RunDate { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public int StrategicCount { get; private set; }

    public int KeyCount { get; private set; }

    public int GrowthCount { get; private set; }

    public int StandardCount { get; private set; }

    public int ChangedCount { get; private set; }

    public static TieringRun Start(TierPolicy policy, RunTrigger trigger, UserId? startedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Status != PolicyStatus.Published)
        {
            throw new BusinessRuleViolationException(new OnlyAPublishedPolicyCanRunRule());
        }

        return new TieringRun
        {
            Id = TieringRunId.New(),
            PolicyId = policy.Id,
            PolicyNumber = policy.Number,
            Trigger = trigger,
            StartedBy = startedBy,
            RunDate = DateOnly.FromDateTime(now.UtcDateTime),
            StartedAt = now,
        };
    }

    public void Complete(IReadOnlyDictionary<Tier, int> counts, int changed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(counts);
        StrategicCount = counts.GetValueOrDefault(Tier.Strategic);
        KeyCount = counts.GetValueOrDefault(Tier.Key);
        GrowthCount = counts.GetValueOrDefault(Tier.Growth);
        StandardCount = counts.GetValueOrDefault(Tier.Standard);
        ChangedCount = changed;
        CompletedAt = now;
    }
}

[RuleCode("policy-not-published")]
public sealed class OnlyAPublishedPolicyCanRunRule : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "Publish a policy before running it; drafts can be simulated.";
}
