using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.GetUser;

public sealed record GetUserQuery(UserId Id) : IQuery<UserDto>;

public sealed class GetUserHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await db.ReadUserAsync(query.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
