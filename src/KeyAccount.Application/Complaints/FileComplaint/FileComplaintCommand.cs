using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Application.Complaints.SlaPolicy;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.FileComplaint;

/// <summary>Files a complaint; with an <paramref name="IdempotencyKey"/>, a replay returns the first complaint.</summary>
public sealed record FileComplaintCommand(ComplaintIntakeInput Input, string? IdempotencyKey) : ICommand<ComplaintDto>;

public sealed class FileComplaintValidator : AbstractValidator<FileComplaintCommand>
{
    public FileComplaintValidator()
    {
        RuleFor(x => x.Input).NotNull().SetValidator(new ComplaintIntakeInputValidator()).OverridePropertyName(string.Empty);
        RuleFor(x => x.IdempotencyKey).MaximumLength(200).OverridePropertyName("Idempotency-Key");
    }
}

/// <summary>
/// The SLA targets come from the account's tier in the published policy's service programme (the design's table when
/// none is published), scaled by severity in the current <see cref="Domain.Complaints.SlaPolicy"/>, whose business calendar the clocks
/// run on; both are copied onto the complaint, so a later policy change applies to complaints received after it.
/// </summary>
public sealed class FileComplaintHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FileComplaintCommand, ComplaintDto>
{
    private const string Operation = "complaints.create";

    public async ValueTask<ComplaintDto> Handle(FileComplaintCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var scope = $"{user.UserId?.Value.ToString() ?? "anonymous"}:{Operation}";
        if (command.IdempotencyKey is { Length: > 0 } key && await ReplayAsync(scope, key, now, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var input = command.Input;
        var account = await db.Accounts.VisibleTo(user).Where(a => a.Id == input.AccountId)
            .Select(a => new { a.Tier, Contacts = a.Contacts.Select(c => c.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Invalid("accountId", "No such account.");
        if (input.ContactId is { } contact && !account.Contacts.Any(c => c.Value == contact))
        {
            throw Invalid("contactId", "The contact is not one of the account's contacts.");
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
        db.Complaints.Add(complaint);
        if (command.IdempotencyKey is { Length: > 0 } k)
        {
            db.IdempotencyKeys.Add(new IdempotencyKey(scope, k, "complaint", complaint.Id.Value, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException e) when (e.Field == "Idempotency-Key" && command.IdempotencyKey is { } raced)
        {
            // The same key was committed by a concurrent request: answer with its complaint.
            db.Complaints.Remove(complaint);
            var first = await ReplayAsync(scope, raced, now, cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                throw;
            }

            return first;
        }

        return await db.ToDtoAsync(complaint, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ComplaintDto?> ReplayAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await db.IdempotencyKeys.AsNoTracking().Where(k => k.Scope == scope && k.Key == key).Select(k => (Guid?)k.ResourceId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (first is not { } id)
        {
            return null;
        }

        var complaint = await db.LoadComplaintAsync(new ComplaintId(id), user, null, cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(complaint, now, cancellationToken).ConfigureAwait(false);
    }

    private static RequestValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
