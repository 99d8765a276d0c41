using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>The people an escalation step notifies, read once per scan (or per filing).</summary>
public sealed record EscalationStaff(IReadOnlyList<UserId> QualityManagers, IReadOnlyList<UserId> Directors);

/// <summary>
/// Who hears of an escalation step, and what they read (design §1.5): AtRisk → the assignee (the quality managers
/// while unassigned), level 1 → the quality managers and the assignee, level 2 → the directors. The one home of
/// that rule, for the scan and for a complaint filed with steps already due (received days ago).
/// </summary>
public static class EscalationNotices
{
    public static async Task<EscalationStaff> StaffAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive && (u.Role == Role.QualityManager || u.Role == Role.Director))
            .Select(u => new { u.Id, u.Role }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new EscalationStaff(
            [.. staff.Where(s => s.Role == Role.QualityManager).Select(s => s.Id)],
            [.. staff.Where(s => s.Role == Role.Director).Select(s => s.Id)]);
    }

    public static IEnumerable<ReminderNotice> For(Complaint complaint, IReadOnlyList<EscalationStep> steps, EscalationStaff staff)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(staff);
        foreach (var step in steps)
        {
            IEnumerable<UserId> to = step.Kind switch
            {
                EscalationKind.AtRisk => complaint.AssigneeId is { } a ? [a] : staff.QualityManagers,
                EscalationKind.Level1 => complaint.AssigneeId is { } a ? [.. staff.QualityManagers, a] : staff.QualityManagers,
                _ => staff.Directors,
            };
            var kind = step.Kind == EscalationKind.AtRisk ? ReminderKind.ComplaintAtRisk : ReminderKind.ComplaintEscalated;
            var args = new ReminderArgs { ComplaintReference = complaint.Reference, ComplaintSubject = complaint.Subject, Clock = step.Clock, Level = step.Level };
            var message = $"{complaint.Reference} {complaint.Subject}: {ComplaintTexts.Escalation(step.Clock, step.Level)}";
            foreach (var user in to.Distinct())
            {
                yield return new ReminderNotice(user, complaint.AccountId, kind, complaint.Id.Value, args, message);
            }
        }
    }
}
