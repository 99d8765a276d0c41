using KeyAccount.Application.Common.Exports;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace KeyAccount.Infrastructure.Exports;

/// <summary>
/// An .xlsx workbook written by SpreadCheetah as the rows arrive (it streams the zip entries; nothing is held per
/// row). Cells are typed: numbers are numbers, dates and instants are date cells with a date format (so Excel sorts
/// and sums them), text is a string cell — which a spreadsheet never evaluates, so no formula neutralisation is
/// needed here. The header row is bold, frozen and carries an auto-filter.
/// </summary>
public sealed class XlsxExportWriter : IExportWriter
{
    public ExportFormat Format => ExportFormat.Xlsx;

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => "xlsx";

    public async Task WriteAsync(ExportTable table, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        var output = new AsyncOnlyStream(destination);
        await using var outputScope = output.ConfigureAwait(false);
        var spreadsheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { WriteCellReferenceAttributes = true }, cancellationToken).ConfigureAwait(false);
        await using (spreadsheet.ConfigureAwait(false))
        {
            var header = spreadsheet.AddStyle(new Style { Font = new Font { Bold = true } });
            var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
            var instant = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
            var columns = table.Columns;
            var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:{ColumnName(columns.Count)}1") };
            for (var i = 0; i < columns.Count; i++)
            {
                options.Column(i + 1).Width = columns[i].Kind switch
                {
                    CellKind.DateTime => 20,
                    CellKind.Date => 12,
                    CellKind.Text => 22,
                    _ => 14,
                };
            }

            await spreadsheet.StartWorksheetAsync(table.Name, options, cancellationToken).ConfigureAwait(false);
            var cells = new Cell[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = new Cell(columns[i].Header(table.Language), header);
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
            await foreach (var row in table.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[i] = row[i] switch
                    {
                        null => default,
                        string text => new Cell(text),
                        int number => new Cell(number),
                        long number => new Cell(number),
                        decimal number => new Cell(number),
                        DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), date),
                        DateTimeOffset at => new Cell(at.UtcDateTime, instant),
                        var other => new Cell(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
                    };
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
            }

            await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
        }

        // The archive's end (central directory), written synchronously when the spreadsheet was disposed.
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The spreadsheet name of the 1-based column <paramref name="number"/> (1 → A, 27 → AA).</summary>
    private static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
