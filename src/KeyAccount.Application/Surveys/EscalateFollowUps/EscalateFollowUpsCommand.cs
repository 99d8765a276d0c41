using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.EscalateFollowUps;

/// <summary>One escalation scan of the survey follow-ups at <paramref name="Now"/>; returns the number of steps taken.</summary>
public sealed record EscalateFollowUpsCommand(DateTimeOffset Now) : ICommand<int>, KeyAccount.Application.Common.Behaviors.IManagesOwnTransactions;

/// <summary>
/// The complaints' escalation, for follow-ups (design §1.4 "escalated the same way"): reads the open follow-ups with a
/// step due (the partial index on next_escalation_at), lets each take its steps (each once), and notifies: the 80 %
/// warning → the owner, level 1 (past its due time) → the owner and the owner's manager (the directors when the owner
/// has none), level 2 (twice the target) → the directors. Each batch is saved with its reminders in one transaction;
/// when someone closed one of a batch meanwhile, that batch is not written and the next scan (a minute later) takes it again.
/// </summary>
public sealed class EscalateFollowUpsHandler(IAppDbContext db, IReminderWriter reminders) : ICommandHandler<EscalateFollowUpsCommand, int>
{
    private const int Batch = 200;

    public async ValueTask<int> Handle(EscalateFollowUpsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = command.Now;
        var steps = 0;
        List<UserId>? directors = null; // read once per scan, when something is due
        for (var round = 0; round < 100; round++)
        {
            db.ClearTracked();
            var due = await db.SurveyFollowUps.Where(f => f.NextEscalationAt != null && f.NextEscalationAt <= now)
                .OrderBy(f => f.NextEscalationAt).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                break;
            }

            var owners = due.Select(f => f.OwnerId).Distinct().ToList();
            var managers = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
                .Select(u => new { u.Id, u.ManagerId }).ToDictionaryAsync(u => u.Id, u => u.ManagerId, cancellationToken).ConfigureAwait(false);
            directors ??= await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == Role.Director)
                .Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var contactIds = due.Select(f => f.ContactId).Distinct().ToList();
            var contacts = await db.Accounts.AsNoTracking().SelectMany(a => a.Contacts).Where(c => contactIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken).ConfigureAwait(false);

            var notices = new List<ReminderNotice>();
            var batchSteps = 0;
            foreach (var followUp in due)
            {
                var taken = followUp.Escalate(now);
                batchSteps += taken.Count;
                var contact = contacts.GetValueOrDefault(followUp.ContactId, "?");
                foreach (var step in taken)
                {
                    IEnumerable<UserId> to = step.Kind switch
                    {
                        EscalationKind.AtRisk => [followUp.OwnerId],
                        EscalationKind.Level1 => managers.GetValueOrDefault(followUp.OwnerId) is { } manager ? [followUp.OwnerId, manager] : [followUp.OwnerId, .. directors],
                        _ => directors,
                    };
                    var args = new ReminderArgs { ContactName = contact, Level = step.Level };
                    var message = step.Level switch
                    {
                        0 => $"Survey follow-up for {contact} is due soon.",
                        1 => $"Survey follow-up for {contact} is overdue.",
                        _ => $"Survey follow-up for {contact} is overdue by twice its target.",
                    };
                    notices.AddRange(to.Distinct().Select(u => new ReminderNotice(u, followUp.AccountId, ReminderKind.SurveyFollowUpDue, followUp.Id.Value, args, message)));
                }
            }

            try
            {
                await db.InTransactionAsync(
                    async ct =>
                    {
                        await db.SaveChangesAsync(ct).ConfigureAwait(false);
                        await reminders.NotifyAsync(notices, now, ct).ConfigureAwait(false);
                        return 0;
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone closed one of the batch meanwhile: nothing of the batch was written; the next scan retakes it.
                break;
            }

            steps += batchSteps;
            if (due.Count < Batch)
            {
                break;
            }
        }

        return steps;
    }
}
