using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.RejectPlan;

/// <summary>The Director's reason to send a plan back.</summary>
/// <param name="Comment" example="请补充新能源产线的收入目标。">What the author should change (required, at most 2,000 characters).</param>
public sealed record RejectPlanInput([property: MaxLength(PlanLimits.Comment)] string Comment);

/// <summary>Submitted → Draft, with the Director's comment kept on the plan for its author.</summary>
/// <param name="Id">The plan version.</param>
/// <param name="Comment">What to change.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record RejectPlanCommand(DevelopmentPlanId Id, string Comment, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class RejectPlanValidator : AbstractValidator<RejectPlanCommand>
{
    public RejectPlanValidator()
    {
        RuleFor(x => x.Comment).NotEmpty().MaximumLength(PlanLimits.Comment).OverridePropertyName("comment");
    }
}

public sealed class RejectPlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectPlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(RejectPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.PlanActor();
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.Reject(command.Comment, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
