using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.ResolveComplaint;

/// <summary>The resolution with its root cause and corrective action (all required).</summary>
/// <param name="Resolution" example="Missing pallets delivered by express on Thursday morning.">What was done for the customer (at most 4,000 characters).</param>
/// <param name="RootCause">Why it went wrong.</param>
/// <param name="CorrectiveAction" example="Pallet count checked against the order at loading.">What changes so that it does not happen again (at most 4,000 characters).</param>
public sealed record ResolveInput([property: MaxLength(4000)] string Resolution, RootCause? RootCause, [property: MaxLength(4000)] string CorrectiveAction);

/// <summary>InProgress → Resolved, with the resolution, its root cause and the corrective action.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Resolution">What was done for the customer.</param>
/// <param name="RootCause">Why it went wrong (required).</param>
/// <param name="CorrectiveAction">What changes so that it does not happen again.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record ResolveComplaintCommand(ComplaintId Id, string Resolution, RootCause? RootCause, string CorrectiveAction, uint ExpectedVersion) : ICommand<ComplaintDto>;

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
        complaint.Resolve(command.Resolution, command.RootCause!.Value, command.CorrectiveAction, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
