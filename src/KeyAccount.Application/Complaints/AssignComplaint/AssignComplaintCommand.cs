using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.AssignComplaint;

/// <summary>Who investigates.</summary>
/// <param name="Department">The responsible department.</param>
/// <param name="AssigneeId">The responsible person (an active user).</param>
public sealed record AssignInput(Department Department, UserId AssigneeId);

/// <summary>Acknowledged or Reopened → InProgress with a department and a person; in InProgress, a reassignment.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="AssigneeId">The responsible person.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record AssignComplaintCommand(ComplaintId Id, Department Department, UserId AssigneeId, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AssignComplaintValidator : AbstractValidator<AssignComplaintCommand>
{
    public AssignComplaintValidator()
    {
        RuleFor(x => x.Department).IsInEnum().OverridePropertyName("department");
        RuleFor(x => x.AssigneeId).Must(id => id.Value != Guid.Empty).OverridePropertyName("assigneeId");
    }
}

public sealed class AssignComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AssignComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AssignComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        await EnsureCanWorkOnAsync(command.AssigneeId, complaint.AccountId, cancellationToken).ConfigureAwait(false);
        complaint.Assign(command.Department, command.AssigneeId, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Work goes only to an active user who may work complaints and may see the complaint's account.</summary>
    private async Task EnsureCanWorkOnAsync(UserId assignee, AccountId account, CancellationToken cancellationToken)
    {
        var role = await db.Users.Where(u => u.Id == assignee && u.IsActive).Select(u => (Role?)u.Role).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw RequestValidationException.For("assigneeId", FieldErrorCodes.UnknownReference, "No such active user.");
        if (!Permissions.Grants(role, Permissions.ComplaintsWrite)
            || !await db.VisibleAccounts(role, assignee).AnyAsync(a => a.Id == account, cancellationToken).ConfigureAwait(false))
        {
            throw RequestValidationException.For("assigneeId", FieldErrorCodes.NotAllowed, "This user cannot work on this account's complaints.");
        }
    }
}
