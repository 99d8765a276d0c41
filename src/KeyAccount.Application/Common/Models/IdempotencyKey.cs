namespace KeyAccount.Application.Common.Models;

/// <summary>
/// A create request's Idempotency-Key and what it created (design §3): a replay with the same key from the same caller
/// returns the first result instead of creating a second resource.
/// </summary>
public sealed class IdempotencyKey
{
    private IdempotencyKey()
    {
    }

    public IdempotencyKey(string scope, string key, string resourceType, Guid resourceId, DateTimeOffset createdAt)
    {
        Scope = scope;
        Key = key;
        ResourceType = resourceType;
        ResourceId = resourceId;
        CreatedAt = createdAt;
    }

    /// <summary>Who sent it (user or API client) and which operation: keys of different callers never collide.</summary>
    public string Scope { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public string ResourceType { get; private set; } = string.Empty;

    public Guid ResourceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
