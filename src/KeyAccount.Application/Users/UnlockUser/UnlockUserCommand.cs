using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.UnlockUser;

/// <summary>Lifts a sign-in lockout before it runs out (If-Match).</summary>
public sealed record UnlockUserCommand(UserId Id, uint ExpectedVersion) : ICommand<UserDto>;

public sealed class UnlockUserHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UnlockUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UnlockUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.LoadUserAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        user.Unlock();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
