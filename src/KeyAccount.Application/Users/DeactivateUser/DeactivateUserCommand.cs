using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Users.DeactivateUser;

/// <summary>The user may no longer sign in; their tokens are refused from their next request (If-Match).</summary>
public sealed record DeactivateUserCommand(UserId Id, uint ExpectedVersion) : ICommand<UserDto>;

public sealed class DeactivateUserHandler(IAppDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<DeactivateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(DeactivateUserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await db.LoadUserAsync(command.Id, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var by = caller.UserId ?? throw new EntityNotFoundException("User", "me");
        user.Deactivate(by, await db.OtherActiveAdminsAsync(user.Id, cancellationToken).ConfigureAwait(false));

        // A link sent before must not let a deactivated user back in.
        await db.SetPasswordTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadUserAsync(user.Id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
