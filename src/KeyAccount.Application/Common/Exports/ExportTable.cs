namespace KeyAccount.Application.Common.Exports;

/// <summary>The file formats a list can be exported as.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel shows Chinese).</summary>
    Csv,

    /// <summary>An Office Open XML workbook with typed cells.</summary>
    Xlsx,
}

/// <summary>The language of an export's headers and enumerated values. Chinese first: most users read it.</summary>
public enum ExportLanguage
{
    ZhCn,
    En,
}

/// <summary>
/// What a cell holds. Writers decide by the column, not by the value: a text cell is neutralised against formula
/// injection (it came from a user), a number is never (a negative amount is a number, not a formula).
/// </summary>
public enum CellKind
{
    Text,
    WholeNumber,
    Number,
    Date,
    DateTime,
}

/// <summary>One column of an export: its header in both languages and the kind of its cells.</summary>
/// <param name="ZhCn">Header in Simplified Chinese.</param>
/// <param name="En">Header in English.</param>
/// <param name="Kind">The kind of every cell of the column.</param>
public sealed record ExportColumn(string ZhCn, string En, CellKind Kind)
{
    public string Header(ExportLanguage language) => language == ExportLanguage.En ? En : ZhCn;
}

/// <summary>
/// A list ready to be written as a file: the columns the caller may see, how many rows match (counted before
/// streaming, so a too-large export is refused before a byte is sent) and the rows themselves, streamed from the
/// database as they are written (never all in memory).
/// </summary>
/// <param name="Name">The file's stem (<c>accounts</c>), the date and extension are added by the writer's caller.</param>
/// <param name="Language">Language of the headers and of the enumerated values in the rows.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="RowCount">Rows matching the filters when counted.</param>
/// <param name="Rows">One array per row, one value per column: string, int, long, decimal, DateOnly, DateTimeOffset or null.</param>
public sealed record ExportTable(string Name, ExportLanguage Language, IReadOnlyList<ExportColumn> Columns, long RowCount, IAsyncEnumerable<object?[]> Rows);

/// <summary>Writes an <see cref="ExportTable"/> in one format (implemented by Infrastructure).</summary>
public interface IExportWriter
{
    ExportFormat Format { get; }

    /// <summary>The media type of the response (with its charset when text).</summary>
    string ContentType { get; }

    /// <summary>File extension without the dot.</summary>
    string Extension { get; }

    Task WriteAsync(ExportTable table, Stream destination, CancellationToken cancellationToken);
}
