namespace KeyAccount.Domain.Common;

/// <summary>
/// The event catalogue: every event type of the domain with its declared public name and version, in name order. The
/// OpenAPI document's <c>webhooks</c>, <c>GET /api/v1/webhooks/event-types</c> and the check of what an endpoint may
/// subscribe to all read this one list.
/// </summary>
public static class PublicEvents
{
    public static IReadOnlyList<(Type Type, PublicEventAttribute Declared)> All { get; } =
        [.. typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IDomainEvent).IsAssignableFrom(t))
            .Select(t => (t, PublicEventAttribute.Of(t)))
            .OrderBy(e => e.Item2.Name, StringComparer.Ordinal).ThenBy(e => e.Item2.Version)];

    /// <summary>The public names an endpoint can subscribe to.</summary>
    public static IReadOnlySet<string> Names { get; } = All.Select(e => e.Declared.Name).ToHashSet(StringComparer.Ordinal);
}
