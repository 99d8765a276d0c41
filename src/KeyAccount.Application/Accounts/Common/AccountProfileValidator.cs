using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Domain.Common;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>Field rules of an account profile; the SPA's form mirrors them.</summary>
public sealed class AccountProfileValidator : AbstractValidator<AccountProfileInput>
{
    public AccountProfileValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.RegistrationNumber).NotEmpty().MaximumLength(50)
            .Matches(@"^\s*[A-Za-z0-9][A-Za-z0-9 ./-]*$").WithErrorCode(FieldErrorCodes.InvalidFormat).WithMessage("Registration number may contain letters, digits, spaces, '.', '/' and '-'.");
        RuleFor(x => x.Industry).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Region).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Segment).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.StrategicFit).InclusiveBetween(1, 5).When(x => x.StrategicFit is not null);
        RuleFor(x => x.PotentialAnnualRevenue!).SetValidator(new MoneyValidator()).When(x => x.PotentialAnnualRevenue is not null);
        RuleFor(x => x.FirstContractDate).Must(d => d!.Value.Year >= 1900 && d.Value <= DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)))
            .When(x => x.FirstContractDate is not null).WithErrorCode(FieldErrorCodes.DateOutOfRange).WithMessage("First-contract date must be between 1900 and one year from now.")
            .WithState(_ => new Dictionary<string, object?> { ["min"] = "1900-01-01", ["max"] = DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }
}

public sealed class MoneyValidator : AbstractValidator<MoneyDto>
{
    public MoneyValidator()
    {
        RuleFor(x => x.Amount).GreaterThanOrEqualTo(0)
            .Must(Money.FitsPrecision).WithErrorCode(FieldErrorCodes.PrecisionExceeded)
            .WithMessage($"An amount has at most {Money.IntegerDigits} digits before the decimal point and {Money.Scale} after it.");
        RuleFor(x => x.Currency).NotEmpty().Length(3).Matches("^[A-Z]{3}$").WithErrorCode(RuleCodeAttribute.Of(typeof(Domain.Accounts.CurrencyMustBeAnIsoCodeRule))).WithMessage("Currency must be a three-letter upper-case ISO 4217 code.");
    }
}
