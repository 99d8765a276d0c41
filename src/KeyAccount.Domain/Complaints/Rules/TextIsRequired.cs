using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("text-required")]
public sealed class TextIsRequired(string? text, string fieldName) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string Message => $"{fieldName} is required.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["field"] = fieldName };

    public string? Field => fieldName;
}
