using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.AwaitCustomer;

/// <summary>InProgress → AwaitingCustomer: the resolution clock pauses.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Note">What the customer is asked for (required).</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record AwaitCustomerCommand(ComplaintId Id, string? Note, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AwaitCustomerValidator : AbstractValidator<AwaitCustomerCommand>
{
    public AwaitCustomerValidator()
    {
        RuleFor(x => x.Note).NotEmpty().MaximumLength(8000).OverridePropertyName("note");
    }
}

public sealed class AwaitCustomerHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AwaitCustomerCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AwaitCustomerCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        complaint.AwaitCustomer(command.Note!, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
