namespace KeyAccount.Domain.Complaints;

public enum Department
{
    Sales,
    Marketing,
    Service,
    Technical,
    Product,
    Quality,
    Logistics,
    Finance,
}
