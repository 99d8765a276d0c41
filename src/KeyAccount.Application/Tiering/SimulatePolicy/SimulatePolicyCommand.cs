using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using Mediator;

namespace KeyAccount.Application.Tiering.SimulatePolicy;

/// <summary>What a policy would do if it ran now: distribution per tier and the accounts that would move.</summary>
/// <param name="Counts">Accounts per tier after the would-be run.</param>
/// <param name="Changed">How many accounts would change tier.</param>
/// <param name="Moves">The accounts that would move (up to 1,000, highest scores first).</param>
/// <param name="Shifts">Each tier's accounts now and after, with the change in percent and whether it is over the limit.</param>
/// <param name="ShiftLimitPercent" example="20">The share of a tier beyond which a change is flagged (and publishing asks for acknowledgeShift=true).</param>
public sealed record SimulationDto(IReadOnlyDictionary<Tier, int> Counts, int Changed, IReadOnlyList<TierMoveDto> Moves, IReadOnlyList<TierShift> Shifts, decimal ShiftLimitPercent);

/// <summary>An account that would change tier.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name" example="华东精密制造有限公司">Its name.</param>
/// <param name="CurrentTier">Its tier now.</param>
/// <param name="NewTier">The tier the simulated policy would give it.</param>
/// <param name="Score">Its score under the simulated policy, 0–100.</param>
/// <param name="Reason">Why: Promoted, Demoted or Override.</param>
public sealed record TierMoveDto(AccountId AccountId, string Name, Tier CurrentTier, Tier NewTier, decimal Score, TierChangeReason Reason);

/// <summary>Simulates a draft policy (sent inline); nothing is persisted.</summary>
public sealed record SimulatePolicyCommand(TierPolicyInput Policy) : ICommand<SimulationDto>, Application.Common.Behaviors.IManagesOwnTransactions;

public sealed class SimulatePolicyValidator : AbstractValidator<SimulatePolicyCommand>
{
    public SimulatePolicyValidator() => RuleFor(x => x.Policy).NotNull().SetValidator(new TierPolicyInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class SimulatePolicyHandler(ITieringEngine engine, TieringSafetyOptions safety, TimeProvider clock) : ICommandHandler<SimulatePolicyCommand, SimulationDto>
{
    public async ValueTask<SimulationDto> Handle(SimulatePolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var draft = TierPolicy.CreateDraft(0, command.Policy.Name, command.Policy.ToTerms(), clock.GetUtcNow());
        var outcome = await engine.SimulateAsync(draft, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), 1000, cancellationToken).ConfigureAwait(false);
        return new SimulationDto(
            outcome.Counts,
            outcome.Changed,
            [.. outcome.Moves.Select(m => new TierMoveDto(m.AccountId, m.Name, m.CurrentTier, m.NewTier, m.Score, m.Reason))],
            TierShifts.Compare(outcome.Before, outcome.Counts, safety.ShiftLimitPercent),
            safety.ShiftLimitPercent);
    }
}
