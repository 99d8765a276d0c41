namespace KeyAccount.Domain.Complaints;

public enum ComplaintChannel
{
    Phone,
    Email,
    OnSite,
    Web,
    Api,
}
