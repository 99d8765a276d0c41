using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Domain.Common;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace KeyAccount.Application.Interactions.Common;

/// <summary>A logged interaction with the customer.</summary>
public sealed record InteractionDto
{
    /// <summary>Interaction id.</summary>
    public InteractionId Id { get; init; }

    /// <summary>The account.</summary>
    public AccountId AccountId { get; init; }

    /// <summary>Kind of interaction.</summary>
    public InteractionType Type { get; init; }

    /// <summary>When it took place (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>What was discussed.</summary>
    /// <example>季度业务回顾：讨论2027年产能扩张计划</example>
    public required string Summary { get; init; }

    /// <summary>Contacts of the account who took part.</summary>
    public required IReadOnlyList<Guid> ContactIds { get; init; }

    /// <summary>Agreed next step.</summary>
    /// <example>Send the revised quotation</example>
    public string? NextStep { get; init; }

    /// <summary>When the next step is due.</summary>
    public DateOnly? NextStepDue { get; init; }

    /// <summary>When the next step was marked done (UTC); null while it is open or when there is none.</summary>
    public DateTimeOffset? NextStepDoneAt { get; init; }

    /// <summary>Who marked the next step done.</summary>
    public UserId? NextStepDoneBy { get; init; }

    /// <summary>Who logged it.</summary>
    public UserId LoggedBy { get; init; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An interaction as sent when logging one.</summary>
public sealed record InteractionInput
{
    /// <summary>Kind of interaction.</summary>
    /// <example>Meeting</example>
    public required InteractionType Type { get; init; }

    /// <summary>When it took place (not more than a day in the future).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What was discussed (1–4000 characters).</summary>
    /// <example>季度业务回顾：讨论2027年产能扩张计划</example>
    [MaxLength(4000)]
    public required string Summary { get; init; }

    /// <summary>Contacts of the account who took part.</summary>
    [MaxLength(50)]
    public IReadOnlyList<ContactId> ContactIds { get; init; } = [];

    /// <summary>Agreed next step.</summary>
    /// <example>Send the revised quotation</example>
    [MaxLength(500)]
    public string? NextStep { get; init; }

    /// <summary>When the next step is due (requires a next step).</summary>
    public DateOnly? NextStepDue { get; init; }
}

public sealed class InteractionInputValidator : AbstractValidator<InteractionInput>
{
    public InteractionInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.OccurredAt).NotEmpty()
            .Must(t => t <= clock.GetUtcNow().AddDays(1) && t.Year >= 2000).WithErrorCode(FieldErrorCodes.DateOutOfRange)
            .WithMessage("An interaction must have happened (at most a day ahead, not before 2000).")
            .WithState(_ => new Dictionary<string, object?> { ["min"] = "2000-01-01", ["max"] = clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.ContactIds).NotNull().Must(c => c.Count <= 50).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage("At most 50 contacts.")
            .WithState(_ => new Dictionary<string, object?> { ["max"] = 50 });
        RuleFor(x => x.NextStep).MaximumLength(500);
        RuleFor(x => x.NextStep).NotEmpty().When(x => x.NextStepDue is not null).WithErrorCode(RuleCodeAttribute.Of(typeof(Domain.Accounts.NextStepDueNeedsANextStepRule))).WithMessage("A next-step due date needs a next step.");
    }
}

[Mapper]
public static partial class InteractionMapper
{
    public static partial IQueryable<InteractionDto> ProjectToDto(this IQueryable<Interaction> interactions);

    public static partial InteractionDto ToDto(this Interaction interaction);

    public static InteractionDetails ToDetails(this InteractionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new InteractionDetails(input.Type, input.OccurredAt.ToUniversalTime(), input.Summary, input.ContactIds, input.NextStep, input.NextStepDue);
    }
}
