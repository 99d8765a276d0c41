using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Domain.Accounts;

namespace KeyAccount.Application.Revenue.Common;

/// <summary>One month of an account's revenue.</summary>
public sealed record RevenueMonthDto
{
    /// <summary>The month, as its first day.</summary>
    /// <example>2026-10-01</example>
    public DateOnly Month { get; init; }

    /// <summary>Revenue (decimal string on the wire).</summary>
    /// <example>1250000.00</example>
    [JsonConverter(typeof(DecimalStringJsonConverter))]
    public decimal Revenue { get; init; }

    /// <summary>Gross profit.</summary>
    /// <example>312500.00</example>
    [JsonConverter(typeof(DecimalStringJsonConverter))]
    public decimal GrossProfit { get; init; }

    /// <summary>Number of orders.</summary>
    /// <example>42</example>
    public int OrderCount { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    /// <example>CNY</example>
    public required string Currency { get; init; }
}

/// <summary>An account's monthly revenue with trailing-twelve-month totals.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Months">Months in the requested range, oldest first.</param>
/// <param name="TrailingTwelveMonthsRevenue">Revenue of the 12 months ending with the latest month that has data (up to the range's end).</param>
/// <param name="PreviousTwelveMonthsRevenue">Revenue of the 12 months before those.</param>
/// <param name="TrailingTwelveMonthsGrossMargin">Gross margin % of the last 12 months (null without revenue).</param>
public sealed record AccountRevenueDto(
    AccountId AccountId,
    IReadOnlyList<RevenueMonthDto> Months,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal TrailingTwelveMonthsRevenue,
    [property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal PreviousTwelveMonthsRevenue,
    decimal? TrailingTwelveMonthsGrossMargin);

/// <summary>One row of a bulk revenue upload. Identify the account by <c>accountId</c> or by <c>registrationNumber</c>.</summary>
public sealed record RevenueRowInput
{
    /// <summary>How a month is written: yyyy-MM.</summary>
    public const string MonthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    /// <summary>The account's id (or give the registration number).</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>The account's registration number (or give the id).</summary>
    /// <example>91310000MA1FL1234X</example>
    [MaxLength(50)]
    public string? RegistrationNumber { get; init; }

    /// <summary>The month, written yyyy-MM: from 1990-01 to the current month.</summary>
    /// <example>2026-10</example>
    [MaxLength(7)]
    [RegularExpression(RevenueRowInput.MonthPattern)]
    public required string Month { get; init; }

    /// <summary>Revenue of the month (≥ 0).</summary>
    /// <example>1250000.00</example>
    [JsonConverter(typeof(DecimalStringJsonConverter))]
    public required decimal Revenue { get; init; }

    /// <summary>Gross profit of the month (≤ revenue; may be negative).</summary>
    /// <example>312500.00</example>
    [JsonConverter(typeof(DecimalStringJsonConverter))]
    public required decimal GrossProfit { get; init; }

    /// <summary>Orders in the month (≥ 0).</summary>
    /// <example>42</example>
    [Range(0, int.MaxValue)]
    public required int OrderCount { get; init; }

    /// <summary>ISO 4217 currency.</summary>
    /// <example>CNY</example>
    [MaxLength(3)]
    [RegularExpression("^[A-Z]{3}$")]
    public required string Currency { get; init; }
}

/// <summary>A bulk upsert of revenue rows (1 to 10,000), by account and month.</summary>
public sealed record RevenueImportRequest
{
    /// <summary>The rows; all are written or none.</summary>
    [MinLength(1), MaxLength(UpsertRevenue.UpsertRevenueHandler.MaxRows)]
    public IReadOnlyList<RevenueRowInput> Rows { get; init; } = [];
}

/// <summary>What a bulk upsert wrote.</summary>
/// <param name="Received">Rows received.</param>
/// <param name="Inserted">Months that were new.</param>
/// <param name="Updated">Months that existed and were replaced.</param>
public sealed record RevenueImportResult(int Received, int Inserted, int Updated);
