using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.ResumeComplaint;

/// <summary>AwaitingCustomer → InProgress: the customer answered; the resolution clock runs again.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Note">An optional note.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record ResumeComplaintCommand(ComplaintId Id, string? Note, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ResumeComplaintValidator : AbstractValidator<ResumeComplaintCommand>
{
    public ResumeComplaintValidator()
    {
        RuleFor(x => x.Note).MaximumLength(8000).OverridePropertyName("note");
    }
}

public sealed class ResumeComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResumeComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResumeComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        complaint.Resume(command.Note, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
