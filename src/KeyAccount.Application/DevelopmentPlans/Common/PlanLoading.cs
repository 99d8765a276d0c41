using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.Common;

public static class PlanLoading
{
    /// <summary>The statuses in which a plan is in force (Approved, Active), from the workflow's one definition, for queries.</summary>
    public static IReadOnlyList<PlanStatus> InForce { get; } = [.. Enum.GetValues<PlanStatus>().Where(PlanWorkflow.IsInForce)];

    /// <summary>The day plans count in (<see cref="PlanDay"/>: the customers' calendar day, China Standard Time), for every plan rule and reader.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return PlanDay.Today(clock.GetUtcNow());
    }

    /// <summary>The plan with its objectives and initiatives in their order (the aggregate keeps them as lists), when it exists and the caller may see its account (404 otherwise: no existence leak).</summary>
    public static async Task<DevelopmentPlan> LoadPlanAsync(this IAppDbContext db, DevelopmentPlanId id, ICurrentUser user, uint? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.DevelopmentPlans.Include(p => p.Objectives.OrderBy(o => o.Position)).Include(p => p.Initiatives.OrderBy(i => i.Position))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (plan is null || !await db.VisibleAccounts(user).AnyAsync(a => a.Id == plan.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Development plan", id.Value);
        }

        if (expectedVersion is { } version)
        {
            db.ExpectVersion(plan, version);
        }

        return plan;
    }

    /// <summary>Who takes a workflow step or records a review: a signed-in user (the plan records them; an API client acts as nobody).</summary>
    public static UserId PlanActor(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId ?? throw new ForbiddenException("Sign in as a user to move a development plan: its steps are recorded against a person.");
    }

    /// <summary>The one save of a change, then the plan as the client reads it (with its new version).</summary>
    public static async Task<PlanDto> SaveAndReadAsync(this IAppDbContext db, DevelopmentPlan plan, ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version that revises <paramref name="planId"/>, if one exists (a version has at most one successor).</summary>
    public static Task<DevelopmentPlanId?> RevisionOfAsync(this IAppDbContext db, DevelopmentPlanId planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DevelopmentPlans.Where(p => p.PreviousVersionId == planId).Select(p => (DevelopmentPlanId?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The plan as its DTO: the account's name and tier, people's names, the stakeholders' contact details, and the baseline to compare with.</summary>
    public static async Task<PlanDto> ToDtoAsync(this IAppDbContext db, DevelopmentPlan plan, ICurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(user);
        var today = clock.Today();
        var account = await db.Accounts.Where(a => a.Id == plan.AccountId).Select(a => new { a.Name, a.Tier })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var people = plan.Initiatives.Select(i => i.OwnerId).Append(plan.OwnerId);
        if (plan.AuthorId is { } author)
        {
            people = people.Append(author);
        }

        var ids = people.Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var contactIds = plan.Stakeholders.Select(s => new ContactId(s.ContactId)).ToList();
        var contacts = contactIds.Count == 0
            ? []
            : await db.Accounts.Where(a => a.Id == plan.AccountId).SelectMany(a => a.Contacts).Where(c => contactIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Name, c.Title, c.BuyingRole })
                .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);

        // The complaints whose corrective action is part of one of this version's initiatives (by plan: indexed).
        var linked = await db.Complaints.Where(c => c.PlanId == plan.Id && c.InitiativeId != null)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Reference)
            .Select(c => new { c.InitiativeId, c.Id, c.Reference, c.Subject, c.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var complaints = linked.ToLookup(c => c.InitiativeId, c => new PlanComplaintDto(c.Id, c.Reference, c.Subject, c.Status));

        // Plan-vs-actual compares with the approved baseline: this version's once approved; for a revision still in the
        // works, the one of the version it revises (objectives matched by their key across versions).
        var baseline = plan.Baseline;
        if (baseline is null && plan.PreviousVersionId is { } previous)
        {
            baseline = await db.DevelopmentPlans.Where(p => p.Id == previous).Select(p => p.Baseline).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }

        var revisionId = await db.RevisionOfAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        var baselineTargets = baseline?.Objectives.ToDictionary(o => o.Key, o => o.Measure.Target) ?? [];
        string? Name(UserId? id) => id is { } u && names.TryGetValue(u, out var n) ? n : null;

        return new PlanDto
        {
            Id = plan.Id,
            AccountId = plan.AccountId,
            AccountName = account?.Name ?? string.Empty,
            AccountTier = account?.Tier ?? default,
            Title = plan.Title,
            OwnerId = plan.OwnerId,
            OwnerName = Name(plan.OwnerId),
            Status = plan.Status,
            PlanVersion = plan.PlanVersion,
            StartDate = plan.StartDate,
            EndDate = plan.EndDate,
            Progress = plan.Progress,
            ObjectivesCount = plan.Objectives.Count,
            InitiativesTotal = plan.InitiativesTotal,
            InitiativesDone = plan.InitiativesDone,
            HasOverdueInitiatives = PlanSignals.HasOverdueInitiatives(plan.EarliestOpenDueDate, today),
            NextReviewDue = plan.NextReviewDue,
            ReviewDue = PlanSignals.ReviewDue(plan.NextReviewDue, today),
            UpdatedAt = plan.UpdatedAt,
            ValueProposition = plan.ValueProposition,
            StrategicPriorities = plan.StrategicPriorities,
            ReviewCadenceMonths = plan.ReviewCadenceMonths,
            AuthorId = plan.AuthorId,
            AuthorName = Name(plan.AuthorId),
            PreviousVersionId = plan.PreviousVersionId,
            SubmittedAt = plan.SubmittedAt,
            SubmittedBy = plan.SubmittedBy,
            ApprovedAt = plan.Baseline?.ApprovedAt,
            ApprovedBy = plan.Baseline?.ApprovedBy,
            Rejection = plan.RejectionComment is { } comment ? new PlanRejectionDto(comment, plan.RejectedBy, plan.RejectedAt) : null,
            CancellationReason = plan.CancellationReason,
            AllowedActions = [.. plan.AllowedActions.Select(ActionName), .. plan.MayBeRevised(revisionId) ? new[] { Revise } : []],
            RevisionId = revisionId,
            CanEdit = PlanWorkflow.IsEditable(plan.Status) && user.Can(Permissions.PlansWrite),
            Objectives = [.. plan.Objectives.OrderBy(o => o.Position).Select(o => new PlanObjectiveDto(
                o.Id, o.Title, o.Measure.Unit, o.Measure.Direction, o.Measure.Baseline, o.Measure.Target, o.Measure.Currency, o.Measure.Source,
                o.DueDate, o.Actual, o.ActualAt, o.Progress, PlanProgress.Expected(plan.StartDate, o.DueDate, today),
                baselineTargets.TryGetValue(o.Key, out var target) ? target : null))],
            Initiatives = [.. plan.Initiatives.OrderBy(i => i.Position).Select(i => new PlanInitiativeDto(
                i.Id, i.Title, i.OwnerId, Name(i.OwnerId), i.Department, i.DueDate, i.Status, i.ObjectiveId,
                i.Budget is { } budget ? new MoneyDto(budget.Amount, budget.Currency) : null,
                i.PersonDays, i.CompletedOn, i.IsOverdue(today), [.. complaints[i.Id]]))],
            Milestones = [.. plan.Milestones.Select(m => new PlanMilestoneDto(m.Title, m.DueDate, m.ReachedOn))],
            Stakeholders = [.. plan.Stakeholders.Select(s => contacts.TryGetValue(new ContactId(s.ContactId), out var c)
                ? new PlanStakeholderDto(c.Id, c.Name, c.Title, c.BuyingRole, s.Note)
                : new PlanStakeholderDto(new ContactId(s.ContactId), null, null, null, s.Note))],
            Swot = [.. plan.Swot.Select(s => new PlanSwotItemDto(s.Quadrant, s.Text, s.Evidence is { } e ? new PlanEvidenceDto(e.Kind, e.Reference) : null))],
            Baseline = plan.Baseline is { } b ? new PlanBaselineDto(b.PlanVersion, b.ApprovedAt, b.ApprovedBy) : null,
            Version = plan.Version,
        };
    }

    /// <summary>In <c>allowedActions</c> when a new version may be made (<see cref="DevelopmentPlan.MayBeRevised"/>): the path segment of <c>POST /{id}/revise</c>.</summary>
    public const string Revise = "revise";

    /// <summary>An action as its path segment and in <c>allowedActions</c>: submit, approve, …</summary>
    public static string ActionName(PlanAction action) => action.ToString().ToLowerInvariant();
}

/// <summary>
/// The two flags a plan shows from its stored columns and today, written here once in both forms a reader needs: as SQL
/// filters (expressions over the stored columns) and as the row's flags. A review is due only for an Active plan (the
/// aggregate keeps <c>NextReviewDue</c> only there); the weekly overdue reminders go only to plans in force.
/// </summary>
public static class PlanSignals
{
    /// <summary>The list's "overdue" filter: an initiative that is not Done is past its due date (the aggregate stores the earliest such date).</summary>
    public static System.Linq.Expressions.Expression<Func<DevelopmentPlan, bool>> Overdue(DateOnly today) =>
        p => p.EarliestOpenDueDate < today;

    /// <summary>The list's "needs review" filter: the next review is due today or earlier.</summary>
    public static System.Linq.Expressions.Expression<Func<DevelopmentPlan, bool>> NeedsReview(DateOnly today) =>
        p => p.NextReviewDue <= today;

    /// <summary>The row's flag of <see cref="Overdue"/>.</summary>
    public static bool HasOverdueInitiatives(DateOnly? earliestOpenDueDate, DateOnly today) => earliestOpenDueDate < today;

    /// <summary>The row's flag of <see cref="NeedsReview"/>.</summary>
    public static bool ReviewDue(DateOnly? nextReviewDue, DateOnly today) => nextReviewDue <= today;
}
