using System.ComponentModel.DataAnnotations;
using KeyAccount.Domain.Accounts;
using Severity = KeyAccount.Domain.Complaints.Severity;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>Working hours of one weekday, local time of the calendar's zone ("24:00" is written "00:00").</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Start">Start, e.g. "09:00".</param>
/// <param name="End">End, e.g. "18:00".</param>
public sealed record WorkingHoursDto(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>The business calendar SLA clocks run on; <c>alwaysOpen</c> means 24×7 (the default).</summary>
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
