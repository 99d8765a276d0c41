using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.RecordResponse;
using Mediator;

namespace KeyAccount.Application.Surveys.Unsubscribe;

/// <summary>
/// RFC 8058 one-click unsubscribe through an invitation's token: the contact receives no more surveys (the audience
/// SQL skips them as Unsubscribed), and the invitation becomes Unsubscribed unless it was answered. Idempotent.
/// </summary>
public sealed record UnsubscribeCommand(string Token) : ICommand;

public sealed class UnsubscribeHandler(IAppDbContext db, ISurveyContacts contacts, TimeProvider clock) : ICommandHandler<UnsubscribeCommand>
{
    public async ValueTask<Unit> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var invitation = await db.FindInvitationByTokenAsync(command.Token, cancellationToken).ConfigureAwait(false);
        invitation.Unsubscribe();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await contacts.UnsubscribeAsync(invitation.ContactId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
