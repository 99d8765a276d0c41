using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

public readonly record struct ComplaintId(Guid Value) : ITypedId<ComplaintId>
{
    public static ComplaintId New() => new(Guid.CreateVersion7());

    public static ComplaintId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
