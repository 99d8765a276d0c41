using KeyAccount.Application.Common.Errors;

namespace KeyAccount.Application.Common.Exports;

/// <summary>Limits of exports (configuration section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>The most rows one export holds; a list with more is refused (400) and the caller narrows the filters.</summary>
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>
    /// Refuses an export whose filters match more than <see cref="MaxRows"/> rows: a 400 on <c>filters</c> with the count
    /// and the maximum, before anything is streamed. The stream is also cut at the maximum (rows added between the
    /// count and the read cannot make it unbounded).
    /// </summary>
    public void EnsureWithinLimit(long count)
    {
        if (count > MaxRows)
        {
            throw RequestValidationException.For(
                "filters",
                FieldErrorCodes.TooManyItems,
                $"The filters match {count} rows; an export holds at most {MaxRows}. Narrow the filters.",
                new Dictionary<string, object?> { ["max"] = MaxRows, ["count"] = count });
        }
    }
}
