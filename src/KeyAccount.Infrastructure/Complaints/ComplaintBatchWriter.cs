using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Complaints;
using KeyAccount.Infrastructure.Outbox;
using KeyAccount.Infrastructure.Persistence;

namespace KeyAccount.Infrastructure.Complaints;

/// <summary>
/// The escalation scan's writes, set-based: one UPDATE of every loaded complaint guarded by its version, one INSERT of
/// their new timeline entries, one of their events (the one outbox writer), whatever the batch size. A catch-up of
/// thousands of due complaints after a stop of the job would otherwise go through EF's change tracker and one
/// statement per row, which costs several times the scan itself.
/// </summary>
internal sealed class ComplaintBatchWriter(AppDbContext db) : IComplaintBatchWriter
{
    public async Task<IReadOnlySet<ComplaintId>> SaveAsync(IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var written = (await SetBasedRows.UpdateWhereUnchangedAsync(db, complaints, cancellationToken).ConfigureAwait(false)).Select(ComplaintId.From).ToHashSet();
        var kept = complaints.Where(c => written.Contains(c.Id)).ToList();
        await SetBasedRows.InsertAsync(db, [.. kept.SelectMany(c => c.NewTimelineEntries)], cancellationToken).ConfigureAwait(false);
        await OutboxWriter.WriteAsync(db, [.. kept.SelectMany(c => c.DomainEvents)], cancellationToken).ConfigureAwait(false);
        foreach (var complaint in complaints)
        {
            complaint.ClearNewTimelineEntries();
            complaint.ClearDomainEvents();
        }

        return written;
    }
}
