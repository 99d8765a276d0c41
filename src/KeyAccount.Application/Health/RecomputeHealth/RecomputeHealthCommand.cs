using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Behaviors;
using KeyAccount.Domain.Health;
using Mediator;

namespace KeyAccount.Application.Health.RecomputeHealth;

/// <summary>
/// Assesses every active account's health as of <paramref name="Now"/> and stores it (the health job, every 15 minutes
/// by default, and once when a replica starts). Health moves with time (days since the last interaction) as much as
/// with data, so a periodic pass is what keeps the stored figure true; the account page computes its own live.
/// </summary>
public sealed record RecomputeHealthCommand(DateTimeOffset Now) : ICommand<int>, IManagesOwnTransactions;

public sealed class RecomputeHealthHandler(IAccountSignals signals, IAccountHealthStore store) : ICommandHandler<RecomputeHealthCommand, int>
{
    public async ValueTask<int> Handle(RecomputeHealthCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = await signals.ReadAsync(new AccountScope(), command.Now, cancellationToken).ConfigureAwait(false);
        var assessed = rows.Select(r => (r.AccountId, AccountHealth.Assess(r.ToHealthFacts(), command.Now))).ToList();
        return await store.ReplaceAllAsync(assessed, command.Now, cancellationToken).ConfigureAwait(false);
    }
}
