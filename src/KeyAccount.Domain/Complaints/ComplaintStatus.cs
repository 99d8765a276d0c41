namespace KeyAccount.Domain.Complaints;

/// <summary>Where a complaint is in its workflow; <see cref="ComplaintWorkflow"/> says how it moves.</summary>
public enum ComplaintStatus
{
    New,
    Acknowledged,
    InProgress,
    AwaitingCustomer,
    Resolved,
    Closed,
    Reopened,
}
