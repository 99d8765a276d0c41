using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("closed-complaint-takes-no-comments")]
public sealed class ClosedComplaintTakesNoComments(ComplaintStatus status) : IBusinessRule
{
    public bool IsBroken() => status == ComplaintStatus.Closed;

    public string Message => "A closed complaint takes no comments; reopen it first.";
}
