using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.ChangeComplaintStatus;

/// <summary>The first response to the customer.</summary>
/// <param name="Response" example="We are on it: the missing pallets ship by express today.">What was answered to the customer (required, at most 8,000 characters).</param>
public sealed record AcknowledgeInput([property: MaxLength(8000)] string Response);

/// <summary>Who investigates.</summary>
/// <param name="Department">The responsible department.</param>
/// <param name="AssigneeId">The responsible person (an active user).</param>
public sealed record AssignInput(Department Department, UserId AssigneeId);

/// <summary>A note on the step (required when waiting for the customer, optional otherwise).</summary>
/// <param name="Note" example="Waiting for the customer's goods-receipt note.">The note (at most 8,000 characters).</param>
public sealed record NoteInput([property: MaxLength(8000)] string? Note);

/// <summary>The resolution with its root cause and corrective action (all required).</summary>
/// <param name="Resolution" example="Missing pallets delivered by express on Thursday morning.">What was done for the customer (at most 4,000 characters).</param>
/// <param name="RootCause">Why it went wrong.</param>
/// <param name="CorrectiveAction" example="Pallet count checked against the order at loading.">What changes so that it does not happen again (at most 4,000 characters).</param>
public sealed record ResolveInput([property: MaxLength(4000)] string Resolution, RootCause? RootCause, [property: MaxLength(4000)] string CorrectiveAction);

/// <summary>Why the complaint is reopened (required).</summary>
/// <param name="Reason" example="The customer reports two pallets still missing.">The reason (at most 8,000 characters).</param>
public sealed record ReopenInput([property: MaxLength(8000)] string Reason);

/// <summary>One step of the workflow; the fields used depend on <see cref="Action"/>.</summary>
public sealed record ChangeComplaintStatusCommand(ComplaintId Id, ComplaintAction Action, uint ExpectedVersion) : ICommand<ComplaintDto>
{
    public string? Text { get; init; }

    public Department? Department { get; init; }

    public UserId? AssigneeId { get; init; }

    public string? Resolution { get; init; }

    public RootCause? RootCause { get; init; }

    public string? CorrectiveAction { get; init; }
}

public sealed class ChangeComplaintStatusValidator : AbstractValidator<ChangeComplaintStatusCommand>
{
    public ChangeComplaintStatusValidator()
    {
        RuleFor(x => x.Text).MaximumLength(8000);
        When(x => x.Action == ComplaintAction.Acknowledge, () => RuleFor(x => x.Text).NotEmpty().OverridePropertyName("response"));
        When(x => x.Action == ComplaintAction.AwaitCustomer, () => RuleFor(x => x.Text).NotEmpty().OverridePropertyName("note"));
        When(x => x.Action == ComplaintAction.Reopen, () => RuleFor(x => x.Text).NotEmpty().OverridePropertyName("reason"));
        When(x => x.Action == ComplaintAction.Assign, () =>
        {
            RuleFor(x => x.Department).NotNull().IsInEnum().OverridePropertyName("department");
            RuleFor(x => x.AssigneeId).NotNull().Must(id => id!.Value.Value != Guid.Empty).OverridePropertyName("assigneeId");
        });
        When(x => x.Action == ComplaintAction.Resolve, () =>
        {
            RuleFor(x => x.Resolution).NotEmpty().MaximumLength(4000).OverridePropertyName("resolution");
            RuleFor(x => x.RootCause).NotNull().WithMessage("A root cause is required to resolve a complaint.").IsInEnum().OverridePropertyName("rootCause");
            RuleFor(x => x.CorrectiveAction).NotEmpty().MaximumLength(4000).OverridePropertyName("correctiveAction");
        });
    }
}

/// <summary>Loads the complaint, applies one transition of its state machine (an invalid one is a 409), saves once.</summary>
public sealed class ChangeComplaintStatusHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeComplaintStatusCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ChangeComplaintStatusCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.UserId ?? throw new ForbiddenException("Sign in to change a complaint.");
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        switch (command.Action)
        {
            case ComplaintAction.Acknowledge:
                complaint.Acknowledge(command.Text!, me, now);
                break;
            case ComplaintAction.Assign:
                var assignee = command.AssigneeId!.Value;
                await EnsureCanWorkOnAsync(assignee, complaint.AccountId, cancellationToken).ConfigureAwait(false);

                complaint.Assign(command.Department!.Value, assignee, me, now);
                break;
            case ComplaintAction.AwaitCustomer:
                complaint.AwaitCustomer(command.Text!, me, now);
                break;
            case ComplaintAction.Resume:
                complaint.Resume(command.Text, me, now);
                break;
            case ComplaintAction.Resolve:
                complaint.Resolve(command.Resolution!, command.RootCause!.Value, command.CorrectiveAction!, me, now);
                break;
            case ComplaintAction.Close:
                complaint.Close(command.Text, me, now);
                break;
            case ComplaintAction.Reopen:
                complaint.Reopen(command.Text!, me, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.Action, "Unknown action.");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(complaint, cancellationToken).ConfigureAwait(false);
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
