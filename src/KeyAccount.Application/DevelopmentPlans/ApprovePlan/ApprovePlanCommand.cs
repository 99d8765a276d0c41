using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.ApprovePlan;

/// <summary>The Director's optional word with an approval, kept in the plan's history.</summary>
/// <param name="Comment" example="同意。请在二季度复盘时重点跟进新能源产线。">What the Director adds (optional, at most 2,000 characters).</param>
public sealed record ApprovePlanInput([property: MaxLength(PlanLimits.Comment)] string? Comment = null);

/// <summary>Submitted → Approved by a Director who neither wrote nor submitted it (four eyes); freezes the baseline and supersedes the version it revises.</summary>
/// <param name="Id">The plan version.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
/// <param name="Comment">The Director's optional comment (kept in the history).</param>
public sealed record ApprovePlanCommand(DevelopmentPlanId Id, uint ExpectedVersion, string? Comment = null) : ICommand<PlanDto>;

public sealed class ApprovePlanValidator : AbstractValidator<ApprovePlanCommand>
{
    public ApprovePlanValidator()
    {
        RuleFor(x => x.Comment).MaximumLength(PlanLimits.Comment).OverridePropertyName("comment");
    }
}

/// <summary>
/// The overlap rule's facts are read here and decided by the aggregate: another plan of the account in force (Approved or
/// Active) whose period overlaps this one's, other than the version this one revises (which its approval supersedes).
/// The database's exclusion constraint stands behind it for two approvals racing each other.
/// </summary>
public sealed class ApprovePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ApprovePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(ApprovePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var previous = plan.PreviousVersionId is { } previousId
            ? await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == previousId, cancellationToken).ConfigureAwait(false)
            : null;
        var inForce = PlanLoading.InForce;
        var overlapping = await db.DevelopmentPlans.AsNoTracking()
            .Where(p => p.AccountId == plan.AccountId && p.Id != plan.Id && p.Id != plan.PreviousVersionId && inForce.Contains(p.Status)
                && p.StartDate <= plan.EndDate && p.EndDate >= plan.StartDate)
            .Select(p => (DevelopmentPlanId?)p.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        plan.Approve(me, previous, overlapping, clock.GetUtcNow(), command.Comment);
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
