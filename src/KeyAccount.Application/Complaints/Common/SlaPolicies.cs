using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Tiering;
using Microsoft.EntityFrameworkCore;
using Severity = KeyAccount.Domain.Complaints.Severity;

namespace KeyAccount.Application.Complaints.Common;

/// <summary>The SLA policy in force with the published service programme it scales, read once for filing, reading and changing it.</summary>
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
