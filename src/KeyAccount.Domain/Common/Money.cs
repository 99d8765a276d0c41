namespace KeyAccount.Domain.Common;

/// <summary>An amount in one ISO 4217 currency, with decimal precision.</summary>
public sealed record Money
{
    /// <summary>Digits before the decimal point an amount may have (the columns are numeric(20, 2)).</summary>
    public const int IntegerDigits = 18;

    /// <summary>Decimals an amount may have.</summary>
    public const int Scale = 2;

    /// <summary>Total digits of a stored amount.</summary>
    public const int Precision = IntegerDigits + Scale;

    public Money(decimal amount, string currency)
    {
        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException("Currency must be a three-letter upper-case ISO 4217 code.", nameof(currency));
        }

        if (!FitsPrecision(amount))
        {
            throw new ArgumentException($"An amount has at most {IntegerDigits} digits before the point and {Scale} after it.", nameof(amount));
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static bool IsCurrencyCode(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    /// <summary>Whether <paramref name="amount"/> is stored exactly: at most <see cref="IntegerDigits"/> digits before the point and <see cref="Scale"/> after.</summary>
    public static bool FitsPrecision(decimal amount) =>
        decimal.Round(amount, Scale) == amount && Math.Abs(decimal.Truncate(amount)) < IntegerLimit;

    private static readonly decimal IntegerLimit = 1_000_000_000_000_000_000m;
}

/// <summary>An amount is stored exactly or refused: never rounded or overflowing its column.</summary>
[RuleCode("precision-exceeded")]
public sealed class AmountMustFitMoneyPrecisionRule(decimal amount, string fieldName) : IBusinessRule
{
    public bool IsBroken() => !Money.FitsPrecision(amount);

    public string Message => $"An amount has at most {Money.IntegerDigits} digits before the decimal point and {Money.Scale} after it.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["integerDigits"] = Money.IntegerDigits, ["scale"] = Money.Scale };

    public string? Field => fieldName;
}
