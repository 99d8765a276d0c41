using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.SetInitiativeStatus;

/// <summary>An initiative's new status.</summary>
/// <param name="Status" example="Done">Where it stands now.</param>
/// <param name="Note" example="实验室已揭牌。">What happened (optional, at most 2,000 characters; kept in the plan's history).</param>
public sealed record InitiativeStatusInput(InitiativeStatus Status, [property: MaxLength(PlanLimits.Note)] string? Note = null);

/// <summary>Moves one initiative (Draft, Approved and Active plans): the plan's done count and overdue flag follow.</summary>
/// <param name="PlanId">The plan version.</param>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="Status">Its new status.</param>
/// <param name="ExpectedVersion">The plan's version from the client's If-Match.</param>
/// <param name="Note">What happened (kept in the history).</param>
public sealed record SetInitiativeStatusCommand(DevelopmentPlanId PlanId, PlanInitiativeId InitiativeId, InitiativeStatus Status, uint ExpectedVersion, string? Note = null) : ICommand<PlanDto>;

public sealed class SetInitiativeStatusValidator : AbstractValidator<SetInitiativeStatusCommand>
{
    public SetInitiativeStatusValidator()
    {
        RuleFor(x => x.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(x => x.Note).MaximumLength(PlanLimits.Note).OverridePropertyName("note");
    }
}

public sealed class SetInitiativeStatusHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetInitiativeStatusCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(SetInitiativeStatusCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = await db.LoadPlanAsync(command.PlanId, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        plan.SetInitiativeStatus(command.InitiativeId, command.Status, user.UserId, command.Note, clock.Today(), clock.GetUtcNow());
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
