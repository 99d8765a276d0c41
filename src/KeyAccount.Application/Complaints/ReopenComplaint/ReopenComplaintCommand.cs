using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.ReopenComplaint;

/// <summary>Why the complaint is reopened (required).</summary>
/// <param name="Reason" example="The customer reports two pallets still missing.">The reason (at most 8,000 characters).</param>
public sealed record ReopenInput([property: MaxLength(8000)] string Reason);

/// <summary>Resolved or Closed → Reopened: the resolution clock runs again; a breached target stays breached.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Reason">Why it is reopened.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record ReopenComplaintCommand(ComplaintId Id, string Reason, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReopenComplaintValidator : AbstractValidator<ReopenComplaintCommand>
{
    public ReopenComplaintValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(8000).OverridePropertyName("reason");
    }
}

public sealed class ReopenComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReopenComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReopenComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        complaint.Reopen(command.Reason, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
