using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("complaint-reference-malformed")]
public sealed class ComplaintReferenceMustBeWellFormed(string? reference) : IBusinessRule
{
    public bool IsBroken() => reference is null || !Complaint.ReferencePattern().IsMatch(reference);

    public string Message => "A complaint reference reads CMP-<year>-<6 digits>.";
}
