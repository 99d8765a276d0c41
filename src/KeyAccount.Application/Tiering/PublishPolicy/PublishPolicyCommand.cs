using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.PublishPolicy;

/// <summary>
/// Publishes a draft and retires the previously published version, in one transaction. First the draft is simulated:
/// when a tier would lose or gain more than the safety limit's share of its accounts, publishing needs
/// <paramref name="AcknowledgeShift"/> (a 409 <c>tier-shift-over-limit</c> naming the tiers otherwise).
/// </summary>
public sealed record PublishPolicyCommand(TierPolicyId Id, uint ExpectedVersion, bool AcknowledgeShift = false) : ICommand<TierPolicyDto>, Application.Common.Behaviors.IManagesOwnTransactions;

public sealed class PublishPolicyHandler(IAppDbContext db, ITieringEngine engine, TieringSafetyOptions safety, TimeProvider clock) : ICommandHandler<PublishPolicyCommand, TierPolicyDto>
{
    public async ValueTask<TierPolicyDto> Handle(PublishPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var policy = await db.TierPolicies.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Tier policy", command.Id.Value);
        db.ExpectVersion(policy, command.ExpectedVersion);
        if (!command.AcknowledgeShift && policy.Status == PolicyStatus.Draft)
        {
            var now = clock.GetUtcNow();
            var outcome = await engine.SimulateAsync(policy, DateOnly.FromDateTime(now.UtcDateTime), 0, cancellationToken).ConfigureAwait(false);
            var rule = new TierShiftMustBeAcknowledged(TierShifts.Compare(outcome.Before, outcome.Counts, safety.ShiftLimitPercent), safety.ShiftLimitPercent, command.AcknowledgeShift);
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }
        }

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
