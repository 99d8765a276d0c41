using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.CloseComplaint;

/// <summary>Resolved → Closed: the customer confirmed.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Note">An optional note.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record CloseComplaintCommand(ComplaintId Id, string? Note, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class CloseComplaintValidator : AbstractValidator<CloseComplaintCommand>
{
    public CloseComplaintValidator()
    {
        RuleFor(x => x.Note).MaximumLength(8000).OverridePropertyName("note");
    }
}

public sealed class CloseComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CloseComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(CloseComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        complaint.Close(command.Note, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
