using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Audit;

/// <summary>What was done to an audited record.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// Who made a change. A signed-in user today; a change with no caller (a background job, a start-up task, the demo
/// seeder) is the system's. API clients become a third kind (their id in <see cref="AuditEntry.ActorId"/>).
/// </summary>
public enum AuditActorKind
{
    System,
    User,

    /// <summary>A third-party system's API client (the id is its client id).</summary>
    ApiClient,
}

/// <summary>
/// One change of one audited record (who, when, which fields from what to what), written in the same transaction as
/// the change itself. Rows are only ever inserted; they outlive the record they describe (no foreign keys), so the
/// history of a deleted account can still be read.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        EntityType = string.Empty;
        Changes = "[]";
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The public name of the record's type (<c>account</c>, <c>contact</c>, …).</summary>
    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    /// <summary>The account the record belongs to (what an AccountManager's access is checked against); null for records of no account.</summary>
    public AccountId? AccountId { get; private set; }

    public AuditAction Action { get; private set; }

    public AuditActorKind ActorKind { get; private set; }

    /// <summary>The user (or, later, API client) who made the change; null for the system.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The request's correlation id, to find the other rows and the log lines of the same request.</summary>
    public string? CorrelationId { get; private set; }

    /// <summary>The changed fields as a JSON array of <c>{field, before, after}</c>, secrets already redacted.</summary>
    public string Changes { get; private set; }

    public static AuditEntry Record(
        DateTimeOffset occurredAt,
        string entityType,
        Guid entityId,
        AccountId? accountId,
        AuditAction action,
        AuditActorKind actorKind,
        Guid? actorId,
        string? correlationId,
        string changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(changes);
        return new AuditEntry
        {
            OccurredAt = occurredAt,
            EntityType = entityType,
            EntityId = entityId,
            AccountId = accountId,
            Action = action,
            ActorKind = actorKind,
            ActorId = actorId,
            CorrelationId = correlationId is { Length: > 100 } ? correlationId[..100] : correlationId,
            Changes = changes,
        };
    }
}
