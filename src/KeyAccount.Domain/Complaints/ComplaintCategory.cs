namespace KeyAccount.Domain.Complaints;

public enum ComplaintCategory
{
    ProductQuality,
    Delivery,
    Billing,
    Service,
    Other,
}
