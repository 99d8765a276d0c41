namespace KeyAccount.Domain.Common;

/// <summary>A strongly typed id wrapping a <see cref="Guid"/>; persistence and JSON convert all of them one way.</summary>
public interface ITypedId<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
