using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

/// <summary>A call, meeting, visit, email or event with the customer; proves the contact cadence.</summary>
public sealed class Interaction
{
    private Interaction()
    {
        Summary = string.Empty;
        ContactIds = [];
    }

    public InteractionId Id { get; private set; }

    public AccountId AccountId { get; private set; }

    public InteractionType Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Summary { get; private set; }

    public List<Guid> ContactIds { get; private set; }

    public string? NextStep { get; private set; }

    public DateOnly? NextStepDue { get; private set; }

    public UserId LoggedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    internal static Interaction Create(AccountId accountId, InteractionDetails details, UserId loggedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Summary);
        if (details.NextStepDue is not null && string.IsNullOrWhiteSpace(details.NextStep))
        {
            throw new Common.BusinessRuleViolationException(new NextStepDueNeedsANextStepRule());
        }

        return new Interaction
        {
            Id = InteractionId.New(),
            AccountId = accountId,
            Type = details.Type,
            OccurredAt = details.OccurredAt,
            Summary = details.Summary.Trim(),
            ContactIds = [.. details.ContactIds.Select(c => c.Value).Distinct()],
            NextStep = string.IsNullOrWhiteSpace(details.NextStep) ? null : details.NextStep.Trim(),
            NextStepDue = details.NextStepDue,
            LoggedBy = loggedBy,
            CreatedAt = now,
        };
    }
}

public sealed record InteractionDetails(
    InteractionType Type,
    DateTimeOffset OccurredAt,
    string Summary,
    IReadOnlyCollection<ContactId> ContactIds,
    string? NextStep,
    DateOnly? NextStepDue);

[Common.RuleCode("next-step-required")]
public sealed class NextStepDueNeedsANextStepRule : Common.IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "A next-step due date needs a next step.";

    public string? Field => "nextStep";
}
