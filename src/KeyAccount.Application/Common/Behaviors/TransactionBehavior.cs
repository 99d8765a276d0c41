using KeyAccount.Application.Common.Abstractions;
using Mediator;

namespace KeyAccount.Application.Common.Behaviors;

/// <summary>
/// Every command is one unit of work: what its handler writes and reads back for the answer commits together at the
/// end, so a failure anywhere in the handler (after SaveChanges too) rolls it all back — a 500 never follows a commit.
/// Inside a transaction the request already holds (an idempotent create's), the command joins it. Commands that
/// manage their own transactions say so with <see cref="IManagesOwnTransactions"/>.
/// <para>
/// A unit of work that failed because the database could not be reached (<see cref="IDatabaseFaults"/>: a pooled
/// connection a PostgreSQL restart left dead, a refused connection while it restarts) runs again from the start — a
/// query always, a command only when the failure came before its commit (nothing of it was written) and it owns its
/// transaction (a joined one is lost with its owner's connection). <see cref="UnitOfWorkRetry"/> say when: together about
/// two seconds, so a short restart costs no request and a database that stays down is reported (503) soon.
/// </para>
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IAppDbContext db, IDatabaseFaults faults) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var command = message is IBaseCommand && message is not IManagesOwnTransactions;
        var retriable = message is IBaseQuery || command;
        if (!retriable || db.InTransaction)
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }

        if (!command)
        {
            return await UnitOfWorkRetry.RunAsync(ct => next(message, ct).AsTask(), faults.IsUnavailable, db.ResetAfterFailure, cancellationToken).ConfigureAwait(false);
        }

        var committing = false;
        return await UnitOfWorkRetry.RunAsync(
            async ct =>
            {
                committing = false;
                await using var transaction = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
                var response = await next(message, ct).ConfigureAwait(false);
                committing = true;
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return response;
            },
            e => !committing && faults.IsUnavailable(e),
            db.ResetAfterFailure,
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// A command whose handler commits in steps of its own (a job working through batches, a sign-in that records a
/// failure and then refuses, a simulation that rolls back): the pipeline does not wrap it in one transaction.
/// </summary>
public interface IManagesOwnTransactions;

