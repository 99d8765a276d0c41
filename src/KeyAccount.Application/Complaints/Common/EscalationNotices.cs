using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>The people an escalation step notifies, read once per scan (or per filing).</summary>
/// <param name="QualityManagers">Active quality managers.</param>
/// <param name="Directors">Active directors.</param>
/// <param name="DepartmentHeads">The active head of each department that has one.</param>
public sealed record EscalationStaff(IReadOnlyList<UserId> QualityManagers, IReadOnlyList<UserId> Directors, IReadOnlyDictionary<Department, UserId> DepartmentHeads)
{
    /// <summary>Level 1's recipients: the head of the responsible department, or the quality managers when there is none yet.</summary>
    public IReadOnlyList<UserId> LevelOne(Department? department) =>
        department is { } d && DepartmentHeads.TryGetValue(d, out var head) ? [head] : QualityManagers;
}

/// <summary>
/// Who hears of an escalation step, and what they read (design §1.5, §1.7): AtRisk → the assignee (the quality
/// managers while unassigned), level 1 → the active head of the complaint's responsible department (the quality
/// managers when the complaint has no department yet or the department no active head) and the assignee, level 2 →
/// the directors. The one home of
/// that rule, for the scan and for a complaint filed with steps already due (received days ago).
/// </summary>
public static class EscalationNotices
{
    public static async Task<EscalationStaff> StaffAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Role == Role.QualityManager || u.Role == Role.Director || (u.IsDepartmentHead && u.Department != null)))
            .Select(u => new { u.Id, u.Role, u.IsDepartmentHead, u.Department }).ToListAsync(cancellationToken).ConfigureAwait(false);

        // The partial unique index keeps one active head per department; ToDictionary would fail loudly otherwise.
        return new EscalationStaff(
            [.. staff.Where(s => s.Role == Role.QualityManager).Select(s => s.Id)],
            [.. staff.Where(s => s.Role == Role.Director).Select(s => s.Id)],
            staff.Where(s => s.IsDepartmentHead && s.Department is not null).ToDictionary(s => s.Department!.Value, s => s.Id));
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
                EscalationKind.Level1 => complaint.AssigneeId is { } a ? [.. staff.LevelOne(complaint.Department), a] : staff.LevelOne(complaint.Department),
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
