using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.PublishPolicy;

/// <summary>Publishes a draft and retires the previously published version, in one transaction.</summary>
public sealed record PublishPolicyCommand(TierPolicyId Id, uint ExpectedVersion) : ICommand<TierPolicyDto>;

public sealed class PublishPolicyHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<PublishPolicyCommand, TierPolicyDto>
{
    public async ValueTask<TierPolicyDto> Handle(PublishPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var policy = await db.TierPolicies.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Tier policy", command.Id.Value);
        db.ExpectVersion(policy, command.ExpectedVersion);
        policy.Publish(clock.GetUtcNow());
        await db.InTransactionAsync(
            async ct =>
            {
                await db.TierPolicies.Where(p => p.Status == PolicyStatus.Published && p.Id != command.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PolicyStatus.Retired), ct).ConfigureAwait(false);
                return await db.SaveChangesAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return TierPolicyDto.From(policy);
    }
}
