namespace KeyAccount.Domain.Complaints;

/// <summary>The steps of the complaint workflow, one endpoint each; <see cref="ComplaintWorkflow"/> says where each may be taken.</summary>
public enum ComplaintAction
{
    Acknowledge,
    Assign,
    AwaitCustomer,
    Resume,
    Resolve,
    Close,
    Reopen,
}
