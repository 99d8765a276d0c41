using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.ApiClients;

/// <summary>An API client's id; on the wire it is also the OAuth <c>client_id</c>.</summary>
public readonly record struct ApiClientId(Guid Value) : ITypedId<ApiClientId>
{
    public static ApiClientId From(Guid value) => new(value);

    public static ApiClientId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Whether a client may get tokens now.</summary>
public enum ApiClientState
{
    Active,

    /// <summary>Its <see cref="ApiClient.ExpiresAt"/> has passed.</summary>
    Expired,

    /// <summary>An admin revoked it; that is final.</summary>
    Revoked,
}
