using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Reminders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Reminders.ListMyReminders;

/// <summary>A reminder for the signed-in user.</summary>
/// <param name="Id">Reminder id.</param>
/// <param name="AccountId">The account concerned.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="Kind">OverdueContact, ContactBirthday or NextStepDue.</param>
/// <param name="SubjectId">The account, contact or interaction the reminder is about.</param>
/// <param name="DueDate">When it is (or was) due.</param>
/// <param name="Message" example="No interaction for 45 days; the tier expects one every 30 days.">What to do.</param>
/// <param name="CreatedAt">When the reminder job recorded it.</param>
public sealed record ReminderDto(Guid Id, AccountId AccountId, string AccountName, ReminderKind Kind, Guid SubjectId, DateOnly DueDate, string Message, DateTimeOffset CreatedAt);

/// <summary>The caller's open reminders, most urgent first (at most 200).</summary>
public sealed record ListMyRemindersQuery : IQuery<IReadOnlyList<ReminderDto>>;

public sealed class ListMyRemindersHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyRemindersQuery, IReadOnlyList<ReminderDto>>
{
    public async ValueTask<IReadOnlyList<ReminderDto>> Handle(ListMyRemindersQuery query, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new EntityNotFoundException("User", "me");
        return await db.Reminders.AsNoTracking()
            .Where(r => r.UserId == me && r.DismissedAt == null)
            .OrderBy(r => r.DueDate).ThenBy(r => r.CreatedAt)
            .Take(200)
            .Join(db.Accounts, r => r.AccountId, a => a.Id, (r, a) => new ReminderDto(r.Id, r.AccountId, a.Name, r.Kind, r.SubjectId, r.DueDate, r.Message, r.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Dismisses one of the caller's reminders.</summary>
public sealed record DismissReminderCommand(Guid Id) : ICommand;

public sealed class DismissReminderHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DismissReminderCommand>
{
    public async ValueTask<Unit> Handle(DismissReminderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new EntityNotFoundException("User", "me");
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.Id == command.Id && r.UserId == me, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Reminder", command.Id);
        reminder.Dismiss(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
