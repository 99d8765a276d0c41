using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>Who a campaign asks; an empty or absent list means "any". Named accounts are added to the filtered ones (alone when no account filter is set).</summary>
public sealed record AudienceInput
{
    /// <summary>Accounts of these tiers.</summary>
    /// <example>["Strategic", "Key"]</example>
    [MaxLength(Audience.MaxValues)]
    public IReadOnlyList<Tier>? Tiers { get; init; }

    /// <summary>Accounts of these segments: codes of the Segment list (GET /api/v1/reference-data), any case.</summary>
    /// <example>["enterprise"]</example>
    [MaxLength(Audience.MaxValues), ItemMaxLength(Audience.MaxValueLength)]
    public IReadOnlyList<string>? Segments { get; init; }

    /// <summary>Accounts of these industries: codes of the Industry list, any case.</summary>
    /// <example>["manufacturing"]</example>
    [MaxLength(Audience.MaxValues), ItemMaxLength(Audience.MaxValueLength)]
    public IReadOnlyList<string>? Industries { get; init; }

    /// <summary>Accounts of these regions: codes of the Region list, any case.</summary>
    /// <example>["east-china"]</example>
    [MaxLength(Audience.MaxValues), ItemMaxLength(Audience.MaxValueLength)]
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>These accounts too (at most 500), whatever the filters.</summary>
    [MaxLength(Audience.MaxAccounts)]
    public IReadOnlyList<AccountId>? AccountIds { get; init; }

    /// <summary>Only contacts with these buying roles.</summary>
    /// <example>["DecisionMaker", "Influencer"]</example>
    [MaxLength(Audience.MaxValues)]
    public IReadOnlyList<BuyingRole>? BuyingRoles { get; init; }

    public Audience ToAudience() => new()
    {
        Tiers = Tiers ?? [],
        Segments = Segments ?? [],
        Industries = Industries ?? [],
        Regions = Regions ?? [],
        AccountIds = AccountIds ?? [],
        BuyingRoles = BuyingRoles ?? [],
    };
}

/// <summary>A campaign's settings: the body of its create and of the edit of a draft (the whole document).</summary>
public sealed record SurveyCampaignInput
{
    /// <summary>What the campaign is called (1–200 characters).</summary>
    /// <example>2027 上半年客户满意度调查</example>
    [MaxLength(SurveyCampaign.NameMaxLength)]
    public required string Name { get; init; }

    /// <summary>The template version asked: a Published one (409 `survey-template-not-published` on `templateId` otherwise).</summary>
    public required SurveyTemplateId TemplateId { get; init; }

    /// <summary>Who is asked; absent: every active account's contacts.</summary>
    public AudienceInput? Audience { get; init; }

    /// <summary>At most this many contacts per account, picked by buying role (DecisionMaker, Champion, Influencer, User, Gatekeeper, then name); 1–50, default 3.</summary>
    /// <example>3</example>
    [Range(SurveyCampaign.MinPerAccountCap, SurveyCampaign.MaxPerAccountCap)]
    public int? PerAccountCap { get; init; }

    /// <summary>When it opens (any offset; stored as the instant).</summary>
    /// <example>2027-03-01T09:00:00+08:00</example>
    public required DateTimeOffset OpensAt { get; init; }

    /// <summary>When it closes: after `opensAt` (a 400 on `closesAt` otherwise).</summary>
    /// <example>2027-03-31T18:00:00+08:00</example>
    public required DateTimeOffset ClosesAt { get; init; }

    /// <summary>Days after sending when non-respondents are reminded (1–30, default 5).</summary>
    /// <example>5</example>
    [Range(SurveyCampaign.MinReminderAfterDays, SurveyCampaign.MaxReminderAfterDays)]
    public int? ReminderAfterDays { get; init; }

    /// <summary>`TwiceYearly` (default: the next campaign is scheduled six months later when this one closes) or `None`.</summary>
    public SurveyRecurrence? Recurrence { get; init; }

    /// <summary>The invitations' language: `zh-CN` (default) or `en`.</summary>
    /// <example>zh-CN</example>
    [MaxLength(5), AllowedValues(SurveyCampaign.Chinese, SurveyCampaign.English, null)]
    public string? DefaultLanguage { get; init; }

    public SurveyCampaignSettings ToSettings() => new(
        Name,
        TemplateId,
        (Audience ?? new AudienceInput()).ToAudience(),
        PerAccountCap ?? SurveyCampaign.DefaultPerAccountCap,
        OpensAt,
        ClosesAt,
        ReminderAfterDays ?? SurveyCampaign.DefaultReminderAfterDays,
        Recurrence ?? SurveyRecurrence.TwiceYearly,
        DefaultLanguage ?? SurveyCampaign.Chinese);
}

