using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("unknown-time-zone")]
public sealed class CalendarZoneMustBeKnown(string? id, TimeZoneInfo? zone) : IBusinessRule
{
    public bool IsBroken() => zone is null;

    public string Message => $"'{id}' is not a known IANA time zone (e.g. Asia/Shanghai).";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["timeZone"] = id };

    public string? Field => "timeZone";
}
