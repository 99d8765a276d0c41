using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.DevelopmentPlans.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.CreatePlan;

/// <summary>Drafts a new development plan for an account (a retry with the same Idempotency-Key is answered by the API's idempotency step).</summary>
public sealed record CreatePlanCommand(CreatePlanInput Input) : ICommand<PlanDto>;

public sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new CreatePlanInputValidator()).OverridePropertyName(string.Empty);
    }
}

public sealed class CreatePlanHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreatePlanCommand, PlanDto>
{
    public async ValueTask<PlanDto> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.Input;

        // An account the caller cannot see does not exist for them: 404, as on every other route.
        if (!await db.VisibleAccounts(user).AnyAsync(a => a.Id == input.AccountId, cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Account", input.AccountId.Value);
        }

        var owner = await PlanContentReader.ResolveOwnerAsync(db, user, input.OwnerId, null, cancellationToken).ConfigureAwait(false);
        var content = new PlanContent(
            input.Title, owner, input.StartDate, input.EndDate, input.ValueProposition, input.StrategicPriorities,
            input.ReviewCadenceMonths ?? DevelopmentPlan.DefaultReviewCadenceMonths, [], [], [], [], []);
        var plan = DevelopmentPlan.Draft(input.AccountId, content, user.UserId, clock.Today(), clock.GetUtcNow());
        db.DevelopmentPlans.Add(plan);
        return await db.SaveAndReadAsync(plan, user, clock, cancellationToken).ConfigureAwait(false);
    }
}
