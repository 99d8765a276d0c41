using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.UpdateSlaPolicy;

/// <summary>A new version of the SLA policy.</summary>
public sealed record SlaPolicyInput
{
    /// <summary>One scale per severity.</summary>
    [MinLength(1), MaxLength(4)] // every severity once
    public IReadOnlyList<SeverityScaleDto> Severities { get; init; } = [];

    /// <summary>The business calendar; null for 24×7.</summary>
    public BusinessCalendarDto? Calendar { get; init; }
}

public sealed record UpdateSlaPolicyCommand(SlaPolicyInput Input, uint ExpectedVersion) : ICommand<SlaPolicyDto>;

public sealed class UpdateSlaPolicyValidator : AbstractValidator<UpdateSlaPolicyCommand>
{
    /// <summary>Three years of every day off is more than any calendar holds, and leaves the clocks working time to count.</summary>
    public const int MaxHolidays = 1000;

    public const int MaxWorkingPeriods = 70;

    public UpdateSlaPolicyValidator()
    {
        RuleFor(x => x.Input.Severities).NotEmpty().OverridePropertyName("severities");
        RuleForEach(x => x.Input.Severities).ChildRules(s =>
        {
            s.RuleFor(x => x.Severity).IsInEnum();
            s.RuleFor(x => x.FirstResponsePercent).InclusiveBetween(5, 500);
            s.RuleFor(x => x.ResolutionPercent).InclusiveBetween(5, 500);
        }).OverridePropertyName("severities");
        When(x => x.Input.Calendar is { AlwaysOpen: false }, () =>
        {
            RuleFor(x => x.Input.Calendar!.TimeZone).NotEmpty().OverridePropertyName("calendar.timeZone");
            RuleFor(x => x.Input.Calendar!.Hours).NotEmpty().Must(h => h.Count <= MaxWorkingPeriods)
                .WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {MaxWorkingPeriods} working periods.").OverridePropertyName("calendar.hours");
            RuleFor(x => x.Input.Calendar!.Holidays).NotNull().Must(h => h.Count <= MaxHolidays)
                .WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {MaxHolidays} holidays.").OverridePropertyName("calendar.holidays");
        });
    }
}

/// <summary>Saves a new version; complaints received from now on use it, those already open keep their targets.</summary>
public sealed class UpdateSlaPolicyHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateSlaPolicyCommand, SlaPolicyDto>
{
    public async ValueTask<SlaPolicyDto> Handle(UpdateSlaPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (current, programme) = await SlaPolicies.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        if (current.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException("The SLA policy was changed by someone else since you read it. Reload it and apply your change again.");
        }

        var input = command.Input;
        var calendar = input.Calendar is null or { AlwaysOpen: true }
            ? BusinessCalendar.TwentyFourSeven
            : BusinessCalendar.Create(input.Calendar.TimeZone, [.. input.Calendar.Hours.Select(h => new WorkingHours(h.Day, h.Start, h.End))], input.Calendar.Holidays);
        var policy = Domain.Complaints.SlaPolicy.Create(
            current.Number + 1,
            [.. input.Severities.Select(s => new SeverityScale(s.Severity, s.FirstResponsePercent, s.ResolutionPercent))],
            calendar,
            programme,
            user.UserId,
            clock.GetUtcNow());
        db.SlaPolicies.Add(policy);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return SlaPolicies.ToDto(policy, programme);
    }
}
