using KeyAccount.Application.Common.Abstractions;
using Mediator;

namespace KeyAccount.Application.Common.Behaviors;

/// <summary>
/// Every command is one unit of work: what its handler writes and reads back for the answer commits together at the
/// end, so a failure anywhere in the handler (after SaveChanges too) rolls it all back — a 500 never follows a commit.
/// Inside a transaction the request already holds (an idempotent create's), the command joins it. Commands that
/// manage their own transactions say so with <see cref="IManagesOwnTransactions"/>.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IAppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (message is not IBaseCommand || message is IManagesOwnTransactions)
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var response = await next(message, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return response;
    }
}

/// <summary>
/// A command whose handler commits in steps of its own (a job working through batches, a sign-in that records a
/// failure and then refuses, a simulation that rolls back): the pipeline does not wrap it in one transaction.
/// </summary>
public interface IManagesOwnTransactions;
