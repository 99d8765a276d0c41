namespace KeyAccount.Domain.Complaints;

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
