using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
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
/// Batches, each saved with its notices in one transaction, set-based (<see cref="IComplaintBatchWriter"/>): a
/// complaint is loaded untracked and without its timeline, and the batch is written in a few statements, so a
/// catch-up of thousands of due complaints after a stop of the job takes seconds. A complaint someone changed while
/// the batch was in hand is not written, nor notified: its steps are taken by the next scan.
/// </summary>
public sealed class EscalateComplaintsHandler(IAppDbContext db, IComplaintBatchWriter writer, IReminderWriter reminders) : ICommandHandler<EscalateComplaintsCommand, int>
{
    private const int Batch = 500;

    private static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(7);

    public async ValueTask<int> Handle(EscalateComplaintsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = command.Now;
        var staff = await EscalationNotices.StaffAsync(db, cancellationToken).ConfigureAwait(false);
        var steps = await CloseResolvedAsync(now, cancellationToken).ConfigureAwait(false);
        for (var round = 0; round < 1000; round++)
        {
            var due = await db.Complaints.AsNoTracking().Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now)
                .OrderBy(c => c.NextEscalationAt).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                return steps;
            }

            var notices = new List<ReminderNotice>();
            var taken = new Dictionary<ComplaintId, int>();
            foreach (var complaint in due)
            {
                var escalated = complaint.Escalate(now);
                taken[complaint.Id] = escalated.Count;
                notices.AddRange(EscalationNotices.For(complaint, escalated, staff));
            }

            var written = await db.InTransactionAsync(
                async ct =>
                {
                    var saved = await writer.SaveAsync(due, ct).ConfigureAwait(false);
                    await reminders.NotifyAsync([.. notices.Where(n => saved.Contains(ComplaintId.From(n.SubjectId)))], now, ct).ConfigureAwait(false);
                    return saved;
                },
                cancellationToken).ConfigureAwait(false);
            steps += written.Sum(id => taken[id]);

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
        var resolved = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Resolved && c.ResolvedAt <= cutoff)
            .OrderBy(c => c.ResolvedAt).Take(Batch * 2).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var complaint in resolved)
        {
            complaint.Close(null, null, now);
        }

        var written = await db.InTransactionAsync(ct => writer.SaveAsync(resolved, ct), cancellationToken).ConfigureAwait(false);
        return written.Count;
    }
}