/// <summary>An audience to preview before the campaign exists.</summary>
public sealed record AudiencePreviewInput
{
    /// <summary>Who would be asked; absent: every active account's contacts.</summary>
    public AudienceInput? Audience { get; init; }

    /// <summary>At most this many contacts per account (1–50, default 3).</summary>
    /// <example>3</example>
    [Range(SurveyCampaign.MinPerAccountCap, SurveyCampaign.MaxPerAccountCap)]
    public int? PerAccountCap { get; init; }
}

public sealed class AudienceInputValidator : AbstractValidator<AudienceInput>
{
    public AudienceInputValidator()
    {
        RuleFor(x => x.Tiers).Must(l => l is null || l.Count <= Audience.MaxValues).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxValues} values.");
        RuleForEach(x => x.Tiers).IsInEnum();
        RuleFor(x => x.BuyingRoles).Must(l => l is null || l.Count <= Audience.MaxValues).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxValues} values.");
        RuleForEach(x => x.BuyingRoles).IsInEnum();
        RuleFor(x => x.Segments).Must(l => l is null || l.Count <= Audience.MaxValues).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxValues} values.");
        RuleForEach(x => x.Segments).NotNull().MaximumLength(Audience.MaxValueLength);
        RuleFor(x => x.Industries).Must(l => l is null || l.Count <= Audience.MaxValues).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxValues} values.");
        RuleForEach(x => x.Industries).NotNull().MaximumLength(Audience.MaxValueLength);
        RuleFor(x => x.Regions).Must(l => l is null || l.Count <= Audience.MaxValues).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxValues} values.");
        RuleForEach(x => x.Regions).NotNull().MaximumLength(Audience.MaxValueLength);

        RuleFor(x => x.AccountIds).Must(l => l is null || l.Count <= Audience.MaxAccounts).WithErrorCode(FieldErrorCodes.TooManyItems).WithMessage($"At most {Audience.MaxAccounts} accounts.");
        RuleForEach(x => x.AccountIds).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("An account id.");
    }
}

public sealed class SurveyCampaignInputValidator : AbstractValidator<SurveyCampaignInput>
{
    public SurveyCampaignInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode(FieldErrorCodes.Required).WithMessage("A campaign has a name.")
            .MaximumLength(SurveyCampaign.NameMaxLength);
        RuleFor(x => x.TemplateId).Must(id => id.Value != Guid.Empty).WithErrorCode(FieldErrorCodes.Required).WithMessage("templateId is required.");
        RuleFor(x => x.PerAccountCap).Must(c => c is null || SurveyCampaign.IsValidCap(c.Value)).WithErrorCode(FieldErrorCodes.OutOfRange)
            .WithMessage($"The per-account cap is {SurveyCampaign.MinPerAccountCap} to {SurveyCampaign.MaxPerAccountCap}.");
        RuleFor(x => x.ReminderAfterDays).Must(SurveyCampaign.IsValidReminder).WithErrorCode(FieldErrorCodes.OutOfRange)
            .WithMessage($"A reminder comes {SurveyCampaign.MinReminderAfterDays} to {SurveyCampaign.MaxReminderAfterDays} days after sending.");
        RuleFor(x => x.Recurrence).IsInEnum();
        RuleFor(x => x.DefaultLanguage).Must(l => l is null || SurveyCampaign.IsValidLanguage(l)).WithErrorCode(FieldErrorCodes.InvalidValue).WithMessage("zh-CN or en.");

        // The dates rule's home is the domain (SurveyCampaign.ClosesAfterOpens); here it answers as a 400 on the field.
        RuleFor(x => x.ClosesAt).Must((x, closes) => SurveyCampaign.ClosesAfterOpens(x.OpensAt, closes)).WithErrorCode(FieldErrorCodes.NotAfter)
            .WithMessage("A campaign closes after it opens.");
        RuleFor(x => x.Audience!).SetValidator(new AudienceInputValidator()).When(x => x.Audience is not null);
    }
}

public sealed class AudiencePreviewInputValidator : AbstractValidator<AudiencePreviewInput>
{
    public AudiencePreviewInputValidator()
    {
        RuleFor(x => x.PerAccountCap).Must(c => c is null || SurveyCampaign.IsValidCap(c.Value)).WithErrorCode(FieldErrorCodes.OutOfRange)
            .WithMessage($"The per-account cap is {SurveyCampaign.MinPerAccountCap} to {SurveyCampaign.MaxPerAccountCap}.");
        RuleFor(x => x.Audience!).SetValidator(new AudienceInputValidator()).When(x => x.Audience is not null);
    }
}
