using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.ReferenceData;

namespace KeyAccount.Application.ReferenceData.Common;

/// <summary>One entry of a managed list (an industry, a region or a segment).</summary>
/// <param name="Kind">Which list: Industry, Region or Segment.</param>
/// <param name="Code">The stable code accounts store and integrators send and receive (lower case).</param>
/// <param name="LabelZh">Simplified Chinese label.</param>
/// <param name="LabelEn">English label.</param>
/// <param name="SortOrder">Position in pickers, ascending.</param>
/// <param name="IsActive">False: kept on the accounts that have it, but no longer offered nor accepted for a new choice.</param>
/// <param name="UpdatedAt">When the entry last changed.</param>
/// <param name="Version">Concurrency version (also the ETag).</param>
public sealed record ReferenceItemDto(ReferenceKind Kind, string Code, string LabelZh, string LabelEn, int SortOrder, bool IsActive, DateTimeOffset UpdatedAt, uint Version)
{
    public static ReferenceItemDto From(ReferenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Kind, item.Code, item.LabelZh, item.LabelEn, item.SortOrder, item.IsActive, item.UpdatedAt, item.Version);
    }
}

/// <summary>An entry's labels, order and state (the code is given on creation and never changes).</summary>
public sealed record ReferenceItemFields
{
    /// <summary>Simplified Chinese label, 1–100 characters.</summary>
    /// <example>华东</example>
    [MaxLength(ReferenceItem.MaxLabelLength)]
    public string LabelZh { get; init; } = null!;

    /// <summary>English label, 1–100 characters.</summary>
    /// <example>East China</example>
    [MaxLength(ReferenceItem.MaxLabelLength)]
    public string LabelEn { get; init; } = null!;

    /// <summary>Position in pickers, ascending (0–100000); ties are ordered by label.</summary>
    /// <example>10</example>
    [Range(0, ReferenceItemRules.MaxSortOrder)]
    public int SortOrder { get; init; }

    /// <summary>Offered in pickers and accepted on accounts (default true). Deactivating keeps the value on the accounts that have it.</summary>
    /// <example>true</example>
    public bool IsActive { get; init; } = true;

    public ReferenceItemLabels ToLabels() => new(LabelZh, LabelEn, SortOrder, IsActive);
}

/// <summary>A new entry: its code and its fields.</summary>
public sealed record NewReferenceItem
{
    /// <summary>Stable code: letters, digits and single hyphens, at most 50 characters; stored in lower case (any case is accepted).</summary>
    /// <example>east-china</example>
    [MaxLength(ReferenceItem.MaxCodeLength)]
    public string Code { get; init; } = null!;

    /// <summary>Simplified Chinese label, 1–100 characters.</summary>
    /// <example>华东</example>
    [MaxLength(ReferenceItem.MaxLabelLength)]
    public string LabelZh { get; init; } = null!;

    /// <summary>English label, 1–100 characters.</summary>
    /// <example>East China</example>
    [MaxLength(ReferenceItem.MaxLabelLength)]
    public string LabelEn { get; init; } = null!;

    /// <summary>Position in pickers, ascending (0–100000).</summary>
    /// <example>10</example>
    [Range(0, ReferenceItemRules.MaxSortOrder)]
    public int SortOrder { get; init; }

    /// <summary>Offered in pickers and accepted on accounts (default true).</summary>
    /// <example>true</example>
    public bool IsActive { get; init; } = true;

    public ReferenceItemLabels ToLabels() => new(LabelZh, LabelEn, SortOrder, IsActive);
}

/// <summary>Label and order limits, shared by create and update.</summary>
internal static class ReferenceItemRules
{
    public const int MaxSortOrder = 100_000;
}

public sealed class ReferenceItemFieldsValidator : AbstractValidator<ReferenceItemFields>
{
    public ReferenceItemFieldsValidator()
    {
        RuleFor(x => x.LabelZh).NotEmpty().MaximumLength(ReferenceItem.MaxLabelLength);
        RuleFor(x => x.LabelEn).NotEmpty().MaximumLength(ReferenceItem.MaxLabelLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, ReferenceItemRules.MaxSortOrder);
    }
}

public sealed class NewReferenceItemValidator : AbstractValidator<NewReferenceItem>
{
    public NewReferenceItemValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(ReferenceItem.MaxCodeLength)
            .Must(c => ReferenceItem.IsValidCode(ReferenceItem.NormalizeCode(c))).When(x => !string.IsNullOrWhiteSpace(x.Code) && x.Code.Length <= ReferenceItem.MaxCodeLength)
            .WithErrorCode(FieldErrorCodes.InvalidFormat).WithMessage("A code has letters, digits and single hyphens between them (e.g. east-china).")
            .WithState(_ => new Dictionary<string, object?> { ["format"] = "code" });
        RuleFor(x => x.LabelZh).NotEmpty().MaximumLength(ReferenceItem.MaxLabelLength);
        RuleFor(x => x.LabelEn).NotEmpty().MaximumLength(ReferenceItem.MaxLabelLength);
        RuleFor(x => x.SortOrder).InclusiveBetween(0, ReferenceItemRules.MaxSortOrder);
    }
}
