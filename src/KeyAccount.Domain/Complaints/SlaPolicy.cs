using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Complaints;

public readonly record struct SlaPolicyId(Guid Value) : ITypedId<SlaPolicyId>
{
    public static SlaPolicyId New() => new(Guid.CreateVersion7());

    public static SlaPolicyId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>How a severity scales the tier's targets, in percent of the tier's first-response and resolution targets.</summary>
public sealed record SeverityScale(Severity Severity, int FirstResponsePercent, int ResolutionPercent);

/// <summary>
/// The complaint SLA policy (design §1.5), versioned: each change is a new version, and complaints copy their targets
/// at intake, so a change applies to complaints received after it. Each number has one home: the per-tier targets
/// are the tier's service programme (the tier policy), this policy holds how severity scales them and the business
/// calendar the clocks run on.
/// </summary>
public sealed class SlaPolicy : AggregateRoot
{
    private readonly List<SeverityScale> _severities = [];

    private SlaPolicy()
    {
    }

    public SlaPolicyId Id { get; private set; }

    public int Number { get; private set; }

    public IReadOnlyList<SeverityScale> Severities => _severities;

    public BusinessCalendar Calendar { get; private set; } = BusinessCalendar.TwentyFourSeven;

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId? CreatedBy { get; private set; }

    /// <summary>Critical halves the tier's targets and High takes 75 %: Strategic 4 h / 48 h → Critical 2 h / 1 day, the design's example.</summary>
    public static IReadOnlyList<SeverityScale> DefaultSeverities { get; } =
    [
        new(Severity.Critical, 50, 50),
        new(Severity.High, 75, 75),
        new(Severity.Medium, 100, 100),
        new(Severity.Low, 100, 100),
    ];

    /// <summary>The policy in force before anybody saved one.</summary>
    public static SlaPolicy Default { get; } = BuildDefault();

    public static SlaPolicy Create(int number, IReadOnlyList<SeverityScale> severities, BusinessCalendar calendar, IReadOnlyList<ServiceLevel> programme, UserId? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(severities);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(programme);
        CheckRule(new EverySeverityOnceRule(severities));
        CheckRule(new SeverityPercentsInRangeRule(severities));
        var policy = new SlaPolicy { Id = SlaPolicyId.New(), Number = number, Calendar = calendar, CreatedAt = now, CreatedBy = by };
        policy._severities.AddRange(severities.OrderByDescending(s => s.Severity));
        foreach (var level in programme)
        {
            foreach (var scale in policy._severities)
            {
                var t = Scale(level, scale);
                CheckRule(new ScaledResolutionMustNotBeShorterThanFirstResponse(level.Tier, scale.Severity, t.FirstResponse, t.Resolution));
            }
        }

        return policy;
    }

    /// <summary>The targets of a complaint of <paramref name="severity"/> on an account whose tier has <paramref name="level"/>.</summary>
    public SlaTargets TargetsFor(ServiceLevel level, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(level);
        var t = Scale(level, _severities.First(s => s.Severity == severity));
        return SlaTargets.Create(t.FirstResponse, t.Resolution);
    }

    private static SlaPolicy BuildDefault()
    {
        var policy = new SlaPolicy { Number = 0, Calendar = BusinessCalendar.TwentyFourSeven, CreatedAt = DateTimeOffset.UnixEpoch };
        policy._severities.AddRange(DefaultSeverities);
        return policy;
    }

    private static (TimeSpan FirstResponse, TimeSpan Resolution) Scale(ServiceLevel level, SeverityScale scale) =>
        (TimeSpan.FromMinutes(level.FirstResponseHours * 60d * scale.FirstResponsePercent / 100d),
         TimeSpan.FromMinutes(level.ResolutionHours * 60d * scale.ResolutionPercent / 100d));
}
