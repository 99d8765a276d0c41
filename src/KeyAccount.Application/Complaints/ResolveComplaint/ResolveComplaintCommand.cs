using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using Mediator;

namespace KeyAccount.Application.Complaints.ResolveComplaint;

/// <summary>The resolution with its root cause and corrective action (all required).</summary>
/// <param name="Resolution" example="Missing pallets delivered by express on Thursday morning.">What was done for the customer (at most 4,000 characters).</param>
/// <param name="RootCause">Why it went wrong.</param>
/// <param name="CorrectiveAction" example="Pallet count checked against the order at loading.">What changes so that it does not happen again (at most 4,000 characters).</param>
/// <param name="InitiativeId">Optional: the development-plan initiative the corrective action is part of; it must be an initiative of a plan of the complaint's account (else a 400 on initiativeId).</param>
public sealed record ResolveInput([property: MaxLength(4000)] string Resolution, RootCause? RootCause, [property: MaxLength(4000)] string CorrectiveAction, PlanInitiativeId? InitiativeId = null);

/// <summary>InProgress → Resolved, with the resolution, its root cause and the corrective action.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Resolution">What was done for the customer.</param>
/// <param name="RootCause">Why it went wrong (required).</param>
/// <param name="CorrectiveAction">What changes so that it does not happen again.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
/// <param name="InitiativeId">The development-plan initiative the corrective action is part of, if any.</param>
public sealed record ResolveComplaintCommand(ComplaintId Id, string Resolution, RootCause? RootCause, string CorrectiveAction, uint ExpectedVersion, PlanInitiativeId? InitiativeId = null) : ICommand<ComplaintDto>;

public sealed class ResolveComplaintValidator : AbstractValidator<ResolveComplaintCommand>
{
    public ResolveComplaintValidator()
    {
        RuleFor(x => x.Resolution).NotEmpty().MaximumLength(4000).OverridePropertyName("resolution");
        RuleFor(x => x.RootCause).NotNull().WithMessage("A root cause is required to resolve a complaint.").IsInEnum().OverridePropertyName("rootCause");
        RuleFor(x => x.CorrectiveAction).NotEmpty().MaximumLength(4000).OverridePropertyName("correctiveAction");
    }
}

public sealed class ResolveComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResolveComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResolveComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var initiative = command.InitiativeId is { } id ? await db.FindInitiativeLinkAsync(id, complaint.AccountId, cancellationToken).ConfigureAwait(false) : null;
        complaint.Resolve(command.Resolution, command.RootCause!.Value, command.CorrectiveAction, me, clock.GetUtcNow(), initiative);
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
