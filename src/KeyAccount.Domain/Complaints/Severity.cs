namespace KeyAccount.Domain.Complaints;

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
