using KeyAccount.Domain.Accounts;

namespace KeyAccount.Domain.Complaints;

/// <summary>What a complaint asks for when filed (ISO 10002: record it with the remedy the customer asks for).</summary>
public sealed record ComplaintIntake(
    AccountId AccountId,
    Guid? ContactId,
    ComplaintChannel Channel,
    ComplaintCategory Category,
    Severity Severity,
    string Subject,
    string Description,
    string? RequestedRemedy,
    DateTimeOffset ReceivedAt);
