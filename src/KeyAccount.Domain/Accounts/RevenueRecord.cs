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
    /// The rules of one revenue row, as (field, message) pairs: revenue and order count are never negative
    /// (credit notes are netted by the ERP), gross profit cannot exceed revenue, the month is not in the future
    /// and the currency is an ISO 4217 code.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(DateOnly month, decimal revenue, decimal grossProfit, int orderCount, string? currency, DateOnly? today = null)
    {
        var problems = new List<(string, string)>();
        if (revenue < 0)
        {
            problems.Add(("revenue", "Revenue cannot be negative."));
        }

        if (grossProfit > revenue)
        {
            problems.Add(("grossProfit", "Gross profit cannot exceed revenue."));
        }

        if (orderCount < 0)
        {
            problems.Add(("orderCount", "Order count cannot be negative."));
        }

        if (month.Year < 1990 || (today is { } t && new DateOnly(month.Year, month.Month, 1) > new DateOnly(t.Year, t.Month, 1)))
        {
            problems.Add(("month", "Month must be between 1990-01 and the current month."));
        }

        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add(("currency", "Currency must be a three-letter upper-case ISO 4217 code."));
        }

        return problems;
    }
}
