namespace KeyAccount.Domain.Complaints;

// Where each step may be taken, and where it leads, is ComplaintWorkflow's table.
/// <summary>The steps of the complaint workflow, one endpoint each.</summary>
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
