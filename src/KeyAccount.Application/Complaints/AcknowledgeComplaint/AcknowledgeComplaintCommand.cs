using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.AcknowledgeComplaint;

/// <summary>The first response to the customer.</summary>
/// <param name="Response" example="We are on it: the missing pallets ship by express today.">What was answered to the customer (required, at most 8,000 characters).</param>
public sealed record AcknowledgeInput([property: MaxLength(8000)] string Response);

/// <summary>New → Acknowledged: the first response is on record.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="Response">What was answered to the customer.</param>
/// <param name="ExpectedVersion">The version from the client's If-Match.</param>
public sealed record AcknowledgeComplaintCommand(ComplaintId Id, string Response, uint ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AcknowledgeComplaintValidator : AbstractValidator<AcknowledgeComplaintCommand>
{
    public AcknowledgeComplaintValidator()
    {
        RuleFor(x => x.Response).NotEmpty().MaximumLength(8000).OverridePropertyName("response");
    }
}

public sealed class AcknowledgeComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AcknowledgeComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AcknowledgeComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var me = user.StepTaker();
        var complaint = await db.LoadComplaintAsync(command.Id, user, command.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        complaint.Acknowledge(command.Response, me, clock.GetUtcNow());
        return await db.SaveAndReadAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
