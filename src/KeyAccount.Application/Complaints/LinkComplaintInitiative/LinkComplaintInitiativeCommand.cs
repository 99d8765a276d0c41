using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.Complaints.LinkComplaintInitiative;

/// <summary>The development-plan initiative the complaint's corrective action is part of.</summary>
/// <param name="InitiativeId">An initiative of a plan of the complaint's account; null unlinks.</param>
public sealed record InitiativeLinkInput(PlanInitiativeId? InitiativeId);

/// <summary>Links the complaint's corrective action to an initiative of its account's development plan, or unlinks it (any status).</summary>
/// <param name="Id">The complaint.</param>
/// <param name="InitiativeId">The initiative; null unlinks.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record LinkComplaintInitiativeCommand(ComplaintId Id, PlanInitiativeId? InitiativeId, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class LinkComplaintInitiativeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LinkComplaintInitiativeCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(LinkComplaintInitiativeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var initiative = command.InitiativeId is { } id ? await db.FindInitiativeLinkAsync(id, complaint.AccountId, cancellationToken).ConfigureAwait(false) : null;
        complaint.LinkInitiative(initiative, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
