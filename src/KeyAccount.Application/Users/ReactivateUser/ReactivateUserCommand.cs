using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Users.ReactivateUser;

/// <summary>A deactivated user may sign in again with their password (If-Match); old tokens stay refused.</summary>
public sealed record ReactivateUserCommand(UserId Id, uint ExpectedVersion) : ICommand<UserDto>;

public sealed class ReactivateUserHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<ReactivateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(ReactivateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.LoadUserAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        user.Reactivate();

        // A former department head comes back as head only if nobody took over meanwhile (409 on isDepartmentHead).
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
