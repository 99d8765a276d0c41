using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.Common;

public static class ComplaintLoading
{
    /// <summary>The complaint, when it exists and the caller may see its account (404 otherwise: no existence leak).</summary>
    public static async Task<Complaint> LoadComplaintAsync(this IAppDbContext db, ComplaintId id, ICurrentUser user, uint? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (complaint is null || !await db.VisibleAccounts(user).AnyAsync(a => a.Id == complaint.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Complaint", id.Value);
        }

        if (expectedVersion is { } version)
        {
            db.ExpectVersion(complaint, version);
        }

        return complaint;
    }

    /// <summary>
    /// The initiative as a link for a complaint of <paramref name="account"/>: it must be an initiative of a development
    /// plan of that account (any of its plans and versions), else a 400 on <c>initiativeId</c>. A caller who may see the
    /// complaint may see its account, and so the account's plans.
    /// </summary>
    public static async Task<InitiativeLink> FindInitiativeLinkAsync(this IAppDbContext db, PlanInitiativeId initiative, AccountId account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.DevelopmentPlans.Where(p => p.AccountId == account && p.Initiatives.Any(i => i.Id == initiative))
            .Select(p => (DevelopmentPlanId?)p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return plan is { } id
            ? new InitiativeLink(initiative, id)
            : throw RequestValidationException.For("initiativeId", FieldErrorCodes.UnknownReference, "No initiative of a development plan of this complaint's account has this id.");
    }

    /// <summary>Who takes a workflow step: a signed-in user (the timeline records them).</summary>
    public static UserId StepTaker(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId ?? throw new ForbiddenException("Sign in to change a complaint.");
    }

    /// <summary>The one save of a workflow step, then the complaint as the client reads it (with its new version).</summary>
    public static async Task<ComplaintDto> SaveAndReadAsync(this IAppDbContext db, Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(complaint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The complaint as its DTO, with the account's name, its timeline (read apart: the aggregate never loads it) and the names of the people on it.</summary>
    public static async Task<ComplaintDto> ToDtoAsync(this IAppDbContext db, Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complaint);
        var accountName = await db.Accounts.Where(a => a.Id == complaint.AccountId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var timeline = await db.ComplaintTimeline.AsNoTracking().Where(e => e.ComplaintId == complaint.Id).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = timeline.SelectMany(e => new[] { e.By, e.Args.AssigneeId }).Append(complaint.AssigneeId).OfType<UserId>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        return ComplaintDto.From(complaint, accountName, timeline, names);
    }
}
