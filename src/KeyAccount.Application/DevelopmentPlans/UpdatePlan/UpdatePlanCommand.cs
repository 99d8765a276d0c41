using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.DevelopmentPlans.UpdatePlan;

/// <summary>Replaces a draft's whole content (Draft only: a plan in force changes through a new version).</summary>
/// <param name="Id">The plan version.</param>
/// <param name="Input">The document.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record UpdatePlanCommand(DevelopmentPlanId Id, UpdatePlanInput Input, uint ExpectedVersion) : ICommand<PlanDto>;

public sealed class UpdatePlanValidator : AbstractValidator<UpdatePlanCommand>
{
    public UpdatePlanValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new UpdatePlanInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdatePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, IAccountMetrics metrics) : ICommandHandler<UpdatePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(UpdatePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.Input;
        var plan = await db.LoadPlanAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        if (input.AccountId is { } account && account != plan.AccountId)
        {
            throw RequestValidationException.For("accountId", FieldErrorCodes.NotAllowed, "A plan stays with its account; draft a new plan for another account.");
        }

        var owner = await PlanContentReader.ResolveOwnerAsync(db, user, input.OwnerId, plan.OwnerId, cancellationToken).ConfigureAwait(false);
        var content = await PlanContentReader.ReadAsync(db, plan.AccountId, owner, input, input.ReviewCadenceMonths ?? plan.ReviewCadenceMonths, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        plan.Edit(content, clock.Today(), now);
        await metrics.MeasureAsync(plan, now, cancellationToken).ConfigureAwait(false);
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
