namespace KeyAccount.Domain.Common;

/// <summary>Base of every aggregate: collects domain events and carries the concurrency version.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>Optimistic concurrency token (PostgreSQL <c>xmin</c>); exposed to clients as the ETag.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected static void CheckRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}

/// <summary>
/// Something that happened to an aggregate. Each event is a public contract (webhooks, the outbox): it declares its
/// name and version with <see cref="PublicEventAttribute"/>, and a change of its shape needs a new version.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredOn { get; }
}

/// <summary>
/// An event's public name (<c>noun.verb_past</c>, e.g. <c>account.tier_changed</c>) and version, declared once on
/// the event's type: never derived from the class name, so renaming code never renames the contract.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicEventAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    /// <summary>The declaration on an event type; an event without one is a programming error.</summary>
    public static PublicEventAttribute Of(Type eventType) =>
        GetCustomAttribute(eventType, typeof(PublicEventAttribute)) as PublicEventAttribute
        ?? throw new InvalidOperationException($"Event {eventType.Name} declares no [PublicEvent(name, version)].");
}

/// <summary>
/// A named business rule; a broken rule surfaces as a 409 problem (or the status its
/// <see cref="RuleCodeAttribute.Status">declaration</see> names, e.g. 410 for something gone for good) whose
/// <c>code</c> is the rule's <see cref="RuleCodeAttribute">declared code</see>, with <see cref="Args"/> so that clients can say it in their
/// own language. <see cref="Message"/> is the English fallback.
/// </summary>
public interface IBusinessRule
{
    bool IsBroken();

    /// <summary>English text, for logs and clients without a translation.</summary>
    string Message { get; }

    /// <summary>The rule's stable public code (kebab-case), declared with <see cref="RuleCodeAttribute"/> on the class.</summary>
    string Code => RuleCodeAttribute.Of(GetType());

    /// <summary>The figures the message is made of (a sum, a status, a limit), by name, for translated messages.</summary>
    IReadOnlyDictionary<string, object?> Args => RuleCodeAttribute.NoArgs;

    /// <summary>The request field the rule is about, when there is one (used to place the error on a form field).</summary>
    string? Field => null;
}

/// <summary>
/// Declares a business rule's public code: part of the API contract (problem <c>code</c> and <c>type</c>), so it is
/// written once, here, never derived from the class name; and, when a broken rule is not a conflict (409), the status
/// it answers with (<see cref="Status"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleCodeAttribute(string code) : Attribute
{
    /// <summary>What a broken rule answers unless its declaration says otherwise: a conflict with the current state.</summary>
    public const int Conflict = 409;

    /// <summary>The resource is gone for good (a closed survey, an expired invitation): retrying never helps.</summary>
    public const int Gone = 410;

    public static readonly IReadOnlyDictionary<string, object?> NoArgs = new Dictionary<string, object?>();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> Codes = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, int> Statuses = new();

    public string Code { get; } = code;

    /// <summary>The HTTP status a broken rule answers with: <see cref="Conflict"/> (409) unless declared (<see cref="Gone"/>).</summary>
    public int Status { get; set; } = Conflict;

    /// <summary>The declared status of a rule type (409 when the rule declares none).</summary>
    public static int StatusOf(Type ruleType) =>
        Statuses.GetOrAdd(ruleType, t => (GetCustomAttribute(t, typeof(RuleCodeAttribute)) as RuleCodeAttribute)?.Status ?? Conflict);

    /// <summary>The declared code of a rule type; a rule without one is a programming error.</summary>
    public static string Of(Type ruleType) =>
        Codes.GetOrAdd(ruleType, t => (GetCustomAttribute(t, typeof(RuleCodeAttribute)) as RuleCodeAttribute)?.Code
            ?? throw new InvalidOperationException($"Business rule {t.Name} declares no [RuleCode]."));
}

public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule?.Message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        RuleName = rule.GetType().Name;
    }

    public IBusinessRule Rule { get; }

    public string RuleName { get; }
}
