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

public interface IDomainEvent
{
    DateTimeOffset OccurredOn { get; }
}

/// <summary>A named business rule; broken rules surface as 409 (or 400 when tied to a field).</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }

    /// <summary>The request field the rule is about, when there is one (used to place the error on a form field).</summary>
    string? Field => null;
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
