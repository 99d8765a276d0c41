using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.CreatePolicy;

/// <summary>Creates a draft policy version (the next number).</summary>
public sealed record CreatePolicyCommand(TierPolicyInput Policy) : ICommand<TierPolicyDto>;

public sealed class CreatePolicyValidator : AbstractValidator<CreatePolicyCommand>
{
    public CreatePolicyValidator() => RuleFor(x => x.Policy).NotNull().SetValidator(new TierPolicyInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class CreatePolicyHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreatePolicyCommand, TierPolicyDto>
{
    public async ValueTask<TierPolicyDto> Handle(CreatePolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var number = (await db.TierPolicies.MaxAsync(p => (int?)p.Number, cancellationToken).ConfigureAwait(false) ?? 0) + 1;
        var policy = TierPolicy.CreateDraft(number, command.Policy.Name, command.Policy.ToTerms(), clock.GetUtcNow());
        db.TierPolicies.Add(policy);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TierPolicyDto.From(policy);
    }
}
