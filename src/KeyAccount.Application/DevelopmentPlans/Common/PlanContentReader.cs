using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.Common;

/// <summary>
/// Turns a request into the domain's <see cref="PlanContent"/>, checking what only the database knows: the plan's owner
/// is an active account manager or director, every initiative owner an active user, every stakeholder a contact of the
/// plan's account. Each refusal is a 400 on the field (<c>initiatives[2].ownerId</c>); the domain checks the rest.
/// </summary>
internal static class PlanContentReader
{
    /// <summary>The owner of a plan: the one named, else the one it has, else the caller (a bound API client: its manager).</summary>
    public static async Task<UserId> ResolveOwnerAsync(IAppDbContext db, ICurrentUser user, UserId? requested, UserId? current, CancellationToken cancellationToken)
    {
        var me = user.ClientId is null ? user.UserId : AccountAccess.RestrictedTo(user);
        var wanted = requested ?? current ?? me
            ?? throw RequestValidationException.For("ownerId", FieldErrorCodes.Required, "An API client that is not bound to an account manager names the plan's owner.");
        if (wanted == current)
        {
            return wanted;
        }

        var eligible = await db.Users.AnyAsync(u => u.Id == wanted && u.IsActive && (u.Role == Role.AccountManager || u.Role == Role.Director), cancellationToken).ConfigureAwait(false);
        if (!eligible)
        {
            throw RequestValidationException.For("ownerId", FieldErrorCodes.UnknownReference, "A plan is led by an active account manager or director.");
        }

        return wanted;
    }

    public static async Task<PlanContent> ReadAsync(IAppDbContext db, AccountId accountId, UserId owner, UpdatePlanInput input, int cadence, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, IReadOnlyList<FieldError>>();

        var ownerIds = input.Initiatives.Select(i => i.OwnerId).Distinct().ToList();
        var active = ownerIds.Count == 0
            ? []
            : await db.Users.Where(u => ownerIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < input.Initiatives.Count; i++)
        {
            if (!active.Contains(input.Initiatives[i].OwnerId))
            {
                errors[$"initiatives[{i}].ownerId"] = [new FieldError(FieldErrorCodes.UnknownReference, "An initiative is owned by an active user.")];
            }
        }

        var contactIds = input.Stakeholders.Select(s => s.ContactId).Distinct().ToList();
        var contacts = contactIds.Count == 0
            ? []
            : await db.Accounts.Where(a => a.Id == accountId).SelectMany(a => a.Contacts).Where(c => contactIds.Contains(c.Id)).Select(c => c.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < input.Stakeholders.Count; i++)
        {
            if (!contacts.Contains(input.Stakeholders[i].ContactId))
            {
                errors[$"stakeholders[{i}].contactId"] = [new FieldError(FieldErrorCodes.UnknownReference, "A stakeholder is a contact of the plan's account.")];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new PlanContent(
            input.Title,
            owner,
            input.StartDate,
            input.EndDate,
            input.ValueProposition,
            input.StrategicPriorities,
            cadence,
            [.. input.Objectives.Select(o => new ObjectiveInput(
                o.Id, o.Title, new Measure(o.Unit, o.Direction, o.Baseline, o.Target, string.IsNullOrEmpty(o.Currency) ? null : o.Currency, o.Source), o.DueDate, o.Actual))],
            [.. input.Initiatives.Select(i => new InitiativeInput(
                i.Id, i.Title, i.OwnerId, i.Department, i.DueDate, i.Status, i.ObjectiveIndex,
                i.Budget is { } b ? new Money(b.Amount, b.Currency) : null, i.PersonDays))],
            [.. input.Milestones.Select(m => new Milestone(m.Title, m.DueDate, m.ReachedOn))],
            [.. input.Stakeholders.Select(s => new Stakeholder(s.ContactId.Value, s.Note))],
            [.. input.Swot.Select(s => new SwotItem(s.Quadrant, s.Text, s.Evidence is { } e ? new Evidence(e.Kind, e.Reference) : null))]);
    }
}
