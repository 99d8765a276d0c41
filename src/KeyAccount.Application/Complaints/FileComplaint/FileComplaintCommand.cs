using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.FileComplaint;

/// <summary>Files a complaint (a retry with the same Idempotency-Key is answered by the API's idempotency step).</summary>
public sealed record FileComplaintCommand(ComplaintIntakeInput Input) : ICommand<ComplaintDto>;

public sealed class FileComplaintValidator : AbstractValidator<FileComplaintCommand>
{
    public FileComplaintValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new ComplaintIntakeInputValidator()).OverridePropertyName(string.Empty);
    }
}

/// <summary>
/// The SLA targets come from the account's tier in the published policy's service programme (the design's table when
/// none is published), scaled by severity in the current <see cref="Domain.Complaints.SlaPolicy"/>, whose business calendar the clocks
/// run on; both are copied onto the complaint, so a later policy change applies to complaints received after it.
/// </summary>
public sealed class FileComplaintHandler(IAppDbContext db, IReminderWriter reminders, ICurrentUser user, TimeProvider clock) : ICommandHandler<FileComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(FileComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var input = command.Input;

        // An account the caller cannot see does not exist for them: 404, as on every other route.
        var account = await db.VisibleAccounts(user).Where(a => a.Id == input.AccountId)
            .Select(a => new { a.Tier, Contacts = a.Contacts.Select(c => c.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Account", input.AccountId.Value);
        if (input.ContactId is { } contact && !account.Contacts.Any(c => c.Value == contact))
        {
            throw RequestValidationException.For("contactId", FieldErrorCodes.UnknownReference, "The contact is not one of the account's contacts.");
        }

        var (sla, programme) = await SlaPolicies.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        var level = programme.First(l => l.Tier == account.Tier);
        var number = await db.NextComplaintNumberAsync(cancellationToken).ConfigureAwait(false);
        var complaint = Complaint.File(
            Complaint.FormatReference(now.Year, number),
            new ComplaintIntake(input.AccountId, input.ContactId, input.Channel, input.Category, input.Severity, input.Subject, input.Description, input.RequestedRemedy, input.ReceivedAt ?? now),
            account.Tier,
            sla.TargetsFor(level, input.Severity),
            sla.Calendar,
            user.UserId,
            now);

        // A complaint received days ago may file with SLA steps already due (at risk, breached, twice over): they are
        // taken now, with their notices, in the same transaction, rather than by the next scan a minute later.
        var steps = complaint.Escalate(now);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (steps.Count > 0)
        {
            var staff = await EscalationNotices.StaffAsync(db, cancellationToken).ConfigureAwait(false);
            await reminders.NotifyAsync([.. EscalationNotices.For(complaint, steps, staff)], now, cancellationToken).ConfigureAwait(false);
        }
        return await db.ToDtoAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
