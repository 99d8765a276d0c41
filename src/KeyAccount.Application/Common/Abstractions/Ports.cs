using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>Who is calling: a signed-in user (or, later, an API client with scopes).</summary>
public interface ICurrentUser
{
    UserId? UserId { get; }

    Role? Role { get; }

    string? CorrelationId { get; }
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
}
