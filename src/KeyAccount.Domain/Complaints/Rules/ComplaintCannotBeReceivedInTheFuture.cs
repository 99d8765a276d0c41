using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Complaints;

[RuleCode("complaint-received-in-future")]
public sealed class ComplaintCannotBeReceivedInTheFuture(DateTimeOffset receivedAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => receivedAt > now.AddMinutes(5);

    public string Message => "A complaint cannot be received in the future.";

    public string? Field => "receivedAt";
}
