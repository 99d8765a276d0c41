using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Identity;

namespace KeyAccount.Api.Infrastructure;

/// <summary>The caller, read from the validated bearer token's claims (a user's sub and role, or an API client's client_id and account scope).</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public UserId? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(AuthSetup.SubjectClaim)?.Value, out var id) ? new UserId(id) : null;

    public Role? Role =>
        Enum.TryParse<Role>(accessor.HttpContext?.User.FindFirst(AuthSetup.RoleClaim)?.Value, out var role) ? role : null;

    public ApiClientId? ClientId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(ClientClaims.ClientId)?.Value, out var id) ? new ApiClientId(id) : null;

    public UserId? AccountScopeUserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(ClientClaims.AccountScopeUser)?.Value, out var id) ? new UserId(id) : null;

    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;

    public bool Can(string permission) => accessor.HttpContext?.User is { } principal && AuthSetup.Grants(principal, permission);
}
