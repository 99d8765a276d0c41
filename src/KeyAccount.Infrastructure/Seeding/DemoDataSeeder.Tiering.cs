using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KeyAccount.Infrastructure.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>Last month's scheduled run is this many days before the seeding day; this month's is on it.</summary>
    internal const int FirstRunDaysAgo = 30;

    /// <summary>
    /// The tiers as the default policy gives them, and last month's run. The tiers are not written by hand: the real
    /// tiering (<see cref="Application.Common.Abstractions.ITieringEngine"/>, the one home of the scores, cut-offs and hysteresis) runs once inside a
    /// savepoint on last month's date, its decisions are read, and the savepoint is rolled back — nothing of that probe
    /// stays. Each account then gets the tier the probe gave it, except a handful set one tier off (as a manager's
    /// or an import's guess would be), so that last month's run, the first in the history, promotes and demotes a few;
    /// the second run, today, moves the few whose revenue or satisfaction changed since. A run right after seeding then
    /// moves nothing or next to nothing.
    /// </summary>
    private async Task SeedTiersAsync(IDbContextTransaction transaction, TierPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runAt = now.AddDays(-FirstRunDaysAgo);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await transaction.CreateSavepointAsync("demo_tiering_probe", cancellationToken).ConfigureAwait(false);
        var probe = TieringRun.Start(policy, RunTrigger.Scheduled, null, runAt);
        await tiering.RunAsync(policy, probe, cancellationToken).ConfigureAwait(false);
        var decided = await db.TierAssignments.AsNoTracking().Where(t => t.RunId == probe.Id)
            .ToDictionaryAsync(t => t.AccountId, t => t.NewTier, cancellationToken).ConfigureAwait(false);
        await transaction.RollbackToSavepointAsync("demo_tiering_probe", cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        var accounts = await db.Accounts.OrderBy(a => a.RegistrationNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        var active = 0;
        foreach (var account in accounts)
        {
            if (!decided.TryGetValue(account.Id, out var tier))
            {
                continue; // not active: no run scores it; it keeps its first guess
            }

            // A few accounts one tier off, alternately below and above: the first run promotes and demotes them.
            var guess = (active++ % 53) switch
            {
                7 when tier != Tier.Strategic => tier - 1,
                31 when tier != Tier.Standard => tier + 1,
                _ => tier,
            };
            account.AssignTier(guess, runAt);
            account.ClearDomainEvents();
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        var first = TieringRun.Start(policy, RunTrigger.Scheduled, null, runAt);
        await tiering.RunAsync(policy, first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This month's run, on the seeding day, by the director (manual).</summary>
    private async Task RunTieringAsync(TierPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var director = await db.Users.Where(u => u.Email == $"director@{Domain}").Select(u => u.Id).FirstAsync(cancellationToken).ConfigureAwait(false);
        var run = TieringRun.Start(policy, RunTrigger.Manual, director, now);
        await tiering.RunAsync(policy, run, cancellationToken).ConfigureAwait(false);
    }
}
