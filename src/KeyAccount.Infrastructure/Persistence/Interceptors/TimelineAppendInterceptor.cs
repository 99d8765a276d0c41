using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyAccount.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Inserts the timeline entries each tracked complaint recorded since it was loaded, inside the same SaveChanges. The
/// complaint never loads its timeline to append to it (an escalation scan of thousands of complaints would otherwise
/// read every entry of each): it numbers new entries from its stored last sequence, and the insert of an entry
/// numbered like one written meanwhile fails on the primary key (412), as the complaint's version check would. A
/// development plan's history lines are appended likewise.
/// </summary>
public sealed class TimelineAppendInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Append(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Append(eventData);
        return base.SavingChanges(eventData, result);
    }

    private static void Append(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } context)
        {
            return;
        }

        foreach (var complaint in context.ChangeTracker.Entries<Complaint>().Select(e => e.Entity).Where(c => c.NewTimelineEntries.Count > 0).ToList())
        {
            context.Set<ComplaintTimelineEntry>().AddRange(complaint.NewTimelineEntries);
            complaint.ClearNewTimelineEntries();
        }

        // A development plan's history the same way: its steps append lines in the plan's own save (a stale plan
        // fails that save, so nothing of a refused step is written).
        foreach (var plan in context.ChangeTracker.Entries<DevelopmentPlan>().Select(e => e.Entity).Where(p => p.NewHistory.Count > 0).ToList())
        {
            context.Set<PlanHistoryEntry>().AddRange(plan.NewHistory);
            plan.ClearNewHistory();
        }
    }
}
