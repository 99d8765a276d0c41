using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>Who is calling: a signed-in user, or an API client with scopes (which has no user and no role).</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user; null for an API client (a client acts as itself, never as a user).</summary>
    UserId? UserId { get; }

    /// <summary>The user's role; null for an API client (its scopes say what it may do, see <see cref="Can"/>).</summary>
    Role? Role { get; }

    /// <summary>The API client calling, or null for a user.</summary>
    Domain.ApiClients.ApiClientId? ClientId => null;

    /// <summary>For an API client bound to an account manager: that user, whose accounts it is limited to.</summary>
    UserId? AccountScopeUserId => null;

    string? CorrelationId { get; }

    /// <summary>Whether the caller holds <paramref name="permission"/> (through their role, or an API client's scopes).</summary>
    bool Can(string permission);
}

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Checks a password; <c>NeedsRehash</c> is true when the stored hash uses outdated parameters.</summary>
    (bool Valid, bool NeedsRehash) Verify(string hash, string password);
}

/// <summary>Issues the bearer tokens the SPA and scripts send.</summary>
public interface IAccessTokenIssuer
{
    (string Token, DateTimeOffset ExpiresAt) Issue(User user);

    /// <summary>A token for an API client (client credentials grant): its id, the granted scopes and its account scope; no user.</summary>
    (string Token, DateTimeOffset ExpiresAt) Issue(Domain.ApiClients.ApiClient client, IReadOnlyList<string> scopes);
}

/// <summary>A revenue row as the ERP sends it.</summary>
public sealed record RevenueRow(AccountId AccountId, DateOnly Month, decimal Revenue, decimal GrossProfit, int OrderCount, string Currency);

/// <summary>Set-based revenue writes (one statement for up to 10,000 rows), implemented in SQL by Infrastructure.</summary>
public interface IRevenueWriter
{
    /// <summary>Inserts or updates rows by (account, month) in one transaction; returns (inserted, updated).</summary>
    Task<(int Inserted, int Updated)> UpsertAsync(IReadOnlyList<RevenueRow> rows, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Writes the reminders the cadence job finds, set-based and idempotently.</summary>
public interface IReminderWriter
{
    Task<int> RecordDueRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records one reminder per notice, once (a notice with the same kind, subject and arguments already recorded today is skipped).</summary>
    Task<int> NotifyAsync(IReadOnlyList<ReminderNotice> notices, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Saves complaints a batch job loaded untracked and changed (escalation steps, automatic closes), set-based and in
/// the caller's transaction: their state, their new timeline entries and their events. A complaint changed by someone
/// else since it was loaded is not written (its version no longer matches): it is left for the next run.
/// </summary>
public interface IComplaintBatchWriter
{
    /// <summary>Writes the complaints; returns the ids of those written.</summary>
    Task<IReadOnlySet<Domain.Complaints.ComplaintId>> SaveAsync(IReadOnlyList<Domain.Complaints.Complaint> complaints, CancellationToken cancellationToken);
}

/// <summary>A notification for one user about something (a complaint, an account) on an account: its kind and arguments, and their English rendering.</summary>
public sealed record ReminderNotice(UserId UserId, AccountId AccountId, Domain.Reminders.ReminderKind Kind, Guid SubjectId, Domain.Reminders.ReminderArgs Args, string Message);

/// <summary>An account whose tier a run (or simulation) changes.</summary>
public sealed record TierMove(AccountId AccountId, string Name, Domain.Accounts.Tier CurrentTier, Domain.Accounts.Tier NewTier, decimal Score, Domain.Tiering.TierChangeReason Reason);

/// <summary>What a run or simulation produced: accounts per tier after it and before it, how many change tier, and (simulations) who moves.</summary>
public sealed record TieringOutcome(IReadOnlyDictionary<Domain.Accounts.Tier, int> Counts, int Changed, IReadOnlyList<TierMove> Moves)
{
    /// <summary>Accounts per tier before the run (the tiers the decided accounts had).</summary>
    public IReadOnlyDictionary<Domain.Accounts.Tier, int> Before { get; init; } = new Dictionary<Domain.Accounts.Tier, int>();
}

/// <summary>
/// Tiers every active account under a policy: the database gathers every account's facts in one set-based pass (no
/// query per account), the domain decides (<see cref="Domain.Tiering.TierDecision"/>). A run writes the run, every
/// assignment, the new tiers, the tier-changed events and the owners' notifications in one transaction; a simulation
/// decides the same way and writes nothing. Only one runs at a time (409 otherwise).
/// </summary>
public interface ITieringEngine
{
    Task<TieringOutcome> RunAsync(Domain.Tiering.TierPolicy policy, Domain.Tiering.TieringRun run, CancellationToken cancellationToken);

    Task<TieringOutcome> SimulateAsync(Domain.Tiering.TierPolicy policy, DateOnly runDate, int maxMoves, CancellationToken cancellationToken);
}

/// <summary>The response a create answered with, kept so that a retry with the same Idempotency-Key gets it again.</summary>
/// <param name="Status">HTTP status (2xx).</param>
/// <param name="ContentType">Content-Type of the body.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="Location">The Location header (the created resource), if any.</param>
/// <param name="ETag">The ETag header, if any.</param>
public sealed record StoredResponse(int Status, string? ContentType, string Body, string? Location, string? ETag);

/// <summary>What the store says about a key: this request may go ahead, or gets a stored answer, or is refused.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new (or expired): go ahead; complete it in the same transaction.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The key was used with a different request: 422.</summary>
    Mismatch,

    /// <summary>A request with this key is still running: 409.</summary>
    InFlight,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response = null);

/// <summary>
/// Idempotency keys of creates (IETF httpapi Idempotency-Key draft). A claim is made inside the request's transaction
/// and completed in it, so a key is answered exactly when its create committed; keys expire after a day.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(string scope, string key, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Which failures mean "the database could not be reached" (refused, reset, shut down, starting up, out of connection
/// slots) — as opposed to an answer from it (a constraint, a lock timeout, a bug). Such a failure changed nothing that
/// was not committed, so a unit of work that had not reached its commit may run again, and a request that still fails
/// is told 503 with a retry hint.
/// </summary>
public interface IDatabaseFaults
{
    bool IsUnavailable(Exception exception);
}
