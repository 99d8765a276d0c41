namespace KeyAccount.Domain.Common;

/// <summary>The thing asked for does not exist (or is not visible to the caller): 404.</summary>
public sealed class EntityNotFoundException(string entity, object key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;

    public object Key { get; } = key;
}
