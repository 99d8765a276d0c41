using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Health;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>Which active accounts a signals read covers.</summary>
/// <param name="Account">One account only.</param>
/// <param name="Owner">Only the accounts this manager owns.</param>
/// <param name="VisibleTo">
/// Object-level access: only the accounts this user may see as a restricted viewer (null: all). Set it through
/// <see cref="Security.AccountAccess.Scope"/>, which decides who is restricted; SQL reads the view that says what they see.
/// </param>
public sealed record AccountScope(AccountId? Account = null, UserId? Owner = null, UserId? VisibleTo = null);

/// <summary>
/// What the product knows about an account's relationship right now: the tier's contact cadence (from the published
/// policy's service programme), the last interaction, the latest NPS and complaints (through their seams), the
/// survey follow-ups still open (and how many are past their target), and revenue of the last two 12-month windows.
/// </summary>
public sealed record AccountSignalsRow(
    AccountId AccountId,
    string Name,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    int? ContactCadenceDays,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset CreatedAt,
    int? LatestNps,
    int? OpenComplaints,
    int? SlaBreaches,
    decimal TrailingRevenue,
    decimal PreviousTrailingRevenue,
    int OpenSurveyFollowUps = 0,
    int BreachedSurveyFollowUps = 0)
{
    public HealthFacts ToHealthFacts() =>
        new(ContactCadenceDays, LastInteractionAt, CreatedAt, LatestNps, OpenComplaints, SlaBreaches, TrailingRevenue, PreviousTrailingRevenue, OpenSurveyFollowUps, BreachedSurveyFollowUps);
}

/// <summary>An account past its tier's contact cadence.</summary>
public sealed record OverdueContactRow(
    AccountId AccountId,
    string Name,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    int ContactCadenceDays,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset OverdueSince);

/// <summary>Set-based reads of account signals (one statement whatever the number of accounts).</summary>
public interface IAccountSignals
{
    Task<IReadOnlyList<AccountSignalsRow>> ReadAsync(AccountScope scope, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Accounts overdue for contact, longest overdue first, one page, with the total.</summary>
    Task<(IReadOnlyList<OverdueContactRow> Rows, int Total)> ReadOverdueAsync(AccountScope scope, DateTimeOffset now, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>Portfolio aggregates, computed in SQL.</summary>
public interface IPortfolioReader
{
    Task<PortfolioFigures> ReadAsync(AccountScope scope, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>Per-tier totals, the Pareto curve (≤ 100 points) and the 3×3 value matrix.</summary>
public sealed record PortfolioFigures(
    IReadOnlyList<PortfolioTierRow> Tiers,
    IReadOnlyList<ParetoPointRow> Pareto,
    IReadOnlyList<ValueMatrixCellRow> Matrix);

public sealed record PortfolioTierRow(Tier Tier, int Accounts, decimal Revenue);

/// <summary>The top <paramref name="Rank"/> accounts by trailing revenue hold <paramref name="CumulativeRevenue"/>.</summary>
public sealed record ParetoPointRow(int Rank, decimal CumulativeRevenue);

/// <summary>Value bands are the percentile-rank thirds of trailing revenue and of potential value; potential is null when not estimated.</summary>
public sealed record ValueMatrixCellRow(ValueBand Current, ValueBand? Potential, int Accounts, decimal Revenue);

/// <summary>Thirds of a percentile rank: Low &lt; 33⅓ ≤ Medium &lt; 66⅔ ≤ High.</summary>
public enum ValueBand
{
    Low,
    Medium,
    High,
}

/// <summary>SLA figures of one group, as computed in SQL.</summary>
public sealed record ComplaintFiguresRow(
    string Dimension,
    string Key,
    int Complaints,
    decimal? FirstResponseCompliance,
    decimal? ResolutionCompliance,
    int FirstResponseBreaches,
    int ResolutionBreaches,
    int AtRisk,
    int Breached,
    decimal? MedianFirstResponseHours,
    decimal? P90FirstResponseHours,
    decimal? MedianResolutionHours,
    decimal? P90ResolutionHours);

public sealed record RootCauseCountRow(Domain.Complaints.RootCause RootCause, int Complaints);

public sealed record RecurringRootCauseRow(AccountId AccountId, string AccountName, Domain.Complaints.RootCause RootCause, int Complaints, DateTimeOffset LastReceivedAt);

public sealed record ComplaintMetricsRows(IReadOnlyList<ComplaintFiguresRow> Figures, IReadOnlyList<RootCauseCountRow> RootCauses, IReadOnlyList<RecurringRootCauseRow> Recurring);

/// <summary>Complaint metrics, aggregated in SQL (one GROUPING SETS pass for all groups).</summary>
public interface IComplaintMetricsReader
{
    Task<ComplaintMetricsRows> ReadAsync(AccountScope scope, DateTimeOffset since, DateTimeOffset until, TimeSpan recurringWindow, int recurringThreshold, CancellationToken cancellationToken);
}

/// <summary>An account's health as the health job stored it.</summary>
public sealed record StoredHealthRow(
    AccountId AccountId,
    string Name,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    int Score,
    HealthBand Band,
    IReadOnlyList<HealthWarning> Warnings,
    DateTimeOffset ComputedAt);

/// <summary>
/// Account health computed by its one home (<see cref="AccountHealth.Assess"/>) for every active account and stored,
/// so that lists of accounts at risk read it instead of assessing every account in scope on each request.
/// </summary>
public interface IAccountHealthStore
{
    /// <summary>Replaces the stored health of every active account (one transaction; readers see the old or the new set).</summary>
    Task<int> ReplaceAllAsync(IReadOnlyList<(AccountId Account, AccountHealth Health)> assessed, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Active accounts in scope whose stored band is <paramref name="band"/> (or not Green), of one <paramref name="tier"/> when given, worst first, one page, with the total.</summary>
    Task<(IReadOnlyList<StoredHealthRow> Rows, int Total)> ReadAtRiskAsync(AccountScope scope, HealthBand? band, Tier? tier, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Active accounts in scope per tier and stored band (only the non-empty pairs), and when the stored health was last computed.</summary>
    Task<StoredHealthCounts> CountByTierAsync(AccountScope scope, CancellationToken cancellationToken);
}

/// <summary>Active accounts of one tier in one stored health band.</summary>
public sealed record HealthCountRow(Tier Tier, HealthBand Band, int Accounts);

/// <summary>The stored health counted per tier and band, and the latest computation among them (null when none is stored).</summary>
public sealed record StoredHealthCounts(IReadOnlyList<HealthCountRow> Cells, DateTimeOffset? ComputedAt);
