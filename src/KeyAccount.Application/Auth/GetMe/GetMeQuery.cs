using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Auth.GetMe;

/// <summary>The signed-in user with what they may do.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email" example="director@demo.keyaccount.local">Email (sign-in name).</param>
/// <param name="DisplayName" example="Wang Fang">Name shown in the app.</param>
/// <param name="Role">Platform role.</param>
/// <param name="Permissions" example="[&quot;accounts:read&quot;, &quot;accounts:write&quot;, &quot;tiering:manage&quot;]">Permissions granted by the role, e.g. accounts:read.</param>
/// <param name="Language" example="zh-CN">The language of the user's emails (zh-CN or en), set by an Admin.</param>
public sealed record MeDto(UserId Id, string Email, string DisplayName, Role Role, IReadOnlyList<string> Permissions, string Language)
{
    public static MeDto From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new MeDto(user.Id, user.Email, user.DisplayName, user.Role, KeyAccount.Application.Common.Security.Permissions.For(user.Role), user.Language);
    }
}

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed class GetMeHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        // "Me" is a person: an API client has no user, role or navigation, so this is not for it (403, not a 404 that
        // would read as "your user was deleted").
        if (currentUser.ClientId is not null)
        {
            throw new ForbiddenException("GET /me describes a signed-in user; an API client has none.");
        }

        var id = currentUser.UserId ?? throw new EntityNotFoundException("User", "me");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("User", id.Value);
        return MeDto.From(user);
    }
}
