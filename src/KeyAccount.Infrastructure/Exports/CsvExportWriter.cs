using System.Globalization;
using System.Text;
using KeyAccount.Application.Common.Exports;

namespace KeyAccount.Infrastructure.Exports;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, text cells in double quotes with inner quotes doubled, in UTF-8 with a byte-order
/// mark (without it Excel reads the file in the machine's ANSI code page and Chinese turns into mojibake).
/// </summary>
/// <remarks>
/// Formula injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell that starts with <c>= + - @</c>, a tab or
/// a carriage return, so a customer named <c>=HYPERLINK(...)</c> would run in the reader's Excel. Text cells that start
/// so get a leading single quote, which makes Excel show them as text. Only text cells: numbers and dates are
/// written by us from typed values, and a negative amount must stay a number.
/// Rows are written as they arrive from the database; the writer's buffer is flushed every few hundred rows so the
/// client sees progress and nothing accumulates.
/// </remarks>
public sealed class CsvExportWriter : IExportWriter
{
    private const int FlushEveryRows = 500;

    public ExportFormat Format => ExportFormat.Csv;

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public async Task WriteAsync(ExportTable table, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        await destination.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken).ConfigureAwait(false);
        var writer = new StreamWriter(destination, encoding, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder(256);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                AppendText(line, i == 0, table.Columns[i].Header(table.Language));
            }

            await writer.WriteAsync(line.Append("\r\n"), cancellationToken).ConfigureAwait(false);
            var written = 0;
            await foreach (var row in table.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                line.Clear();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    AppendCell(line, i == 0, table.Columns[i].Kind, row[i]);
                }

                await writer.WriteAsync(line.Append("\r\n"), cancellationToken).ConfigureAwait(false);
                if (++written % FlushEveryRows == 0)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One cell as CSV text (exposed for the unit tests of quoting and neutralisation).</summary>
    public static string Cell(CellKind kind, object? value)
    {
        var text = new StringBuilder();
        AppendCell(text, first: true, kind, value);
        return text.ToString();
    }

    private static void AppendCell(StringBuilder line, bool first, CellKind kind, object? value)
    {
        switch (value)
        {
            case null:
                if (!first)
                {
                    line.Append(',');
                }

                return;
            case string text:
                AppendText(line, first, text);
                return;
        }

        if (!first)
        {
            line.Append(',');
        }

        // Typed values are formatted invariantly (a decimal point, ISO dates) whatever the server's culture.
        switch (value)
        {
            case DateTimeOffset at:
                line.Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                line.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case IFormattable number when kind is CellKind.WholeNumber or CellKind.Number:
                line.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                // A value that is not what its column says is written as text, and so neutralised.
                line.Length -= first ? 0 : 1;
                AppendText(line, first, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void AppendText(StringBuilder line, bool first, string text)
    {
        if (!first)
        {
            line.Append(',');
        }

        line.Append('"');
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            line.Append('\'');
        }

        line.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
