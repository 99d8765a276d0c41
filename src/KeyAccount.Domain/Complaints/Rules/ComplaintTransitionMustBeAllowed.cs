using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

/// <summary>A workflow step is taken only where <see cref="ComplaintWorkflow"/> allows it.</summary>
[RuleCode("complaint-transition-not-allowed")]
public sealed class ComplaintTransitionMustBeAllowed(ComplaintStatus from, ComplaintAction action) : IBusinessRule
{
    private readonly ComplaintStatus _to = ComplaintWorkflow.TargetOf(action);
    private readonly IReadOnlyList<ComplaintStatus> _allowedFrom = ComplaintWorkflow.AllowedFrom(action);

    public bool IsBroken() => !ComplaintWorkflow.Allows(from, action);

    public string Message => $"A complaint in status {from} does not allow {action} (→ {_to}); allowed from: {string.Join(", ", _allowedFrom)}.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?>
    {
        ["from"] = from.ToString(),
        ["to"] = _to.ToString(),
        ["action"] = action.ToString(),
        ["allowedFrom"] = _allowedFrom.Select(s => s.ToString()).ToArray(),
    };
}
