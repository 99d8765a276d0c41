namespace KeyAccount.Domain.Complaints;

/// <summary>Why it went wrong, as found by the investigation.</summary>
public enum RootCause
{
    Design,
    Manufacturing,
    Supplier,
    Logistics,
    Communication,
    Process,
    HumanError,
    Documentation,
    Other,
}
