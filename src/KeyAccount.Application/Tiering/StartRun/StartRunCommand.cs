using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.StartRun;

/// <summary>Runs the published policy over every active account (manual, or the monthly job).</summary>
public sealed record StartRunCommand(RunTrigger Trigger) : ICommand<TieringRunDto>;

public sealed class StartRunHandler(IAppDbContext db, ITieringEngine engine, ICurrentUser user, TimeProvider clock) : ICommandHandler<StartRunCommand, TieringRunDto>
{
    public async ValueTask<TieringRunDto> Handle(StartRunCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var policy = await db.TierPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Status == PolicyStatus.Published, cancellationToken).ConfigureAwait(false)
            ?? throw new ConflictException(ProblemCodes.NoPublishedPolicy, "No tier policy is published yet; publish one first.");
        var run = TieringRun.Start(policy, command.Trigger, command.Trigger == RunTrigger.Manual ? user.UserId : null, clock.GetUtcNow());
        await engine.RunAsync(policy, run, cancellationToken).ConfigureAwait(false);
        return TieringRunDto.From(run);
    }
}
