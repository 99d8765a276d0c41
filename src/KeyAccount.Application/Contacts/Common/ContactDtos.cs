using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using Riok.Mapperly.Abstractions;

namespace KeyAccount.Application.Contacts.Common;

/// <summary>A contact at the customer, with their place in the decision chain.</summary>
public sealed record ContactDto
{
    /// <summary>Contact id.</summary>
    public ContactId Id { get; init; }

    /// <summary>The account.</summary>
    public AccountId AccountId { get; init; }

    /// <summary>Full name.</summary>
    /// <example>王芳</example>
    public required string Name { get; init; }

    /// <summary>Job title.</summary>
    /// <example>采购总监</example>
    public string? Title { get; init; }

    /// <summary>Department.</summary>
    /// <example>Procurement</example>
    public string? Department { get; init; }

    /// <summary>Email address.</summary>
    /// <example>wang.fang@example.cn</example>
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    /// <example>+86 21 5555 0101</example>
    public string? Phone { get; init; }

    /// <summary>Birthday (for reminders).</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>Role in the buying decision.</summary>
    public BuyingRole BuyingRole { get; init; }

    /// <summary>Attitude towards us.</summary>
    public Attitude Attitude { get; init; }

    /// <summary>The contact this one reports to (org chart).</summary>
    public ContactId? ReportsToId { get; init; }

    /// <summary>Our relationship level with the contact today.</summary>
    public RelationshipLevel RelationshipLevel { get; init; }

    /// <summary>The relationship level we aim for.</summary>
    public RelationshipLevel TargetRelationshipLevel { get; init; }

    /// <summary>
    /// This contact's gaps in the decision chain, as the domain decides them: BelowTargetRelationship (the relationship
    /// level is below its target), NegativeDecisionMaker (a decision maker who is a non-supporter or an opponent).
    /// Empty when there is none.
    /// </summary>
    public IReadOnlyList<ContactGap> Gaps => Contact.FindGaps(BuyingRole, Attitude, RelationshipLevel, TargetRelationshipLevel);
}

/// <summary>A contact as sent on create and update.</summary>
public sealed record ContactInput
{
    /// <summary>Full name (1–200 characters).</summary>
    /// <example>王芳</example>
    [MaxLength(200)]
    public required string Name { get; init; }

    /// <summary>Job title.</summary>
    /// <example>采购总监</example>
    [MaxLength(200)]
    public string? Title { get; init; }

    /// <summary>Department.</summary>
    /// <example>Procurement</example>
    [MaxLength(200)]
    public string? Department { get; init; }

    /// <summary>Email address.</summary>
    /// <example>wang.fang@example.cn</example>
    [MaxLength(254)]
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    /// <example>+86 21 5555 0101</example>
    [MaxLength(50)]
    public string? Phone { get; init; }

    /// <summary>Birthday.</summary>
    /// <example>1982-06-15</example>
    public DateOnly? Birthday { get; init; }

    /// <summary>Role in the buying decision.</summary>
    /// <example>DecisionMaker</example>
    public required BuyingRole BuyingRole { get; init; }

    /// <summary>Attitude towards us.</summary>
    /// <example>Supporter</example>
    public required Attitude Attitude { get; init; }

    /// <summary>Another contact of the same account this one reports to.</summary>
    public ContactId? ReportsToId { get; init; }

    /// <summary>Relationship level today.</summary>
    /// <example>CredibleSource</example>
    public required RelationshipLevel RelationshipLevel { get; init; }

    /// <summary>Relationship level we aim for.</summary>
    /// <example>TrustedAdvisor</example>
    public required RelationshipLevel TargetRelationshipLevel { get; init; }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Title).MaximumLength(200);
        RuleFor(x => x.Department).MaximumLength(200);
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Phone).MaximumLength(50).Matches(@"^[0-9+()\-. ]*$").WithErrorCode(FieldErrorCodes.InvalidFormat).WithMessage("Phone may contain digits, spaces and + ( ) - .")
            .WithState(_ => new Dictionary<string, object?> { ["format"] = "phone" });
        RuleFor(x => x.Birthday).Must(b => b!.Value.Year >= 1900 && b.Value <= DateOnly.FromDateTime(DateTime.UtcNow))
            .When(x => x.Birthday is not null).WithErrorCode(FieldErrorCodes.DateOutOfRange).WithMessage("Birthday must be between 1900 and today.")
            .WithState(_ => new Dictionary<string, object?> { ["min"] = "1900-01-01", ["max"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        RuleFor(x => x.BuyingRole).IsInEnum();
        RuleFor(x => x.Attitude).IsInEnum();
        RuleFor(x => x.RelationshipLevel).IsInEnum();
        RuleFor(x => x.TargetRelationshipLevel).IsInEnum();
    }
}

[Mapper]
public static partial class ContactMapper
{
    // Gaps is computed by the DTO from the mapped fields (the domain's Contact.FindGaps), not mapped.
    [MapperIgnoreTarget(nameof(ContactDto.Gaps))]
    public static partial ContactDto ToDto(this Contact contact);

    public static partial IQueryable<ContactDto> ProjectToDto(this IQueryable<Contact> contacts);

    public static ContactDetails ToDetails(this ContactInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ContactDetails(
            input.Name, input.Title, input.Department, input.Email, input.Phone, input.Birthday,
            input.BuyingRole, input.Attitude, input.ReportsToId, input.RelationshipLevel, input.TargetRelationshipLevel);
    }
}
