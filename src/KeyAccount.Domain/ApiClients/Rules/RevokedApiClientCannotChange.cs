using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.ApiClients.Rules;

/// <summary>Revoking is final: a revoked client gets no new secret and no change (create a new client instead).</summary>
[RuleCode("api-client-revoked")]
public sealed class RevokedApiClientCannotChange(ApiClient client) : IBusinessRule
{
    public bool IsBroken() => client.RevokedAt is not null;

    public string Message => "The API client is revoked; create a new one.";

    public string? Field => null;
}
