using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.EscalateComplaints;

/// <summary>One escalation scan at <paramref name="Now"/>; returns the number of steps taken (escalations and automatic closures).</summary>
public sealed record EscalateComplaintsCommand(DateTimeOffset Now) : ICommand<int>, Application.Common.Behaviors.IManagesOwnTransactions;

/// <summary>
/// Reads only the complaints with a step due (the partial index on next_escalation_at), lets each take the steps due
/// on each of its clocks (each once), and notifies: AtRisk → the assignee (quality managers while unassigned),
/// level 1 → quality managers and the assignee, level 2 → directors. The scan is also what moves the stored SLA
/// state with time: it reaches a complaint at the instants its aggregate scheduled (80 %, 100 %, 200 % of a target).
/// Batches, each saved with its notices in one transaction; a complaint is loaded without its timeline (the steps'
/// entries are appended), so a catch-up after a stop of the job costs little per complaint.
/// </summary>
public sealed class EscalateComplaintsHandler(IAppDbContext db, IReminderWriter reminders) : ICommandHandler<EscalateComplaintsCommand, int>
{
    private const int Batch = 500;

    private static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(7);

    public async ValueTask<int> Handle(EscalateComplaintsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = command.Now;
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive && (u.Role == Role.QualityManager || u.Role == Role.Director))
            .Select(u => new { u.Id, u.Role }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var qualityManagers = staff.Where(s => s.Role == Role.QualityManager).Select(s => s.Id).ToList();
        var directors = staff.Where(s => s.Role == Role.Director).Select(s => s.Id).ToList();
        var steps = await CloseResolvedAsync(now, cancellationToken).ConfigureAwait(false);
        for (var round = 0; round < 1000; round++)
        {
            // Each batch starts with an empty unit of work: the complaints of the batches before are saved.
            db.ClearTracked();
            var due = await db.Complaints.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now)
                .OrderBy(c => c.NextEscalationAt).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return steps;
            }

            var notices = new List<ReminderNotice>();
            foreach (var complaint in due)
            {
                foreach (var step in complaint.Escalate(now))
                {
                    steps++;
                    IEnumerable<UserId> to = step.Kind switch
                    {
                        EscalationKind.AtRisk => complaint.AssigneeId is { } a ? [a] : qualityManagers,
                        EscalationKind.Level1 => complaint.AssigneeId is { } a ? [.. qualityManagers, a] : qualityManagers,
                        _ => directors,
                    };
                    var kind = step.Kind == EscalationKind.AtRisk ? ReminderKind.ComplaintAtRisk : ReminderKind.ComplaintEscalated;
                    var args = new ReminderArgs { ComplaintReference = complaint.Reference, ComplaintSubject = complaint.Subject, Clock = step.Clock, Level = step.Level };
                    var message = $"{complaint.Reference} {complaint.Subject}: {ComplaintTexts.Escalation(step.Clock, step.Level)}";
                    notices.AddRange(to.Distinct().Select(u => new ReminderNotice(u, complaint.AccountId, kind, complaint.Id.Value, args, message)));
                }
            }

            await db.InTransactionAsync(
                async ct =>
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    return await reminders.NotifyAsync(notices, now, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            if (due.Count < Batch)
            {
                return steps;
            }
        }

        return steps;
    }

    /// <summary>Design §1.5: a resolved complaint closes automatically 7 days after its resolution.</summary>
    private async Task<int> CloseResolvedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - AutoCloseAfter;
        var resolved = await db.Complaints.Where(c => c.Status == ComplaintStatus.Resolved && c.ResolvedAt <= cutoff)
            .OrderBy(c => c.ResolvedAt).Take(Batch * 2).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var complaint in resolved)
        {
            complaint.Close(null, null, now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return resolved.Count;
    }
}
