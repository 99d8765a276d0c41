using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Serialization;

namespace KeyAccount.Application.Common.Models;

/// <summary>Money: a decimal amount (a string on the wire, e.g. "1234.50") and an ISO 4217 currency.</summary>
/// <param name="Amount">Decimal amount; serialized as a string to keep its precision.</param>
/// <param name="Currency">ISO 4217 code, e.g. CNY.</param>
public sealed record MoneyDto([property: JsonConverter(typeof(DecimalStringJsonConverter))] decimal Amount, string Currency);
