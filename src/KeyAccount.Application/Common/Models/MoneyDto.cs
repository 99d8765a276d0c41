using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Serialization;

namespace KeyAccount.Application.Common.Models;

/// <summary>Money: a decimal amount (a string on the wire, e.g. "1234.50") and an ISO 4217 currency.</summary>
/// <param name="Amount" example="1200000.50">Decimal amount, written as a string to keep its precision: at most 18 digits before the point and 2 after it.</param>
/// <param name="Currency" example="CNY">ISO 4217 currency code: three upper-case letters.</param>
public sealed record MoneyDto([property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal Amount, [property: MaxLength(3), RegularExpression("^[A-Z]{3}$")] string Currency);
