using System.Globalization;
using System.Text;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Revenue.Common;
using KeyAccount.Domain.Accounts;

namespace KeyAccount.Application.Revenue.ImportRevenueCsv;

/// <summary>
/// Reads a revenue CSV (RFC 4180: comma-separated, quoted fields, header row). Columns, in any order:
/// <c>registrationNumber</c> or <c>accountId</c>, <c>month</c> (yyyy-MM), <c>revenue</c>, <c>grossProfit</c>,
/// <c>orderCount</c>, <c>currency</c>. Numbers use '.' as the decimal separator.
/// </summary>
public static class RevenueCsvParser
{
    private static readonly string[] Required = ["month", "revenue", "grossProfit", "orderCount", "currency"];

    /// <summary>Parses the file; errors are keyed <c>line N.column</c>.</summary>
    public static (List<RevenueRowInput> Rows, List<int> LineNumbers) Parse(string text, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var line = text[..text.IndexOf('\0', StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            throw Invalid($"line {line}", FieldErrorCodes.NulCharacter, "The file contains the character U+0000, which no field accepts.");
        }

        var records = ReadRecords(text).ToList();
        if (records.Count == 0)
        {
            throw Invalid("file", FieldErrorCodes.Required, "The file is empty; the first line must name the columns.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        int Col(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var missing = Required.Where(r => Col(r) < 0).ToList();
        if (Col("registrationNumber") < 0 && Col("accountId") < 0)
        {
            missing.Insert(0, "registrationNumber");
        }

        if (missing.Count > 0)
        {
            throw Invalid("header", FieldErrorCodes.Required, $"Missing columns: {string.Join(", ", missing)}.", new Dictionary<string, object?> { ["columns"] = missing.ToArray() });
        }

        if (records.Count - 1 > maxRows)
        {
            throw Invalid("file", FieldErrorCodes.TooManyItems, $"At most {maxRows:N0} rows per file.", new Dictionary<string, object?> { ["max"] = maxRows });
        }

        var errors = new Dictionary<string, IReadOnlyList<FieldError>>();
        var rows = new List<RevenueRowInput>();
        var lines = new List<int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            string Get(string name) => Col(name) is var c and >= 0 && c < fields.Count ? fields[c].Trim() : string.Empty;
            decimal Dec(string name)
            {
                if (decimal.TryParse(Get(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                errors[$"line {line}.{name}"] = [new FieldError(FieldErrorCodes.WrongType, "Not a number.", new Dictionary<string, object?> { ["expected"] = "number" })];
                return 0;
            }

            AccountId? accountId = null;
            if (Get("accountId") is { Length: > 0 } idText)
            {
                if (Guid.TryParse(idText, out var g))
                {
                    accountId = new AccountId(g);
                }
                else
                {
                    errors[$"line {line}.accountId"] = [new FieldError(FieldErrorCodes.InvalidFormat, "Not a valid id.", new Dictionary<string, object?> { ["format"] = "uuid" })];
                }
            }

            var orderCount = 0;
            if (!int.TryParse(Get("orderCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out orderCount))
            {
                errors[$"line {line}.orderCount"] = [new FieldError(FieldErrorCodes.WrongType, "Not a whole number.", new Dictionary<string, object?> { ["expected"] = "integer" })];
            }

            rows.Add(new RevenueRowInput
            {
                AccountId = accountId,
                RegistrationNumber = Get("registrationNumber") is { Length: > 0 } r ? r : null,
                Month = Get("month"),
                Revenue = Dec("revenue"),
                GrossProfit = Dec("grossProfit"),
                OrderCount = orderCount,
                Currency = Get("currency"),
            });
            lines.Add(line);
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors, "Some lines could not be read; nothing was written.");
        }

        return (rows, lines);
    }

    private static RequestValidationException Invalid(string field, string code, string message, IReadOnlyDictionary<string, object?>? args = null) =>
        new(new Dictionary<string, IReadOnlyList<FieldError>> { [field] = [new FieldError(code, message, args)] }, message);

    /// <summary>Splits RFC 4180 text into records, each with the line number it starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadRecords(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                case '\uFEFF' when i == 0:
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
