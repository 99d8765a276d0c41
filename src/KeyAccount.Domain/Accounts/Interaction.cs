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

    /// <summary>When the next step was marked done; null while it is open (or there is none).</summary>
    public DateTimeOffset? NextStepDoneAt { get; private set; }

    /// <summary>Who marked the next step done.</summary>
    public UserId? NextStepDoneBy { get; private set; }

    public UserId LoggedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Where the open next step stands against <paramref name="today"/> (the business day, <see cref="Common.BusinessDay"/>):
    /// null when there is no dated next step or it is done.
    /// </summary>
    public Common.DueStatus? NextStepStatus(DateOnly today) =>
        NextStepDue is { } due && NextStepDoneAt is null ? Common.DueWindow.Classify(due, today) : null;

    /// <summary>
    /// Marks the next step done. Idempotent: a step already done stays as it was (first completion wins) and the call
    /// answers false. An interaction without a next step has nothing to complete (409).
    /// </summary>
    public bool CompleteNextStep(UserId by, DateTimeOffset now)
    {
        if (NextStep is null)
        {
            throw new Common.BusinessRuleViolationException(new InteractionHasNoNextStepRule());
        }

        if (NextStepDoneAt is not null)
        {
            return false;
        }

        // Whole microseconds, as PostgreSQL stores them: the first answer and every later one read the same instant.
        NextStepDoneAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        NextStepDoneBy = by;
        return true;
    }

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

/// <summary>Only a next step that was logged can be marked done.</summary>
[Common.RuleCode("no-next-step")]
public sealed class InteractionHasNoNextStepRule : Common.IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "This interaction has no next step to mark done.";

    public string? Field => "nextStep";
}
