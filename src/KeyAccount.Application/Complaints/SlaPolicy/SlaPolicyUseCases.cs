using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Severity = KeyAccount.Domain.Complaints.Severity;

namespace KeyAccount.Application.Complaints.SlaPolicy;

/// <summary>Working hours of one weekday, local time of the calendar's zone ("24:00" is written "00:00").</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Start">Start, e.g. "09:00".</param>
/// <param name="End">End, e.g. "18:00".</param>
public sealed record WorkingHoursDto(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>The business calendar SLA clocks run on; <see cref="AlwaysOpen"/> means 24×7 (the default).</summary>
/// <param name="AlwaysOpen">24×7: every hour counts.</param>
/// <param name="TimeZone" example="Asia/Shanghai">IANA time zone, e.g. Asia/Shanghai.</param>
/// <param name="Hours">Working hours per weekday (none overlapping on a day).</param>
/// <param name="Holidays">Days on which no time counts.</param>
public sealed record BusinessCalendarDto(bool AlwaysOpen, [property: MaxLength(64)] string TimeZone, IReadOnlyList<WorkingHoursDto> Hours, IReadOnlyList<DateOnly> Holidays);

/// <summary>How one severity scales the tier's targets (percent).</summary>
/// <param name="Severity">The severity.</param>
/// <param name="FirstResponsePercent">Percent of the tier's first-response target, 5–500.</param>
/// <param name="ResolutionPercent">Percent of the tier's resolution target, 5–500.</param>
public sealed record SeverityScaleDto(Severity Severity, [property: Range(5, 500)] int FirstResponsePercent, [property: Range(5, 500)] int ResolutionPercent);

/// <summary>One cell of the resulting matrix.</summary>
/// <param name="Tier">The account's tier at intake.</param>
/// <param name="Severity">The complaint's severity.</param>
/// <param name="FirstResponseHours">First-response target, hours of the calendar's working time.</param>
/// <param name="ResolutionHours">Resolution target, hours of the calendar's working time.</param>
public sealed record SlaTargetCellDto(Tier Tier, Severity Severity, double FirstResponseHours, double ResolutionHours);

/// <summary>The SLA policy in force: severity scales, calendar, and the tier × severity matrix they give with the published service programme.</summary>
/// <param name="Number">Version number; 0 for the built-in default before any was saved.</param>
/// <param name="Severities">How each severity scales the tier's targets.</param>
/// <param name="Calendar">The business calendar the clocks run on.</param>
/// <param name="Matrix">The targets per tier and severity that complaints received now get.</param>
/// <param name="CreatedAt">When this version was saved (UTC); null for the built-in default.</param>
public sealed record SlaPolicyDto(int Number, IReadOnlyList<SeverityScaleDto> Severities, BusinessCalendarDto Calendar, IReadOnlyList<SlaTargetCellDto> Matrix, DateTimeOffset? CreatedAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }
}

/// <summary>A new version of the SLA policy.</summary>
public sealed record SlaPolicyInput
{
    /// <summary>One scale per severity.</summary>
    [MinLength(1), MaxLength(4)] // every severity once
    public IReadOnlyList<SeverityScaleDto> Severities { get; init; } = [];

    /// <summary>The business calendar; null for 24×7.</summary>
    public BusinessCalendarDto? Calendar { get; init; }
}

public sealed record GetSlaPolicyQuery : IQuery<SlaPolicyDto>;

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

internal static class SlaPolicies
{
    public static async Task<(Domain.Complaints.SlaPolicy Policy, IReadOnlyList<ServiceLevel> Programme)> CurrentAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.AsNoTracking().OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? Domain.Complaints.SlaPolicy.Default;
        var published = await db.TierPolicies.AsNoTracking().Where(p => p.Status == PolicyStatus.Published).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (policy, published?.Programme ?? TierPolicy.DefaultProgramme);
    }

    public static SlaPolicyDto ToDto(Domain.Complaints.SlaPolicy p, IReadOnlyList<ServiceLevel> programme)
    {
        var c = p.Calendar;
        return new SlaPolicyDto(
            p.Number,
            [.. p.Severities.Select(s => new SeverityScaleDto(s.Severity, s.FirstResponsePercent, s.ResolutionPercent))],
            new BusinessCalendarDto(c.AlwaysOpen, c.TimeZoneId, [.. c.Hours.Select(h => new WorkingHoursDto(h.Day, h.Start, h.End))], [.. c.Holidays.Order()]),
            [.. programme.SelectMany(level => Enum.GetValues<Severity>().Reverse().Select(severity =>
            {
                var t = p.TargetsFor(level, severity);
                return new SlaTargetCellDto(level.Tier, severity, t.FirstResponse.TotalHours, t.Resolution.TotalHours);
            }))],
            p.Number == 0 ? null : p.CreatedAt)
        {
            Version = p.Version,
        };
    }
}

public sealed class GetSlaPolicyHandler(IAppDbContext db) : IQueryHandler<GetSlaPolicyQuery, SlaPolicyDto>
{
    public async ValueTask<SlaPolicyDto> Handle(GetSlaPolicyQuery query, CancellationToken cancellationToken)
    {
        var (policy, programme) = await SlaPolicies.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        return SlaPolicies.ToDto(policy, programme);
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
