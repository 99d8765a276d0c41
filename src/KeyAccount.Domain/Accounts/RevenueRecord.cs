using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Accounts;

/// <summary>One account's revenue for one calendar month, as the ERP reports it (upserted by account + month).</summary>
public sealed class RevenueRecord
{
    private RevenueRecord()
    {
        Currency = string.Empty;
    }

    public AccountId AccountId { get; private set; }

    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Revenue { get; private set; }

    public decimal GrossProfit { get; private set; }

    public int OrderCount { get; private set; }

    public string Currency { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RevenueRecord Create(AccountId accountId, DateOnly month, decimal revenue, decimal grossProfit, int orderCount, string currency, DateTimeOffset now)
    {
        var problems = Check(month, revenue, grossProfit, orderCount, currency);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Message)));
        }

        return new RevenueRecord
        {
            AccountId = accountId,
            Month = new DateOnly(month.Year, month.Month, 1),
            Revenue = revenue,
            GrossProfit = grossProfit,
            OrderCount = orderCount,
            Currency = currency,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The rules of one revenue row, as the broken rules (each names its field): revenue and order count are never
    /// negative (credit notes are netted by the ERP), gross profit cannot exceed revenue, the month is not in the
    /// future and the currency is an ISO 4217 code.
    /// </summary>
    public static IReadOnlyList<IBusinessRule> Check(DateOnly month, decimal revenue, decimal grossProfit, int orderCount, string? currency, DateOnly? today = null)
    {
        IBusinessRule[] rules =
        [
            new RevenueCannotBeNegativeRule(revenue),
            new AmountMustFitMoneyPrecisionRule(revenue, "revenue"),
            new AmountMustFitMoneyPrecisionRule(grossProfit, "grossProfit"),
            new GrossProfitCannotExceedRevenueRule(revenue, grossProfit),
            new OrderCountCannotBeNegativeRule(orderCount),
            new RevenueMonthMustBeInRangeRule(month, today),
            new CurrencyMustBeAnIsoCodeRule(currency),
        ];
        return [.. rules.Where(r => r.IsBroken())];
    }
}

[RuleCode("revenue-negative")]
public sealed class RevenueCannotBeNegativeRule(decimal revenue) : IBusinessRule
{
    public bool IsBroken() => revenue < 0;

    public string Message => "Revenue cannot be negative.";

    public string? Field => "revenue";
}

[RuleCode("gross-profit-exceeds-revenue")]
public sealed class GrossProfitCannotExceedRevenueRule(decimal revenue, decimal grossProfit) : IBusinessRule
{
    public bool IsBroken() => grossProfit > revenue;

    public string Message => "Gross profit cannot exceed revenue.";

    public string? Field => "grossProfit";
}

[RuleCode("order-count-negative")]
public sealed class OrderCountCannotBeNegativeRule(int orderCount) : IBusinessRule
{
    public bool IsBroken() => orderCount < 0;

    public string Message => "Order count cannot be negative.";

    public string? Field => "orderCount";
}

[RuleCode("revenue-month-out-of-range")]
public sealed class RevenueMonthMustBeInRangeRule(DateOnly month, DateOnly? today) : IBusinessRule
{
    public bool IsBroken() => month.Year < 1990 || (today is { } t && new DateOnly(month.Year, month.Month, 1) > new DateOnly(t.Year, t.Month, 1));

    public string Message => "Month must be between 1990-01 and the current month.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["min"] = "1990-01" };

    public string? Field => "month";
}

[RuleCode("invalid-currency")]
public sealed class CurrencyMustBeAnIsoCodeRule(string? currency) : IBusinessRule
{
    public bool IsBroken() => !Money.IsCurrencyCode(currency);

    public string Message => "Currency must be a three-letter upper-case ISO 4217 code.";

    public string? Field => "currency";
}
