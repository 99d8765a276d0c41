using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Interactions.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Reminders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Interactions.CompleteNextStep;

/// <summary>Marks an interaction's next step done (idempotent: a second call answers the same interaction).</summary>
public sealed record CompleteNextStepCommand(AccountId AccountId, InteractionId InteractionId) : ICommand<InteractionDto>;

/// <summary>
/// Loads the interaction of a visible account, lets the domain mark its next step done and dismisses the step's open
/// reminders (whoever they were for), in one save. A step already done changes nothing.
/// </summary>
public sealed class CompleteNextStepHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompleteNextStepCommand, InteractionDto>
{
    public async ValueTask<InteractionDto> Handle(CompleteNextStepCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await db.EnsureAccountVisibleAsync(command.AccountId, user, cancellationToken).ConfigureAwait(false);
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == command.InteractionId && i.AccountId == command.AccountId, cancellationToken).ConfigureAwait(false)
            ?? throw new Domain.Common.EntityNotFoundException("Interaction", command.InteractionId.Value);
        var me = user.UserId ?? throw new ForbiddenException("Only a signed-in user can mark a next step done.");
        var now = clock.GetUtcNow();
        if (interaction.CompleteNextStep(me, now))
        {
            var subject = interaction.Id.Value;
            var reminders = await db.Reminders.Where(r => r.Kind == ReminderKind.NextStepDue && r.SubjectId == subject && r.DismissedAt == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var reminder in reminders)
            {
                reminder.Dismiss(now);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return interaction.ToDto();
    }
}
