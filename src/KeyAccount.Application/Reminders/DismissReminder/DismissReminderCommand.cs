using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Reminders.DismissReminder;

/// <summary>Dismisses one of the caller's reminders.</summary>
public sealed record DismissReminderCommand(Guid Id) : ICommand;

public sealed class DismissReminderHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DismissReminderCommand>
{
    public async ValueTask<Unit> Handle(DismissReminderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new ForbiddenException("Reminders are a signed-in user's; an API client has none.");
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.Id == command.Id && r.UserId == me, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Reminder", command.Id);
        reminder.Dismiss(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
