using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.UpdatePolicy;

/// <summary>Changes a draft (published versions are frozen: 409).</summary>
public sealed record UpdatePolicyCommand(TierPolicyId Id, TierPolicyInput Policy, uint ExpectedVersion) : ICommand<TierPolicyDto>;

public sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicyCommand>
{
    public UpdatePolicyValidator() => RuleFor(x => x.Policy).NotNull().SetValidator(new TierPolicyInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class UpdatePolicyHandler(IAppDbContext db) : ICommandHandler<UpdatePolicyCommand, TierPolicyDto>
{
    public async ValueTask<TierPolicyDto> Handle(UpdatePolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var policy = await db.TierPolicies.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Tier policy", command.Id.Value);
        db.ExpectVersion(policy, command.ExpectedVersion);
        policy.UpdateDraft(command.Policy.Name, command.Policy.ToTerms());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TierPolicyDto.From(policy);
    }
}
