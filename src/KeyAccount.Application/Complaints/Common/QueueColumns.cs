namespace KeyAccount.Application.Complaints.Common;

/// <summary>
/// Names of the queue's stored generated columns (mapped as shadow properties by the persistence configuration):
/// whether the complaint's clocks have stopped (Resolved, Closed), and the due instant of the running clock.
/// </summary>
public static class QueueColumns
{
    public const string IsStopped = "IsStopped";

    public const string QueueDueAt = "QueueDueAt";
}
