using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Users;

namespace KeyAccount.Api.Infrastructure;

/// <summary>The caller, read from the validated bearer token's claims (sub, role).</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public UserId? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(AuthSetup.SubjectClaim)?.Value, out var id) ? new UserId(id) : null;

    public Role? Role =>
        Enum.TryParse<Role>(accessor.HttpContext?.User.FindFirst(AuthSetup.RoleClaim)?.Value, out var role) ? role : null;

    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;

    public bool Can(string permission) => accessor.HttpContext?.User is { } principal && AuthSetup.Grants(principal, permission);
}
