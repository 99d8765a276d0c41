using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Users;

/// <summary>The six roles of the platform.</summary>
public enum Role
{
    Admin,
    Director,
    AccountManager,
    ServiceAgent,
    QualityManager,
    Marketing,
}

public readonly record struct UserId(Guid Value) : ITypedId<UserId>
{
    public static UserId From(Guid value) => new(value);

    public static UserId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
